"""twinbuild's installed-tree probe: run in a fresh `python -I -S -B`, it puts an
installed scheme's purelib and platlib on sys.path (as site does, .pth files
included) and reports what Python sees there, as JSON facts. It judges
nothing: src/install/compareInstalled.ts compares the facts with what the
project model expects.

  probe_installed.py REQUEST.json RESULT.json
  request: {"root": DIR, "expect": {"scheme": {key: DIR}, "modules": [DOTTED...],
            "resources": [{"package", "path"}], "distribution": NAME,
            "attribute": {"module", "name"} (optional), "project": DIR (optional)}}
  result:  {"imports": {DOTTED: {...}}, "resources": [...], "metadata": {...},
            "files": {key: {RELPATH: {"sha256", "executable", "head"}}}, "attribute": ...}
"""
import hashlib
import importlib
import json
import os
import re
import site
import sys
import traceback


def _error(e):
    return traceback.format_exception_only(type(e), e)[-1].strip()


def _under(path, folder):
    if not path or not folder:
        return False
    real, top = os.path.realpath(path), os.path.realpath(folder)
    return real == top or real.startswith(top + os.sep)


def _imports(names, project):
    out = {}
    for name in names:
        try:
            mod = importlib.import_module(name)
        except BaseException as e:  # noqa: BLE001 - a failing import is a fact
            out[name] = {"ok": False, "error": _error(e)}
            continue
        spec = getattr(mod, "__spec__", None)
        file = getattr(mod, "__file__", None)
        paths = list(getattr(mod, "__path__", None) or [])
        out[name] = {
            "ok": True,
            "file": file,
            "package": hasattr(mod, "__path__"),
            "namespace": hasattr(mod, "__path__") and (file is None or (spec is not None and spec.origin in (None, "namespace"))),
            "underProject": _under(file, project) if file else all(_under(p, project) for p in paths) and bool(paths),
        }
    return out


def _resources(items):
    out = []
    try:
        from importlib.resources import files
    except ImportError:  # Python < 3.9
        files = None
    for item in items:
        rec = {"package": item["package"], "path": item["path"]}
        try:
            if files is None:
                raise RuntimeError("importlib.resources.files needs Python 3.9")
            node = files(item["package"])
            for part in item["path"].split("/"):
                node = node.joinpath(part)
            data = node.read_bytes()
            rec.update(ok=True, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
        except BaseException as e:  # noqa: BLE001
            rec.update(ok=False, error=_error(e))
        out.append(rec)
    return out


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name or "").lower()


def _metadata(name):
    import importlib.metadata as md

    found = [d for d in md.distributions() if _canonical(d.metadata["Name"]) == _canonical(name)]
    if not found:
        return {"count": 0}
    d = found[0]
    return {
        "count": len(found),
        "name": d.metadata["Name"],
        "version": d.version,
        "requires": list(d.requires or []),
        "extras": list(d.metadata.get_all("Provides-Extra") or []),
        "entryPoints": [{"group": ep.group, "name": ep.name, "value": ep.value} for ep in d.entry_points],
    }


def _files(scheme):
    out = {}
    for key, top in scheme.items():
        listing = {}
        for folder, dirs, names in os.walk(top):
            dirs.sort()
            for n in sorted(names):
                full = os.path.join(folder, n)
                rel = os.path.relpath(full, top).replace(os.sep, "/")
                with open(full, "rb") as f:
                    data = f.read()
                listing[rel] = {
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "executable": os.access(full, os.X_OK),
                    "head": data[:512].decode("utf-8", "replace") if key == "scripts" else None,
                }
        out[key] = listing
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        req = json.load(f)
    expect = req["expect"]
    scheme = expect["scheme"]
    for key in ("purelib", "platlib"):
        site.addsitedir(scheme[key])
    facts = {"python": sys.version.split()[0], "sysPath": list(sys.path)}
    facts["files"] = _files(scheme)
    project = expect.get("project")
    facts["imports"] = _imports(expect.get("modules") or [], project)
    facts["resources"] = _resources(expect.get("resources") or [])
    if expect.get("distribution"):
        try:
            facts["metadata"] = _metadata(expect["distribution"])
        except BaseException as e:  # noqa: BLE001
            facts["metadata"] = {"count": 0, "error": _error(e)}
    attr = expect.get("attribute")
    if attr:
        try:
            facts["attribute"] = getattr(importlib.import_module(attr["module"]), attr["name"], None)
        except BaseException as e:  # noqa: BLE001
            facts["attribute"] = "import failed: " + _error(e)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(facts, f)


if __name__ == "__main__":
    main()
