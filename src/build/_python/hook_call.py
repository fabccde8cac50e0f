"""One hook call, shared by the forked and the in-process way of running it:
the hook's arguments from a request, the call itself with every failure as
data (invoke), and the backend lines it executed when the run measures
coverage (traced; coverage_probe.py records them)."""
import json
import os
import sys
import traceback

import hook_protocol
import hook_requirements

PROBE = None  # coverage_probe.Probe when the run measures backend coverage and tracing works here


class HookTimeout(BaseException):
    """Raised in an in-process hook when its time is up (not an Exception: hooks must not catch it)."""


def hook_args(hook, args):
    """The positional arguments of a PEP 517/660 hook, from a request's "args"."""
    cs = args.get("config_settings")
    if hook in ("build_wheel", "build_editable"):
        return (args["output_directory"], cs, args.get("metadata_directory"))
    if hook == "build_sdist":
        return (args["output_directory"], cs)
    if hook.startswith("prepare_metadata_for_build_"):
        return (args["output_directory"], cs)
    return (cs,)


def invoke(backend, req, stop=lambda: None):
    """Call the hook a request names; its value or its failure as data. `stop`
    runs as soon as the hook is over (the in-process timer). After a failed
    build, what get_requires_for_build_* asked for that is not installed."""
    hook = req["hook"]
    fn = getattr(backend, hook, None)
    if fn is None:
        return {"ok": False, "error": hook_protocol.error("missing-hook", "backend has no hook %s" % hook)}
    try:
        value = fn(*hook_args(hook, req.get("args") or {}))
        stop()
        json.dumps(value)
        result = {"ok": True, "value": value}
    except HookTimeout:
        raise
    except SystemExit as e:
        stop()
        result = {"ok": False, "error": hook_protocol.error("system-exit", "SystemExit: %r" % (e.code,), traceback.format_exc())}
    except BaseException as e:  # noqa: BLE001 - every failure is data
        stop()
        last = traceback.format_exception_only(type(e), e)[-1].strip()
        result = {"ok": False, "error": hook_protocol.error("exception", last, traceback.format_exc())}
    if not result["ok"] and hook in hook_requirements.REQUIRES_HOOK:
        missing = hook_requirements.missing_requirements(backend, hook_requirements.REQUIRES_HOOK[hook], req.get("args") or {})
        if missing:
            result["error"]["missing"] = missing
    return result


def traced(call):
    """call() -> a response dict; with the backend lines it executed under "lines"
    when the run measures coverage and tracing works here."""
    if PROBE is None or PROBE.start() is not None:
        return call()
    try:
        result = call()
    finally:
        PROBE.stop()
    result["lines"] = PROBE.take()
    return result


def coverage_setup(module):
    """A probe for the files of `module`'s distribution, started before the backend's import."""
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    try:
        import coverage_probe
    finally:
        sys.path.remove(here)
    probe = coverage_probe.Probe(coverage_probe.backend_roots(module))
    probe.start()
    return probe


def coverage_ready(probe):
    """After the import: the ready message's coverage part; PROBE stays set only if tracing works."""
    global PROBE
    probe.stop()
    why = probe.unavailable()
    PROBE = probe if why is None else None
    return {"method": probe.method, "roots": probe.roots, "unavailable": why, "lines": probe.take() if why is None else {}}
