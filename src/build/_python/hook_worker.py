"""twinbuild's hook worker: one long-lived interpreter per backend.

The entry point (python -u -B -s hook_worker.py SPEC [PATH...]; see
src/build/hookWorker.ts). It reads its configuration, sets up containment
(hook_isolation), imports the backend once (warm), says it is ready, and then
answers requests one at a time: a hook call in a forked child (hook_forked,
the default) or in this process with its state restored (hook_inprocess), or
a warm request (import more modules here). The modules, one job each:
  hook_protocol      messages (messages.schema.json), configuration, the channel
  hook_isolation     network namespace, resource limits, reaping, SIGTERM/SIGINT
  hook_forked        the forked call (session, pipes, capped logs, timeout)
  hook_inprocess     the in-process call and the state it restores
  hook_call          one call shared by both: arguments, invoke, coverage trace
  hook_requirements  after a failed build, the requirements the environment lacks
  coverage_probe     the backend lines a call executed (--coverage)
Written for every CPython from 3.6 on.
"""
import importlib
import json
import os
import signal
import sys
import time
import traceback

# Our modules sit next to this file (sys.path[0] already, unless the interpreter runs isolated);
# main() takes this folder off sys.path before the backend is imported.
_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

import hook_call  # noqa: E402
import hook_forked  # noqa: E402
import hook_inprocess  # noqa: E402
import hook_isolation  # noqa: E402
import hook_protocol  # noqa: E402


def _import_backend(spec):
    module_name, _, obj_path = spec.partition(":")
    obj = importlib.import_module(module_name)
    for part in filter(None, obj_path.split(".")):
        obj = getattr(obj, part)
    return obj


def _warm(modules):
    """Import modules in the worker, so that forked hook processes start warm; how many were new."""
    loaded = 0
    for name in modules:
        if name in sys.modules or name == "__main__":
            continue
        try:
            importlib.import_module(name)
            loaded += 1
        except BaseException:  # noqa: BLE001 - warming is best effort
            pass
    return loaded


def main():
    cfg = hook_protocol.read_config()
    proto = hook_protocol.open_channel()
    network, network_detail = hook_isolation.isolate_network(cfg.get("network") or "isolate")
    subreaper = hook_isolation.prctl(hook_isolation.PR_SET_CHILD_SUBREAPER, 1)
    hook_isolation.LIMITS, limits = hook_isolation.plan_limits(cfg.get("limits") or {})
    signal.signal(signal.SIGTERM, hook_isolation.on_term)
    signal.signal(signal.SIGINT, hook_isolation.on_term)
    isolation = {"network": network, "networkDetail": network_detail, "limits": limits, "subreaper": subreaper}
    spec = sys.argv[1]
    paths = sys.argv[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = paths + [p for p in sys.path if p and os.path.abspath(p) != here]  # the backend's paths first, not ours
    probe = hook_call.coverage_setup(cfg["coverage"]) if cfg.get("coverage") else None
    try:
        backend = _import_backend(spec)
    except BaseException as e:  # noqa: BLE001
        last = traceback.format_exception_only(type(e), e)[-1].strip()
        proto.write(json.dumps({"ready": False, "error": hook_protocol.error("import-error", last, traceback.format_exc())}) + "\n")
        return 1
    hooks = [h for h in hook_protocol.HOOKS if callable(getattr(backend, h, None))]
    ready = {"ready": True, "hooks": hooks, "pid": os.getpid(), "python": sys.executable, "isolation": isolation}
    if probe is not None:
        ready["coverage"] = hook_call.coverage_ready(probe)
    proto.write(json.dumps(ready) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        start = time.monotonic()
        if req.get("op") == "warm":
            res = hook_call.traced(lambda: {"ok": True, "value": _warm(req.get("modules") or [])})
        elif req.get("inprocess"):
            res = hook_inprocess.call_inprocess(backend, req)
        else:
            res = hook_forked.call_forked(backend, req)
        res["id"] = req["id"]
        res["ms"] = (time.monotonic() - start) * 1000.0
        hook_protocol.send(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
