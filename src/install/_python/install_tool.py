"""twinbuild's installer tool: install one wheel with pypa/installer, then
look at the result from a fresh interpreter.

Loaded by the hook worker (src/build/_python/hook_worker.py) as if it were a
backend, so that it runs in the same sandbox as every build: a forked child
with no network, resource limits and a timeout that kills its process group
(the probe interpreter it starts is in that group). The worker calls
`install_and_probe(config_settings)`, whose "request" is the JSON text of

  {"wheel": FILE, "root": DIR, "expect": {...}, "edit": {...} | null}

`root` gets one folder per scheme key (purelib, platlib, headers, scripts,
data), the wheel is installed there, and probe_installed.py runs in
`sys.executable -I -S` (nothing of this environment's site-packages: only
the standard library and the scheme's purelib and platlib, .pth files
processed). With `edit` ({"file": PATH, "module": NAME}), the file is then
appended a line and a second fresh interpreter reports whether the module
sees it (an editable install). Returns the probe's facts (JSON).
"""
import json
import os
import subprocess
import sys

from installer import install
from installer.destinations import SchemeDictionaryDestination
from installer.sources import WheelFile

SCHEME_KEYS = ("purelib", "platlib", "headers", "scripts", "data")
PROBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "probe_installed.py")
EDIT_ATTR = "TWINBUILD_EDIT_MARK"


def _probe(root, expect, timeout):
    request = os.path.join(root, "probe-request.json")
    result = os.path.join(root, "probe-result.json")
    with open(request, "w", encoding="utf-8") as f:
        json.dump({"root": root, "expect": expect}, f)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", root), "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [sys.executable, "-I", "-S", "-B", PROBE, request, result],
        cwd=root, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
    )
    if proc.returncode != 0 or not os.path.exists(result):
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise RuntimeError("probe exited with status %d: %s" % (proc.returncode, " | ".join(tail)))
    with open(result, encoding="utf-8") as f:
        return json.load(f)


# Interpreters a requirement's marker is evaluated for: the marker's meaning is its truth on each.
_PYTHONS = ("2.7.18", "3.0.0", "3.5.0", "3.6.0", "3.6.1", "3.7.0", "3.8.0", "3.8.10", "3.9.0", "3.10.0", "3.11.7", "3.12.0", "3.13.1", "3.14.0", "4.0.0")
_PLATFORMS = (("linux", "posix", "Linux"), ("win32", "nt", "Windows"), ("darwin", "posix", "Darwin"))
_IMPLEMENTATIONS = (("cpython", "CPython"), ("pypy", "PyPy"))


def _version_grid(reqs):
    """Versions around every version a specifier of `reqs` names (itself, a
    pre-release, dev and post release of it, the next release), and a few
    far ones: where two specifier sets that mean the same agree."""
    from packaging.version import InvalidVersion, Version

    texts = {"0", "0.0.1", "1000", "1000.0.0a1"}
    for q in reqs:
        for spec in q.specifier:
            base = spec.version[:-2] if spec.version.endswith(".*") else spec.version
            try:
                v = Version(base)
            except InvalidVersion:
                continue
            release = list(v.release)
            bumped = ".".join(str(x) for x in release[:-1] + [release[-1] + 1])
            texts.update({str(v), v.base_version, v.base_version + ".post1", v.base_version + ".dev0", v.base_version + "a1", bumped, bumped + ".dev0", v.base_version + ".0.1"})
    out = []
    for t in sorted(texts):
        try:
            out.append(Version(t))
        except InvalidVersion:
            pass
    return sorted(set(out))


def requirement_meanings(requirements, extras):
    """{requirement text: what packaging (the reference implementation) makes
    of it: canonical name, extras and URL, the specifier set's truth on a
    grid of versions around those the requirements name, and the marker's
    truth on a fixed grid of environments (Python versions, platforms,
    implementations, each extra and none; a requirement without a marker
    holds in every one, so `u` and `u; python_version >= "3.6" or
    python_version != "3.6"` mean the same} or
    {"error": ...} when packaging rejects it."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    envs = []
    for full in _PYTHONS:
        for plat, osname, system in _PLATFORMS:
            for impl, pyimpl in _IMPLEMENTATIONS:
                for extra in [""] + list(extras):
                    envs.append({
                        "python_full_version": full, "python_version": ".".join(full.split(".")[:2]),
                        "sys_platform": plat, "os_name": osname, "platform_system": system,
                        "implementation_name": impl, "platform_python_implementation": pyimpl,
                        "implementation_version": full, "extra": extra,
                    })
    parsed = {}
    out = {}
    for text in requirements:
        try:
            parsed[text] = Requirement(text)
        except Exception as e:  # noqa: BLE001 - a requirement packaging rejects is a fact too
            out[text] = {"error": str(e)}
    grid = _version_grid(parsed.values())
    for text, q in parsed.items():
        out[text] = {
            "name": canonicalize_name(q.name),
            "extras": sorted(canonicalize_name(e) for e in q.extras),
            "url": q.url or "",
            "versions": "".join("1" if q.specifier.contains(v, prereleases=True) else "0" for v in grid),
            "marker": "1" * len(envs) if q.marker is None else "".join(_marker_truth(q.marker, env) for env in envs),
        }
    return out


def _marker_truth(marker, env):
    """"1" or "0", or "E" where the pinned packaging raises: packaging 25.0
    compares `extra == "0"` as versions and raises InvalidVersion for the
    empty extra of the no-extra environment (packaging 26 gives False), a
    fact of the reference, the same for the model's requirement and the
    installed one, never an installation failure."""
    try:
        return "1" if marker.evaluate(env) else "0"
    except Exception:  # noqa: BLE001
        return "E"


def install_and_probe(config_settings):
    request = json.loads(config_settings["request"])
    root = request["root"]
    scheme = {k: os.path.join(root, "prefix", k) for k in SCHEME_KEYS}
    for d in scheme.values():
        os.makedirs(d, exist_ok=True)
    with WheelFile.open(request["wheel"]) as source:
        dest = SchemeDictionaryDestination(scheme, interpreter=sys.executable, script_kind="posix")
        install(source, dest, additional_metadata={"INSTALLER": b"twinbuild\n"})
    timeout = float(request.get("timeout") or 60)
    facts = _probe(root, dict(request["expect"], scheme=scheme), timeout)
    facts["interpreter"] = sys.executable
    installed = (facts.get("metadata") or {}).get("requires") or []
    facts["requirements"] = requirement_meanings(list(request.get("requirements") or []) + list(installed), request.get("extras") or [])
    edit = request.get("edit")
    if edit:
        marker = "edited-by-twinbuild"
        with open(edit["file"], "a", encoding="utf-8") as f:  # in place: a hard link or symlink to it sees it too
            f.write("\n%s = %r\n" % (EDIT_ATTR, marker))
        again = _probe(root, {"scheme": scheme, "modules": [], "attribute": {"module": edit["module"], "name": EDIT_ATTR}}, timeout)
        facts["edit"] = {"expected": marker, "seen": again.get("attribute")}
    return facts
