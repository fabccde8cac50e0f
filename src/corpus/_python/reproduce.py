#!/usr/bin/env python3
"""Reproduce a twinbuild counterexample with nothing but Python and the backends.

Builds the project in ./a (and ./b) with each side's backend, calling the
PEP 517 hooks in a fresh interpreter each (as pip and build do), then prints
what differs between the artifacts: members only one side has, and unified
diffs of members that differ. The sdist top folder and the .dist-info folder
are compared by relative path; everything else is compared as stored, so a
difference twinbuild's normalization ignores (say, the WHEEL Generator line)
shows here too. Set PYTHON_A / PYTHON_B to use other interpreters.

Exit status: 1 when the artifacts differ, 0 when they do not.
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
print('\\n' + getattr(obj, {hook!r})({out!r}))
"""


def build(side, kind, out):
    python = os.environ.get("PYTHON_" + side["role"].upper()) or side["python"]
    module, _, obj = side["hook"].partition(":")
    code = HOOK_CALL.format(paths=side["paths"], module=module, attrs=[p for p in obj.split(".") if p], hook="build_" + kind, out=out)
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


def main():
    sides = CONFIG["sides"]
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
            if len(sides) == 2:
                if None in built:
                    found += 1 if built.count(None) == 1 else 0
                    continue
                found += compare(kind, built[0], built[1], sides[0]["label"], sides[1]["label"])
            elif built[0]:
                print("%s: built %s" % (sides[0]["label"], os.path.basename(built[0])))
    print("%d difference(s)" % found if len(sides) == 2 else "see the twinbuild report for the property's check")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
