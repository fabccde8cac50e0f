#!/usr/bin/env python3
"""Reproduce a twinbuild counterexample with nothing but Python and the backends.

Builds the project in ./a (and ./b) with each side's backend, calling the
PEP 517 hooks in a fresh interpreter each (as pip and build do), then prints
what differs between the artifacts: members only one side has, and unified
diffs of members that differ. The sdist top folder and the .dist-info folder
are compared by relative path; everything else is compared as stored, so a
difference twinbuild's normalization ignores (say, the WHEEL Generator line)
shows here too. Set PYTHON_A / PYTHON_B to use other interpreters.

For the install property, the wheel and the editable wheels are built
instead, installed with pip (of the Python running this script) into a
fresh prefix, and probed from a fresh interpreter (probe_installed.py) for
what the project expects (sides.json "install").

For the `spec` and `diff` properties it also runs twinbuild's reference
checks (codes P001-P007: pypa/packaging and trove-classifiers judge each
artifact, twinbuild_judge.py next to this script) when those are importable:
    python3 -m pip install packaging==26.3 trove-classifiers==2026.9.21.13
(`spec`: every problem counts; `diff`: a code only one side has counts).
twinbuild's own TypeScript checks (A, W, S, M codes) are not repeated here.

Exit status: 1 when the artifacts differ (or, for `spec`, the reference
checks find a problem), 0 when they do not.
"""
import difflib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "sides.json"), encoding="utf-8") as f:
    CONFIG = json.load(f)

HOOK_CALL = """
import importlib, sys
sys.path[:0] = {paths!r}
obj = importlib.import_module({module!r})
for part in {attrs!r}:
    obj = getattr(obj, part)
print('\\n' + getattr(obj, {hook!r})({out!r}, {settings!r}))
"""


def build(side, kind, out):
    python = os.environ.get("PYTHON_" + side["role"].upper()) or side["python"]
    module, _, obj = side["hook"].partition(":")
    code = HOOK_CALL.format(paths=side["paths"], module=module, attrs=[p for p in obj.split(".") if p], hook="build_" + kind, out=out, settings=side.get("configSettings"))
    # The interpreter's own bin/ first on PATH, as in an activated environment (uv_build runs its `uv` binary from there).
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(python)) + os.pathsep + os.environ.get("PATH", ""))
    proc = subprocess.run([python, "-c", code], cwd=os.path.join(HERE, side["project"]), capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        return None, proc.stderr.strip().splitlines()[-1:] or ["exit status %d" % proc.returncode]
    return os.path.join(out, proc.stdout.strip().splitlines()[-1]), None


def members(path):
    out = {}
    if path.endswith(".whl") or path.endswith(".zip"):
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if not info.is_dir():
                    out[info.filename] = zf.read(info)
    else:
        with tarfile.open(path) as tf:
            for m in tf.getmembers():
                if m.isfile():
                    out[m.name] = tf.extractfile(m).read()
    if path.endswith(".whl"):
        return {("{dist-info}/" + k.split("/", 1)[1]) if k.split("/", 1)[0].endswith(".dist-info") else k: v for k, v in out.items()}
    return {k.split("/", 1)[1] if "/" in k else k: v for k, v in out.items()}


def text(data):
    try:
        return data.decode("utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return None


def compare(kind, pa, pb, la, lb):
    ma, mb = members(pa), members(pb)
    found = 0
    print("== %s: %s  vs  %s" % (kind, os.path.basename(pa), os.path.basename(pb)))
    for name in sorted(set(ma) | set(mb)):
        if name not in mb:
            print("only in %s: %s" % (la, name))
        elif name not in ma:
            print("only in %s: %s" % (lb, name))
        elif ma[name] != mb[name]:
            ta, tb = text(ma[name]), text(mb[name])
            print("differs: %s" % name)
            if ta is not None and tb is not None:
                for line in difflib.unified_diff(ta, tb, "a/" + name, "b/" + name):
                    sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        else:
            continue
        found += 1
    return found


def load_judge():
    """twinbuild_judge (packaging and trove-classifiers), or None after saying how to get it."""
    try:
        import twinbuild_judge
    except ImportError as exc:
        print("reference checks (P codes) skipped: %s; to run them: python3 -m pip install packaging==26.3 trove-classifiers==2026.9.21.13" % exc)
        return None
    from importlib import metadata
    have = {name: metadata.version(name) for name in twinbuild_judge.PINS}
    if have != twinbuild_judge.PINS:
        print("note: the reference checks run with %s; twinbuild judged with %s" % (have, twinbuild_judge.PINS))
    return twinbuild_judge


def judged(judge, kind, path):
    """The reference problems of one built artifact, as "CODE path: message" lines."""
    filename = os.path.basename(path)
    metadata = wheel = None
    if kind == "wheel":
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            dist_info = sorted({n.split("/", 1)[0] for n in names if n.split("/", 1)[0].endswith(".dist-info") and "/" in n})
            for name, slot in (("METADATA", "metadata"), ("WHEEL", "wheel")):
                member = "%s/%s" % (dist_info[0], name) if dist_info else None
                if member in names:
                    if slot == "metadata":
                        metadata = (member, zf.read(member))
                    else:
                        wheel = (member, zf.read(member))
    else:
        with tarfile.open(path) as tf:
            for m in tf.getmembers():
                parts = m.name.lstrip("./").split("/")
                if m.isfile() and len(parts) == 2 and parts[1] == "PKG-INFO":
                    metadata = (m.name, tf.extractfile(m).read())
                    break
    return ["%s %s: %s" % (p["code"], p["path"], p["message"]) for p in judge.judge(kind, filename, metadata, wheel)]


def reference_checks(judge, kind, built, sides):
    """Print each side's reference problems; the count that makes a finding (spec: all; diff: one-sided codes)."""
    per_side = []
    for side, path in zip(sides, built):
        problems = judged(judge, kind, path) if path else []
        for line in problems:
            print("%s: %s" % (side["label"], line))
        per_side.append(problems)
    if len(sides) == 1:
        return len(per_side[0])
    codes = [set(line.split(" ", 1)[0] for line in problems) for problems in per_side]
    return len(codes[0] ^ codes[1])


EDITABLE_CALL = """
import importlib, json, sys
sys.path[:0] = {paths!r}
obj = importlib.import_module({module!r})
for part in {attrs!r}:
    obj = getattr(obj, part)
print('\\n' + getattr(obj, {hook!r})({out!r}, {settings!r}))
"""


def check_installed(side, tmp):
    """The install property: build the wheel (and the editable wheels), install each
    with pip into a fresh prefix, and look at it from a fresh `python -I -S -B`
    (probe_installed.py, the probe twinbuild runs). Returns the problems seen."""
    import hashlib
    import sysconfig

    spec = CONFIG["install"]
    want = spec["expect"]
    python = os.environ.get("PYTHON_" + side["role"].upper()) or side["python"]
    module, _, obj = side["hook"].partition(":")
    problems = 0
    for i, variant in enumerate(spec["builds"]):
        out = os.path.join(tmp, "build-%d" % i)
        os.makedirs(out)
        project = os.path.join(HERE, side["project"])
        code = EDITABLE_CALL.format(paths=side["paths"], module=module, attrs=[p for p in obj.split(".") if p], hook=variant["hook"], out=out, settings=variant.get("configSettings"))
        env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(python)) + os.pathsep + os.environ.get("PATH", ""))
        proc = subprocess.run([python, "-c", code], cwd=project, capture_output=True, text=True, env=env)
        label = variant["label"]
        if proc.returncode != 0:
            print("%s: %s failed: %s" % (label, variant["hook"], (proc.stderr.strip().splitlines() or ["?"])[-1]))
            problems += 1
            continue
        wheel = os.path.join(out, proc.stdout.strip().splitlines()[-1])
        prefix = os.path.join(tmp, "prefix-%d" % i)
        pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--no-compile", "--prefix", prefix, wheel], capture_output=True, text=True)
        if pip.returncode != 0:
            print("%s: pip install failed: %s" % (label, (pip.stderr.strip().splitlines() or ["?"])[-1]))
            problems += 1
            continue
        paths = sysconfig.get_paths(scheme="posix_prefix", vars={"base": prefix, "platbase": prefix, "installed_base": prefix, "installed_platbase": prefix})
        scheme = {"purelib": paths["purelib"], "platlib": paths["platlib"], "scripts": paths["scripts"]}
        editable = variant["hook"] == "build_editable"
        req = {"root": tmp, "expect": {"scheme": scheme, "modules": want["modules"], "resources": want["resources"], "distribution": want["distribution"], "project": project if editable else None}}
        with open(os.path.join(tmp, "request.json"), "w") as f:
            json.dump(req, f)
        result = os.path.join(tmp, "result-%d.json" % i)
        subprocess.run([sys.executable, "-I", "-S", "-B", os.path.join(HERE, "probe_installed.py"), os.path.join(tmp, "request.json"), result], check=True)
        with open(result) as f:
            facts = json.load(f)
        print("== %s (%s), installed into %s" % (label, os.path.basename(wheel), prefix))
        for name in want["modules"]:
            fact = facts["imports"][name]
            kind = "namespace package" if name in want["namespaces"] else "package" if name in want["packages"] else "module"
            if not fact["ok"]:
                print("  import %s (%s): FAILS: %s" % (name, kind, fact["error"]))
                problems += 1
            elif (name in want["namespaces"]) != fact["namespace"] or (name in want["packages"] and fact["namespace"]):
                print("  import %s: a %s expected, imports as %s" % (name, kind, "a namespace package" if fact["namespace"] else fact["file"]))
                problems += 1
            elif editable and kind != "namespace package" and not fact["underProject"]:
                print("  import %s: from %s, not from the project" % (name, fact["file"]))
                problems += 1
        shas = {(r["package"], r["path"]): r["sha256"] for r in want["resources"]}
        for r in facts["resources"]:
            if not r["ok"] or r.get("sha256") != shas[(r["package"], r["path"])]:
                print("  importlib.resources %s:%s: %s" % (r["package"], r["path"], r.get("error") or "other bytes than the project's"))
                problems += 1
        md = facts.get("metadata") or {}
        print("  importlib.metadata: %s %s, requires %s (the project: %s %s, requires %s)" % (md.get("name"), md.get("version"), md.get("requires"), want["distribution"], want["version"], want["requires"]))
        lib = facts["files"]["purelib"]
        for path in sorted(lib):
            if path.split("/")[0].endswith(".dist-info") or (editable and "/" not in path and (path.endswith(".pth") or path.startswith(("__editable__", "_editable_impl_")))):
                continue
            if editable or path not in want["libFiles"]:
                print("  installed, not in the project: site-packages/%s" % path)
                problems += 1
        for path in sorted(want["libFiles"]):
            if not editable and path not in lib:
                print("  not installed: site-packages/%s" % path)
                problems += 1
        for path, sha in sorted(want["dataFiles"].items()):
            full = os.path.join(prefix, path)
            if not os.path.isfile(full):
                print("  not installed: <prefix>/%s (a .data/data/ file)" % path)
                problems += 1
            else:
                with open(full, "rb") as f:
                    if hashlib.sha256(f.read()).hexdigest() != sha:
                        print("  <prefix>/%s: other bytes than the project's" % path)
                        problems += 1
    print("%d problem(s) seen once installed" % problems)
    return 1 if problems else 0


def main():
    sides = CONFIG["sides"]
    if CONFIG.get("install"):
        with tempfile.TemporaryDirectory(prefix="reproduce-") as tmp:
            return check_installed(sides[0], tmp)
    judge = load_judge() if CONFIG.get("property") in ("spec", "diff") else None
    found = 0
    with tempfile.TemporaryDirectory(prefix="reproduce-") as tmp:
        for kind in ("sdist", "wheel"):
            built = []
            for side in sides:
                out = os.path.join(tmp, side["role"], kind)
                os.makedirs(out)
                path, err = build(side, kind, out)
                if err:
                    print("%s: build_%s failed: %s" % (side["label"], kind, " ".join(err)))
                built.append(path)
            if judge is not None:
                found += reference_checks(judge, kind, built, sides)
            if len(sides) == 2:
                if None in built:
                    found += 1 if built.count(None) == 1 else 0
                    continue
                found += compare(kind, built[0], built[1], sides[0]["label"], sides[1]["label"])
            elif built[0]:
                print("%s: built %s" % (sides[0]["label"], os.path.basename(built[0])))
    if len(sides) == 2:
        print("%d difference(s)" % found)
    elif judge is not None:
        print("%d reference problem(s); twinbuild's own checks (A, W, S, M codes): see the twinbuild report" % found)
    else:
        print("see the twinbuild report for the property's check")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
