"""twinbuild's reference checks: pypa/packaging and trove-classifiers judge one artifact.

Used by twinbuild's judge worker (judge_worker.py) and, copied next to a
materialized counterexample, by reproduce.py, so a finding of these checks
reproduces with plain Python:

    python3 -m pip install packaging==26.3 trove-classifiers==2026.9.21.13

`judge(kind, filename, metadata, wheel)` returns a list of problems, each a
dict {code, path, message}; the codes are documented in twinbuild's
docs/rules/ (P001-P007). `reference(kind, inputs)` gives packaging's verdict
on primitive values (names, versions, specifiers, ...).
"""
import json

import trove_classifiers
from packaging import licenses, tags, utils
from packaging.markers import Marker
from packaging.metadata import InvalidMetadata, Metadata, parse_email
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

# The pins twinbuild installs (the judge must not change with a backend's own copies).
PINS = {"packaging": "26.3", "trove-classifiers": "2026.9.21.13"}


def _problem(code, path, message):
    return {"code": code, "path": path, "message": message}


def _cause(exc):
    """packaging's reason, first line only (its parser errors add the text and a ~~~^ marker below)."""
    cause = exc.__cause__
    text = str(cause).splitlines()[0] if cause is not None and str(cause) else ""
    return " (%s)" % text if text and text not in str(exc) else ""


def _flatten(group):
    for exc in getattr(group, "exceptions", [group]):
        if hasattr(exc, "exceptions"):
            yield from _flatten(exc)
        else:
            yield exc


def check_filename(kind, filename):
    """P001 / P002: packaging parses the artifact's filename. Returns (problems, parsed or None)."""
    try:
        if kind == "wheel":
            return [], utils.parse_wheel_filename(filename)
        return [], utils.parse_sdist_filename(filename)
    except (utils.InvalidWheelFilename, utils.InvalidSdistFilename) as exc:
        fn = "parse_wheel_filename" if kind == "wheel" else "parse_sdist_filename"
        return [_problem("P001" if kind == "wheel" else "P002", filename, "packaging.utils.%s rejects %r: %s" % (fn, filename, exc))], None


def check_metadata(path, data):
    """P003 (every field Metadata.from_email(validate=True) rejects), P004 (classifiers), P005 (markers), P006 (license form)."""
    problems = []
    try:
        valid = Metadata.from_email(data, validate=True)
    except InvalidMetadata as exc:
        valid = None
        problems.append(_problem("P003", path, "%s: %s%s" % (exc.field, exc, _cause(exc))))
    except Exception as group:  # ExceptionGroup (a backport on Python < 3.11)
        valid = None
        for exc in _flatten(group):
            field = getattr(exc, "field", "?")
            problems.append(_problem("P003", path, "%s: %s%s" % (field, exc, _cause(exc))))
    # The validated metadata (each field parsed once), else the fields as written, parsed again.
    raw = parse_email(data)[0] if valid is None else {}
    classifiers = valid.classifiers or [] if valid is not None else raw.get("classifiers", [])
    deprecated = trove_classifiers.deprecated_classifiers
    for classifier in classifiers:
        if classifier.startswith("Private ::"):
            continue  # a project's own choice: the index refuses these on purpose, so private projects are never uploaded
        if classifier in deprecated:
            instead = deprecated[classifier]
            problems.append(_problem("P004", path, "classifier %r is deprecated%s" % (classifier, " (use %s)" % ", ".join(map(repr, instead)) if instead else "")))
        elif classifier not in trove_classifiers.classifiers:
            problems.append(_problem("P004", path, "classifier %r is not a trove classifier" % classifier))
    if valid is not None:
        extras = [""] + list(valid.provides_extra or [])
        requirements = valid.requires_dist or []
    else:
        extras = [""] + list(raw.get("provides_extra", []))
        requirements = [r for r in map(_requirement, raw.get("requires_dist", [])) if r is not None]  # P003 reports the others
    for req in requirements:
        if req.marker is None:
            continue
        for extra in extras:
            try:
                req.marker.evaluate({"extra": extra})
            except Exception as exc:
                problems.append(_problem("P005", path, "the marker of Requires-Dist %r cannot be evaluated (extra %r): %s: %s" % (str(req), extra, type(exc).__name__, exc)))
                break
    # The expression as written is not kept by validation (it keeps the canonical form): read it again when there is one.
    expression = raw.get("license_expression") if valid is None else (parse_email(data)[0].get("license_expression") if valid.license_expression is not None else None)
    if expression is not None:
        try:
            canonical = licenses.canonicalize_license_expression(expression)
        except ValueError:
            canonical = None  # P003 reports it
        if canonical is not None and canonical != expression:
            problems.append(_problem("P006", path, "License-Expression %r is not in canonical form %r" % (expression, str(canonical))))
    return problems


def _requirement(text):
    try:
        return Requirement(text)
    except Exception:
        return None


def check_wheel_tags(path, data, parsed):
    """P007: every WHEEL Tag parses to exactly one tag, and together they are the filename's tags."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return []  # W008 reports it
    found = set()
    problems = []
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if not sep or key.strip().lower() != "tag":
            continue
        value = value.strip()
        try:
            expanded = tags.parse_tag(value)
        except Exception as exc:
            problems.append(_problem("P007", path, "packaging.tags.parse_tag rejects Tag %r: %s" % (value, exc)))
            continue
        if len(expanded) != 1:
            problems.append(_problem("P007", path, "Tag %r is compressed (%d tags); WHEEL lists expanded tags" % (value, len(expanded))))
        found |= expanded
    if parsed is not None and not problems:
        want = parsed[3]
        if found != want:
            missing = sorted(map(str, want - found))
            extra = sorted(map(str, found - want))
            problems.append(_problem("P007", path, "WHEEL tags differ from the filename's: %s" % "; ".join(
                ([("missing %s" % ", ".join(missing))] if missing else []) + ([("not in the filename %s" % ", ".join(extra))] if extra else []))))
    return problems


def judge(kind, filename, metadata=None, wheel=None):
    """Every reference problem of one artifact. `metadata` / `wheel`: (path, bytes) of METADATA or PKG-INFO / WHEEL, or None."""
    problems, parsed = check_filename(kind, filename)
    if metadata is not None:
        problems += check_metadata(metadata[0], metadata[1])
    if wheel is not None:
        problems += check_wheel_tags(wheel[0], wheel[1], parsed)
    return problems


def _wheel_json(parsed):
    name, version, build, tag_set = parsed
    return {"name": str(name), "version": str(version), "build": list(build) if build else [], "tags": sorted(map(str, tag_set))}


def _contains(pair):
    spec, version = pair
    return SpecifierSet(spec).contains(Version(version), prereleases=True)


REFERENCE = {
    "name": lambda x: str(utils.canonicalize_name(x, validate=True)),
    "version": lambda x: str(Version(x)),
    "specifier": lambda x: str(SpecifierSet(x)),
    "requirement": lambda x: str(Requirement(x)),
    "marker": lambda x: str(Marker(x)),
    "license": lambda x: str(licenses.canonicalize_license_expression(x)),
    "wheel_filename": lambda x: _wheel_json(utils.parse_wheel_filename(x)),
    "sdist_filename": lambda x: (lambda p: {"name": str(p[0]), "version": str(p[1])})(utils.parse_sdist_filename(x)),
    "contains": _contains,
}


def reference(kind, inputs):
    """packaging's verdict on each input: {"ok": True, "normal": ...} or {"ok": False, "error": ...}."""
    fn = REFERENCE[kind]
    out = []
    for item in inputs:
        try:
            out.append({"ok": True, "normal": fn(item)})
        except Exception as exc:
            out.append({"ok": False, "error": "%s: %s" % (type(exc).__name__, exc)})
    return out


if __name__ == "__main__":
    print(json.dumps(PINS))
