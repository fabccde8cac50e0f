"""The in-process call with state restore: one hook run in the worker process
itself (no fork), the interpreter put back as it was afterwards (working
folder, environment, umask, sys.path, sys.argv, stdout and stderr, tempfile's
folder, the modules the hook imported, known caches of modules imported
before). The timeout is a SIGALRM timer. twinbuild uses it only where it
confirms every failure in a fork (hook_forked)."""
import importlib
import os
import signal
import sys
import time

import hook_call
import hook_protocol


def _on_alarm(signum, frame):
    raise hook_call.HookTimeout()


def call_inprocess(backend, req):
    """Run one hook in this process (no fork) and put the interpreter back as
    it was: working folder, environment, umask, sys.path, sys.argv, stdout
    and stderr, and every module the hook imported is forgotten. Cheaper than
    a fork by the copy-on-write faults and lazy set-up a forked child redoes;
    twinbuild uses it only where it confirms every failure in a fork."""
    import tempfile
    hook = req["hook"]
    worker_pid = os.getpid()
    saved = {
        "cwd": os.getcwd(),
        "environ": dict(os.environ),
        "path": list(sys.path),
        "argv": list(sys.argv),
        "modules": set(sys.modules),
        "tempdir": tempfile.tempdir,
    }
    fds = []
    for key in ("stdout", "stderr"):
        fds.append(os.open(req[key], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001
            pass
    keep = (os.dup(1), os.dup(2))
    old_umask = None
    old_alarm = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        os.dup2(fds[0], 1)
        os.dup2(fds[1], 2)
        if req.get("umask") is not None:
            old_umask = os.umask(req["umask"])
        env = req.get("env") or {}
        os.environ.update(env)
        if "TZ" in env:
            time.tzset()
        tempfile.tempdir = None
        os.chdir(req["cwd"])
        signal.setitimer(signal.ITIMER_REAL, float(req.get("timeout") or 120))
        def call():
            try:
                return hook_call.invoke(backend, req, stop=lambda: signal.setitimer(signal.ITIMER_REAL, 0))
            except hook_call.HookTimeout:
                return {"ok": False, "error": hook_protocol.error("timeout", "hook %s did not finish within %ss" % (hook, req.get("timeout")))}

        result = hook_call.traced(call)
    finally:
        if os.getpid() != worker_pid:
            os._exit(0)  # a process the hook forked, returning here: it must not go on as a second worker
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_alarm)
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001
                pass
        os.dup2(keep[0], 1)
        os.dup2(keep[1], 2)
        for fd in (*keep, *fds):
            os.close(fd)
        try:
            os.chdir(saved["cwd"])
        except OSError:
            os.chdir("/")
        os.environ.clear()
        os.environ.update(saved["environ"])
        time.tzset()
        if old_umask is not None:
            os.umask(old_umask)
        sys.path[:] = saved["path"]
        sys.argv[:] = saved["argv"]
        tempfile.tempdir = saved["tempdir"]
        for name in set(sys.modules) - saved["modules"]:
            del sys.modules[name]
        importlib.invalidate_caches()
        _reset_known_caches()
    cut = {}
    for key in ("stdout", "stderr"):
        size = os.path.getsize(req[key])
        if size > hook_protocol.LOG_CAP:
            with open(req[key], "r+b") as f:
                f.truncate(hook_protocol.LOG_CAP)
        cut[key] = max(0, size - hook_protocol.LOG_CAP)
    result["cut"] = cut
    return result


def _reset_known_caches():
    """Caches that backends keep in modules imported before the call (so not
    forgotten with the call's own modules): distutils' record of the folders
    mkpath created, which would make it skip creating a folder of that name
    again."""
    for name in ("distutils.dir_util", "setuptools._distutils.dir_util"):
        mod = sys.modules.get(name)
        if mod is None:
            continue
        created = getattr(mod, "_path_created", None)
        if isinstance(created, dict):
            created.clear()
        skip = getattr(mod, "SkipRepeatAbsolutePaths", None)
        if skip is not None and getattr(skip, "instance", None) is not None:
            try:
                skip.clear()
            except Exception:  # noqa: BLE001
                pass
