"""twinbuild's judge worker: answers reference checks over stdin/stdout, one JSON object a line.

Started by src/oracles/judge/client.ts in twinbuild's own environment (pinned
packaging and trove-classifiers; never a backend's). First line out:
{"ready": true, "versions": {...}, "python": "3.x.y"}. Then, per request:

  {"id": N, "op": "judge", "kind": "wheel"|"sdist", "filename": F,
   "metadata": {"path": P, "b64": B} | null, "wheel": {"path": P, "b64": B} | null}
      -> {"id": N, "problems": [{"code", "path", "message"}, ...]}
  {"id": N, "op": "reference", "kind": K, "inputs": [...]}
      -> {"id": N, "results": [{"ok": true, "normal": ...} | {"ok": false, "error": "..."}, ...]}

A request that cannot be answered gets {"id": N, "error": "..."}. The worker
exits when stdin closes.
"""
import base64
import json
import platform
import sys
from importlib import metadata as importlib_metadata


def _file(spec):
    return None if not spec else (spec["path"], base64.b64decode(spec["b64"]))


def answer(request, judge):
    op = request.get("op")
    if op == "judge":
        return {"problems": judge.judge(request["kind"], request["filename"], _file(request.get("metadata")), _file(request.get("wheel")))}
    if op == "reference":
        kind = request.get("kind")
        if kind not in judge.REFERENCE:
            return {"error": "unknown reference kind %r (one of %s)" % (kind, ", ".join(sorted(judge.REFERENCE)))}
        return {"results": judge.reference(kind, request.get("inputs") or [])}
    return {"error": "unknown op %r" % (op,)}


def main():
    out = sys.stdout
    try:
        import twinbuild_judge as judge
        versions = {name: importlib_metadata.version(name) for name in judge.PINS}
    except Exception as exc:  # the environment is broken: say so and stop
        out.write(json.dumps({"ready": False, "error": "%s: %s" % (type(exc).__name__, exc)}) + "\n")
        out.flush()
        return 1
    out.write(json.dumps({"ready": True, "versions": versions, "python": platform.python_version()}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = {}
        try:
            request = json.loads(line)
            reply = answer(request, judge)
        except Exception as exc:
            reply = {"error": "%s: %s" % (type(exc).__name__, exc)}
        reply["id"] = request.get("id") if isinstance(request, dict) else None
        out.write(json.dumps(reply) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
