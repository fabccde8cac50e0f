/**
 * Python run by the backend stage with `python -I -B -c SCRIPT ARG`.
 *
 * The scripts keep to syntax that Python 3.6 parses, so that an old
 * interpreter still reports its version instead of a SyntaxError. Anything
 * a backend prints while being imported goes to stderr; the answer is one
 * line on stdout starting with RESULT_MARK.
 */

export const RESULT_MARK = '@@twinbuild-result@@';

/**
 * Probe: argv[1] is JSON {paths, families: [{family, impls: [{distribution,
 * module, hook}]}], inspect, hooks: [{module, object}]}. Reports the
 * interpreter (sys.executable is the real binary, not a pyenv shim), and for
 * each family the first implementation that imports with `paths` first on
 * sys.path, its distribution's version, and (inspect) which hooks its hook
 * object has; `hooks` are extra hook objects to inspect.
 */
export const PROBE_SCRIPT = String.raw`
import sys, json, os
_out = sys.stdout
sys.stdout = sys.stderr
MARK = ${JSON.stringify(RESULT_MARK)}

def emit(obj):
    _out.write("\n" + MARK + json.dumps(obj) + "\n")
    _out.flush()

req = json.loads(sys.argv[1])
info = {
    "executable": sys.executable,
    "version": list(sys.version_info[:3]),
    "implementation": sys.implementation.name,
    "prefix": sys.prefix,
    "basePrefix": getattr(sys, "base_prefix", sys.prefix),
}
if sys.version_info < (3, 8):
    emit(info)
    sys.exit(0)

import importlib, importlib.util, importlib.metadata, pathlib, re, sysconfig, traceback

info["scripts"] = sysconfig.get_path("scripts")
info["hasVenv"] = importlib.util.find_spec("venv") is not None and importlib.util.find_spec("ensurepip") is not None
sys.path[0:0] = req.get("paths") or []

HOOKS = ["get_requires_for_build_wheel", "get_requires_for_build_sdist", "get_requires_for_build_editable",
         "prepare_metadata_for_build_wheel", "prepare_metadata_for_build_editable",
         "build_wheel", "build_sdist", "build_editable"]

def last_line(e):
    return "".join(traceback.format_exception_only(type(e), e)).strip().splitlines()[-1]

def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()

def origin_of(mod):
    f = getattr(mod, "__file__", None)
    if not f:
        p = list(getattr(mod, "__path__", None) or [])
        f = p[0] if p else None
    return os.path.abspath(f) if f else None

def entry_of(mod):
    # The sys.path entry the module was imported from: strip the module's
    # dotted name off its file (or, for a namespace package, its directory).
    f = getattr(mod, "__file__", None)
    depth = len(mod.__name__.split("."))
    if f:
        f = os.path.abspath(f)
        base = os.path.basename(f)
        d = os.path.dirname(f)
        if not (base.startswith("__init__.") and hasattr(mod, "__path__")):
            depth -= 1
    else:
        p = list(getattr(mod, "__path__", None) or [])
        if not p:
            return None
        d = os.path.abspath(p[0])
    for _ in range(depth):
        d = os.path.dirname(d)
    return d

def dists_in(entry, name):
    want = norm(name)
    found = []
    if os.path.isdir(entry):
        try:
            names = sorted(os.listdir(entry))
        except OSError:
            return found
        for n in names:
            if (n.endswith(".dist-info") or n.endswith(".egg-info")) and os.path.isdir(os.path.join(entry, n)):
                if norm(n.rsplit(".", 1)[0].split("-", 1)[0]) == want:
                    found.append(importlib.metadata.PathDistribution(pathlib.Path(entry, n)))
    elif os.path.isfile(entry):
        try:
            for d in importlib.metadata.distributions(path=[entry]):
                if norm(d.metadata["Name"] or "") == want:
                    found.append(d)
        except Exception:
            pass
    return found

def family_version(dist, mod):
    entry = entry_of(mod)
    if entry is not None:
        for d in dists_in(entry, dist):
            try:
                v = d.version
            except Exception:
                v = None
            if v:
                return v, "metadata"
    elsewhere = None
    try:
        elsewhere = importlib.metadata.version(dist)
    except Exception:
        pass
    mv = getattr(mod, "__version__", None)
    if isinstance(mv, str) and mv and mv != elsewhere:
        return mv, "module"
    if entry is None and elsewhere:
        return elsewhere, "metadata"
    return None, "unknown"

def inspect(h):
    try:
        obj = importlib.import_module(h["module"])
        for part in (h.get("object") or "").split("."):
            if part:
                obj = getattr(obj, part)
    except BaseException as e:
        return {"ok": False, "error": last_line(e), "traceback": traceback.format_exc()[-6000:]}
    present = []
    for n in HOOKS:
        try:
            if callable(getattr(obj, n, None)):
                present.append(n)
        except BaseException:
            pass
    return {"ok": True, "hooks": present}

families = {}
for fam in req.get("families") or []:
    errors = []
    res = None
    for impl in fam["impls"]:
        try:
            mod = importlib.import_module(impl["module"])
        except BaseException as e:
            errors.append(impl["module"] + ": " + last_line(e))
            continue
        try:
            version, source = family_version(impl["distribution"], mod)
        except Exception as e:
            version, source = None, "unknown"
        res = {"ok": True, "module": impl["module"], "distribution": impl["distribution"],
               "version": version, "versionSource": source, "file": origin_of(mod), "hook": impl["hook"]}
        if req.get("inspect"):
            res["inspection"] = inspect(impl["hook"])
        break
    if res is None:
        res = {"ok": False, "error": "; ".join(errors)}
    families[fam["family"]] = res
info["families"] = families
info["hooks"] = [inspect(h) for h in req.get("hooks") or []]
emit(info)
`;

/**
 * Unpack a wheel safely: argv[1] wheel, argv[2] import root, argv[3] scripts
 * directory. `*.data/purelib` and `*.data/platlib` go to the import root (as
 * an installer would put them), `*.data/scripts` to the scripts directory,
 * other members as they are. Members that would escape are refused. File
 * modes are kept (native tools such as uv-build must stay executable).
 */
export const UNPACK_WHEEL_SCRIPT = String.raw`
import sys, os, json, zipfile, posixpath
_out = sys.stdout
sys.stdout = sys.stderr
MARK = ${JSON.stringify(RESULT_MARK)}
whl, site, scripts = sys.argv[1], sys.argv[2], sys.argv[3]
count = 0
with zipfile.ZipFile(whl) as zf:
    bad = zf.testzip()
    if bad is not None:
        raise SystemExit("corrupt member in wheel: " + bad)
    for info in zf.infolist():
        name = info.filename
        if name.endswith("/"):
            continue
        parts = name.split("/")
        if name.startswith("/") or "\\" in name or ".." in parts or (parts[0].endswith(":")):
            raise SystemExit("wheel member would escape the unpack directory: " + name)
        root, rel = site, parts
        if len(parts) > 2 and parts[0].endswith(".data"):
            if parts[1] in ("purelib", "platlib"):
                rel = parts[2:]
            elif parts[1] == "scripts":
                root, rel = scripts, parts[2:]
        target = os.path.join(root, *rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with zf.open(info) as src, open(target, "wb") as dst:
            while True:
                chunk = src.read(1 << 20)
                if not chunk:
                    break
                dst.write(chunk)
        mode = (info.external_attr >> 16) & 0o777
        os.chmod(target, (mode | 0o600) if mode else 0o644)
        count += 1
_out.write("\n" + MARK + json.dumps({"files": count}) + "\n")
`;
