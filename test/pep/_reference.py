"""The test-side reference: pypa/packaging's verdict and normal form for each input.

JSON lines on stdin, one answer line per request on stdout:
  {"op": "reference", "kind": K, "inputs": [...]}
  -> {"results": [{"ok": true, "normal": ...} | {"ok": false, "error": "..."}]}
K: name | version | specifier | requirement | marker | license | wheel_filename |
sdist_filename | contains (inputs are [specifier, version] pairs; prereleases=True).
The judge worker (src/oracles/judge/) answers the same request.
"""
import json
import sys

from packaging.licenses import canonicalize_license_expression
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename
from packaging.version import Version


def wheel(text):
    name, version, build, tags = parse_wheel_filename(text)
    return [name, str(version), list(build), sorted(str(t) for t in tags)]


def sdist(text):
    name, version = parse_sdist_filename(text)
    return [name, str(version)]


KINDS = {
    "name": lambda t: canonicalize_name(t, validate=True),
    "version": lambda t: str(Version(t)),
    "specifier": lambda t: str(SpecifierSet(t)),
    "requirement": lambda t: str(Requirement(t)),
    "marker": lambda t: str(Marker(t)),
    "license": canonicalize_license_expression,
    "wheel_filename": wheel,
    "sdist_filename": sdist,
    "contains": lambda pair: SpecifierSet(pair[0]).contains(pair[1], prereleases=True),
}


def answer(kind, value):
    try:
        return {"ok": True, "normal": KINDS[kind](value)}
    except Exception as e:  # every refusal is a verdict, whatever its class
        return {"ok": False, "error": f"{type(e).__name__}: {e}"}


def main():
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("op") != "reference" or request.get("kind") not in KINDS:
            out = {"error": f"unknown request: {line.strip()[:200]}"}
        else:
            out = {"results": [answer(request["kind"], v) for v in request["inputs"]]}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
