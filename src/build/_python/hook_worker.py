"""twinbuild's hook worker: one long-lived interpreter per backend.

The parent imports the backend once (warm), then forks one child per hook
call. Each child is its own session (process group), so a timeout kills the
hook and everything it spawned; it runs in the project folder with its own
stdout/stderr files and sends its result back over a pipe. Build state of one
call can never leak into the next: every child starts from the parent's
pristine, never-built state.

Protocol (JSON lines): requests on stdin, responses on the original stdout
(fd 1 is redirected to stderr so backend chatter cannot corrupt it).
  first line out: {"ready": true, "hooks": [...], "version": ..., "python": ...}
               or {"ready": false, "error": {...}}
  request:  {"id": N, "hook": NAME, "cwd": DIR, "args": {...}, "timeout": SEC,
             "env": {...}, "umask": INT|null, "stdout": FILE, "stderr": FILE}
  response: {"id": N, "ok": true, "value": ..., "ms": F}
         or {"id": N, "ok": false, "error": {"kind", "message", "traceback"}, "ms": F}
  request:  {"id": N, "op": "warm", "modules": [...]}   import extra modules in the parent
"""
import importlib
import json
import os
import select
import signal
import sys
import time
import traceback

OPTIONAL_HOOKS = (
    "get_requires_for_build_wheel",
    "get_requires_for_build_sdist",
    "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "build_editable",
)
ALL_HOOKS = ("build_wheel", "build_sdist") + OPTIONAL_HOOKS


def _protocol_channel():
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    return proto


def _import_backend(spec):
    module_name, _, obj_path = spec.partition(":")
    obj = importlib.import_module(module_name)
    for part in filter(None, obj_path.split(".")):
        obj = getattr(obj, part)
    return obj


def _hook_args(hook, args):
    cs = args.get("config_settings")
    if hook in ("build_wheel", "build_editable"):
        return (args["output_directory"], cs, args.get("metadata_directory"))
    if hook == "build_sdist":
        return (args["output_directory"], cs)
    if hook.startswith("prepare_metadata_for_build_"):
        return (args["output_directory"], cs)
    return (cs,)


def _error(kind, message, tb=None):
    return {"kind": kind, "message": message, "traceback": tb}


try:  # resolved once in the worker, so that each forked hook process pays nothing for it
    import ctypes

    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
except Exception:  # noqa: BLE001
    _PRCTL = None


def _die_with_parent():
    """Linux: SIGKILL this hook process if the worker dies (best effort)."""
    if _PRCTL is not None:
        try:
            _PRCTL(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except Exception:  # noqa: BLE001
            pass


def _run_child(backend, req, w):
    os.setsid()
    try:
        if PROTO is not None:
            os.close(PROTO.fileno())  # only the worker talks to Node
        _die_with_parent()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        for fd, path in ((1, req["stdout"]), (2, req["stderr"])):
            f = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(f, fd)
            os.close(f)
        if req.get("umask") is not None:
            os.umask(req["umask"])
        os.environ.update(req.get("env") or {})
        if "TZ" in (req.get("env") or {}):
            time.tzset()
        os.chdir(req["cwd"])
        hook = req["hook"]
        fn = getattr(backend, hook, None)
        if fn is None:
            result = {"ok": False, "error": _error("missing-hook", "backend has no hook %s" % hook)}
        else:
            try:
                value = fn(*_hook_args(hook, req.get("args") or {}))
                json.dumps(value)
                result = {"ok": True, "value": value}
            except SystemExit as e:
                result = {"ok": False, "error": _error("system-exit", "SystemExit: %r" % (e.code,), traceback.format_exc())}
            except BaseException as e:  # noqa: BLE001 - every failure is data
                last = traceback.format_exception_only(type(e), e)[-1].strip()
                result = {"ok": False, "error": _error("exception", last, traceback.format_exc())}
        if req.get("reportModules"):
            here = os.path.realpath(req["cwd"]) + os.sep
            result["modules"] = sorted(
                name
                for name, mod in list(sys.modules.items())
                if not os.path.realpath(getattr(mod, "__file__", None) or "/").startswith(here)
            )
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # noqa: BLE001
            pass
        data = json.dumps(result).encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(w, view)
            view = view[n:]
    finally:
        os._exit(0)


def _call(backend, req):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        _run_child(backend, req, w)
    os.close(w)
    deadline = time.monotonic() + float(req.get("timeout") or 120)
    chunks = []
    timed_out = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([r], [], [], left)
        if not ready:
            continue
        chunk = os.read(r, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(r)
    if timed_out:
        _kill_group(pid)
        os.waitpid(pid, 0)
        return {"ok": False, "error": _error("timeout", "hook %s did not finish within %ss" % (req["hook"], req.get("timeout")))}
    _, status = os.waitpid(pid, 0)
    _kill_group(pid)  # anything the hook left running
    raw = b"".join(chunks)
    if raw:
        try:
            return json.loads(raw.decode("utf-8"))
        except ValueError:
            pass
    if os.WIFSIGNALED(status):
        msg = "hook process killed by signal %d" % os.WTERMSIG(status)
    else:
        msg = "hook process exited with status %d before returning a result" % os.WEXITSTATUS(status)
    return {"ok": False, "error": _error("crash", msg)}


def _kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _warm(modules):
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


PROTO = None


def main():
    global PROTO
    proto = PROTO = _protocol_channel()
    spec = sys.argv[1]
    paths = sys.argv[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = paths + [p for p in sys.path if p and os.path.abspath(p) != here]  # the backend's paths first, not ours
    try:
        backend = _import_backend(spec)
    except BaseException as e:  # noqa: BLE001
        last = traceback.format_exception_only(type(e), e)[-1].strip()
        proto.write(json.dumps({"ready": False, "error": _error("import-error", last, traceback.format_exc())}) + "\n")
        return 1
    hooks = [h for h in ALL_HOOKS if callable(getattr(backend, h, None))]
    proto.write(json.dumps({"ready": True, "hooks": hooks, "pid": os.getpid(), "python": sys.executable}) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        start = time.monotonic()
        if req.get("op") == "warm":
            res = {"ok": True, "value": _warm(req.get("modules") or [])}
        else:
            res = _call(backend, req)
        res["id"] = req["id"]
        res["ms"] = (time.monotonic() - start) * 1000.0
        proto.write(json.dumps(res) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
