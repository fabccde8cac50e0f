"""twinbuild's hook worker: one long-lived interpreter per backend.

The parent imports the backend once (warm), then forks one child per hook
call. Each child is its own session (process group), so a timeout kills the
hook and everything it spawned; it runs in the project folder, its stdout and
stderr go to pipes the worker reads (keeping only a capped head and tail), and
it sends its result back over a pipe. Build state of one call can never leak
into the next: every child starts from the parent's pristine, never-built
state.

Containment (see docs/safety.md):
- network: the worker moves itself into a new, empty network namespace before
  it imports the backend (as root: unshare(CLONE_NEWNET); otherwise inside a
  new user namespace where the kernel allows it); every hook inherits it, so
  any connection fails at once. Where neither is permitted, the network is
  shared and the ready message says so.
- resource limits in each hook process: RLIMIT_DATA (memory), RLIMIT_FSIZE
  (largest file written), RLIMIT_CORE = 0, and RLIMIT_NPROC for non-root users
  (the kernel does not apply RLIMIT_NPROC to root).
- the worker is a child subreaper: a hook's descendants that escape its
  process group (setsid, double fork) are re-parented to the worker, which
  kills and reaps them after the call (and before the next one).
- a hook's stdin is /dev/null (it must not read the protocol).
- if twinbuild (the worker's parent) goes away during a call, or the worker
  gets SIGTERM or SIGINT, the hook and all its descendants are killed and the
  worker exits.

Protocol (JSON lines): requests on stdin, responses on the original stdout
(fd 1 is redirected to stderr so backend chatter cannot corrupt it).
  first line out: {"ready": true, "hooks": [...], "pid": N, "python": ..., "isolation": {...}}
               or {"ready": false, "error": {...}}
  request:  {"id": N, "hook": NAME, "cwd": DIR, "args": {...}, "timeout": SEC,
             "env": {...}, "umask": INT|null, "stdout": FILE, "stderr": FILE}
  progress: {"id": N, "started": PID}      the hook process (its process group id)
  response: {"id": N, "ok": true, "value": ..., "ms": F, "cut": {"stdout": B, "stderr": B}}
         or {"id": N, "ok": false, "error": {"kind", "message", "traceback"}, "ms": F, "cut": {...}}
  request:  {"id": N, "op": "warm", "modules": [...]}   import extra modules in the parent
With "coverage": MODULE in the configuration (the backend's package, traced), the ready message has
  "coverage": {"method", "roots", "unavailable": REASON|null, "lines": {...}}
(the lines the backend's import executed) and every response (hooks, warm)
has "lines": {relpath: [line, ...]}, the backend lines it executed
(coverage_probe.py records them).
Configuration comes in the environment variable TWINBUILD_WORKER_CONFIG
(JSON: {"limits": {"data", "fsize", "core", "nprocExtra"}, "logCap", "network", "coverage"}),
removed from the environment before anything else runs.
"""
import errno
import importlib
import json
import os
import select
import signal
import sys
import time
import traceback

try:
    import resource
except ImportError:  # pragma: no cover - not on Linux
    resource = None

OPTIONAL_HOOKS = (
    "get_requires_for_build_wheel",
    "get_requires_for_build_sdist",
    "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "build_editable",
)
ALL_HOOKS = ("build_wheel", "build_sdist") + OPTIONAL_HOOKS

CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
RESULT_CAP = 4 * 1024 * 1024  # a result is a file name; more than this is not one


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

    _LIBC = ctypes.CDLL(None, use_errno=True)
    _PRCTL = _LIBC.prctl
except Exception:  # noqa: BLE001
    ctypes = None
    _LIBC = None
    _PRCTL = None


def _prctl(option, value):
    if _PRCTL is None:
        return False
    try:
        return _PRCTL(option, value, 0, 0, 0) == 0
    except Exception:  # noqa: BLE001
        return False


# ---------------------------------------------------------------- isolation


def _unshare(flags):
    """os.unshare (Python 3.12+) or libc unshare(2); raises OSError."""
    if hasattr(os, "unshare"):
        os.unshare(flags)
        return
    if _LIBC is None:
        raise OSError(errno.ENOSYS, "unshare is not available")
    if _LIBC.unshare(flags) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


def _write(path, text):
    with open(path, "w") as f:
        f.write(text)


def _isolate_network(mode):
    """Move this process into an empty network namespace. Returns (state, detail)."""
    if mode == "allow":
        return "shared", "network isolation turned off"
    if not sys.platform.startswith("linux"):
        return "shared", "network namespaces need Linux"
    try:
        _unshare(CLONE_NEWNET)
        return "namespace", "unshare(CLONE_NEWNET): no interfaces but a loopback that is down"
    except OSError as e:
        first = "unshare(CLONE_NEWNET): %s" % (e.strerror or e)
    if os.geteuid() != 0:
        uid, gid = os.geteuid(), os.getegid()
        try:
            _unshare(CLONE_NEWUSER | CLONE_NEWNET)
        except OSError as e:
            return "shared", "%s; unshare(CLONE_NEWUSER|CLONE_NEWNET): %s" % (first, e.strerror or e)
        try:  # keep our own uid and gid inside the new user namespace
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", "%d %d 1" % (uid, uid))
            _write("/proc/self/gid_map", "%d %d 1" % (gid, gid))
        except OSError as e:
            return "user-namespace", "new user and network namespace (uid map failed: %s)" % (e.strerror or e)
        return "user-namespace", "unshare(CLONE_NEWUSER|CLONE_NEWNET) with uid %d and gid %d mapped to themselves" % (uid, gid)
    return "shared", first


def _user_process_count():
    uid = os.getuid()
    n = 0
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.stat("/proc/" + entry).st_uid == uid:
                        n += 1
                except OSError:
                    pass
    except OSError:
        return None
    return n


def _plan_limits(cfg):
    """(resource, value) pairs every hook process applies; and a description for the ready message."""
    plan, described = [], {}
    if resource is None:
        return plan, {"note": "no resource module"}
    for key, name in (("data", "RLIMIT_DATA"), ("fsize", "RLIMIT_FSIZE"), ("core", "RLIMIT_CORE")):
        value = cfg.get(key)
        res = getattr(resource, name, None)
        if value is None or res is None:
            continue
        plan.append((res, int(value)))
        described[name] = int(value)
    extra = cfg.get("nprocExtra")
    res = getattr(resource, "RLIMIT_NPROC", None)
    if extra is not None and res is not None:
        if os.geteuid() == 0:
            described["RLIMIT_NPROC"] = "not applied: the kernel does not enforce it for root"
        else:
            count = _user_process_count()
            if count is not None:
                plan.append((res, count + int(extra)))
                described["RLIMIT_NPROC"] = count + int(extra)
    return plan, described


LIMITS = []


def _apply_limits():
    for res, value in LIMITS:
        try:
            soft, hard = resource.getrlimit(res)
            v = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(res, (v, v))  # hard too: the hook cannot raise it again (unless privileged)
        except (ValueError, OSError):
            pass


# ---------------------------------------------------------------- processes


def _children():
    """Pids of this process's children (zombies included)."""
    me = os.getpid()
    try:
        with open("/proc/%d/task/%d/children" % (me, me)) as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        pass
    kids = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return kids
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, "rb") as f:
                stat = f.read()
            if int(stat[stat.rindex(b")") + 2 :].split()[1]) == me:
                kids.append(int(entry))
        except (OSError, ValueError, IndexError):
            pass
    return kids


def _kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _reap_any():
    """Reap every child that has exited; True if live children remain."""
    try:
        while True:
            pid, _ = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                return True
    except ChildProcessError:
        return False


def _group_exists(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except OSError:
        return False


def _cleanup(pgid=None, seconds=2.0):
    """Kill process group `pgid` (if given) and every child this worker still has, and reap them all.

    A hook's processes that left its process group (setsid, double fork) are
    re-parented to the worker (a child subreaper) when their parent dies, so
    they are found here as children. Usually this is three system calls: the
    group is gone and there are no children.
    """
    deadline = time.monotonic() + seconds
    while True:
        if pgid is not None:
            _kill_group(pgid)
        live = _reap_any()
        if live:
            for k in _children():
                _kill_group(k)
                try:
                    os.kill(k, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            live = _reap_any()
        if not live and (pgid is None or not _group_exists(pgid)):
            return
        if time.monotonic() > deadline:
            return
        time.sleep(0.001)


CURRENT = None  # pid of the running hook process


def _on_term(signum, frame):
    if CURRENT is not None:
        try:
            os.kill(CURRENT, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    _cleanup(CURRENT)
    os._exit(128 + signum)


# ---------------------------------------------------------------- one hook call


class _Capture:
    """Keeps the first and the last `cap // 2` bytes of a stream, and counts the rest."""

    def __init__(self, cap):
        self.half = max(1, cap // 2)
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0

    def add(self, data):
        self.total += len(data)
        room = self.half - len(self.head)
        if room > 0:
            self.head += data[:room]
            data = data[room:]
        if data:
            self.tail += data
            if len(self.tail) > 4 * self.half:
                del self.tail[: len(self.tail) - self.half]

    def save(self, path):
        tail = self.tail[-self.half :] if len(self.tail) > self.half else self.tail
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, bytes(self.head))
                os.write(fd, bytes(tail))
            finally:
                os.close(fd)
        except OSError:
            pass
        return self.total - len(self.head) - len(tail)


def _run_child(backend, req, w, out_w, err_w, worker_pid):
    os.setsid()
    try:
        if PROTO is not None:
            os.close(PROTO.fileno())  # only the worker talks to Node
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the worker (best effort)
        if os.getppid() != worker_pid:  # the worker died before that took effect
            os._exit(1)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)  # the hook must not read the protocol
        os.close(null)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        os.close(out_w)
        os.close(err_w)
        _apply_limits()
        if req.get("umask") is not None:
            os.umask(req["umask"])
        env = req.get("env") or {}
        os.environ.update(env)
        if "TZ" in env:
            time.tzset()
        if "TMPDIR" in env and "tempfile" in sys.modules:
            sys.modules["tempfile"].tempdir = None  # the worker may have cached its own
        os.chdir(req["cwd"])
        result = _traced(lambda: _invoke(backend, req))
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
        data = json.dumps(result).encode("utf-8") + b"\n"
        view = memoryview(data)
        while view:
            n = os.write(w, view)
            view = view[n:]
    finally:
        os._exit(0)


def _invoke(backend, req, stop=lambda: None):
    """Call the hook a request names; its value or its failure as data. `stop`
    runs as soon as the hook is over (the in-process timer). After a failed
    build, what get_requires_for_build_* asked for that is not installed."""
    hook = req["hook"]
    fn = getattr(backend, hook, None)
    if fn is None:
        return {"ok": False, "error": _error("missing-hook", "backend has no hook %s" % hook)}
    try:
        value = fn(*_hook_args(hook, req.get("args") or {}))
        stop()
        json.dumps(value)
        result = {"ok": True, "value": value}
    except _HookTimeout:
        raise
    except SystemExit as e:
        stop()
        result = {"ok": False, "error": _error("system-exit", "SystemExit: %r" % (e.code,), traceback.format_exc())}
    except BaseException as e:  # noqa: BLE001 - every failure is data
        stop()
        last = traceback.format_exception_only(type(e), e)[-1].strip()
        result = {"ok": False, "error": _error("exception", last, traceback.format_exc())}
    if not result["ok"] and hook in REQUIRES_HOOK:
        missing = _missing_requirements(backend, REQUIRES_HOOK[hook], req.get("args") or {})
        if missing:
            result["error"]["missing"] = missing
    return result


REQUIRES_HOOK = {
    "build_wheel": "get_requires_for_build_wheel",
    "build_sdist": "get_requires_for_build_sdist",
    "build_editable": "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel": "get_requires_for_build_wheel",
    "prepare_metadata_for_build_editable": "get_requires_for_build_editable",
}


def _missing_requirements(backend, hook, args):
    """The requirements get_requires_for_build_* names that no installed
    distribution satisfies by name (markers evaluated when `packaging` can be
    imported; a requirement whose marker cannot be evaluated counts as
    applying). Best effort: any failure of the check itself gives []."""
    fn = getattr(backend, hook, None)
    if fn is None:
        return []
    try:
        reqs = fn(args.get("config_settings"))
        import importlib.metadata as md
        import re
        markers = None
        for mod in ("packaging.markers", "setuptools._vendor.packaging.markers", "pip._vendor.packaging.markers"):
            try:
                markers = importlib.import_module(mod)
                break
            except Exception:  # noqa: BLE001
                continue
        missing = []
        for r in reqs or []:
            if not isinstance(r, str):
                continue
            m = re.match(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)", r)
            if not m:
                continue
            if ";" in r and markers is not None:
                try:
                    if not markers.Marker(r.split(";", 1)[1]).evaluate():
                        continue
                except Exception:  # noqa: BLE001
                    pass
            try:
                md.distribution(m.group(1))
            except md.PackageNotFoundError:
                missing.append(r.strip())
        return missing
    except BaseException:  # noqa: BLE001
        return []


def _pidfd(pid):
    if hasattr(os, "pidfd_open"):
        try:
            return os.pidfd_open(pid)
        except OSError:
            pass
    return None


def _call(backend, req):
    global CURRENT
    _cleanup()  # anything an earlier call left that reached us late
    r, w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    worker_pid = os.getpid()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.close(out_r)
        os.close(err_r)
        _run_child(backend, req, w, out_w, err_w, worker_pid)
    CURRENT = pid
    for fd in (w, out_w, err_w):
        os.close(fd)
    _send({"id": req["id"], "started": pid})
    timeout = float(req.get("timeout") or 120)
    deadline = time.monotonic() + timeout
    caps = {out_r: _Capture(LOG_CAP), err_r: _Capture(LOG_CAP)}
    pfd = _pidfd(pid)
    poller = select.poll()
    for fd in (r, out_r, err_r):
        poller.register(fd, select.POLLIN)
    if pfd is not None:
        poller.register(pfd, select.POLLIN)
    poller.register(0, 0)  # reports POLLHUP when twinbuild goes away
    os.set_blocking(r, False)
    result = bytearray()
    complete = exited = timed_out = orphaned = False
    status = None
    open_fds = {r, out_r, err_r}

    def read(fd):
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            return True
        if not data:
            poller.unregister(fd)
            open_fds.discard(fd)
            return False
        if fd == r:
            if len(result) < RESULT_CAP:
                result.extend(data)
        else:
            caps[fd].add(data)
        return True

    # Wait for a complete result line, the hook process's exit, the timeout, or twinbuild going away.
    while True:
        if b"\n" in result:
            complete = True
            break
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        wait_ms = int(min(left, 0.05 if pfd is None else left) * 1000) + 1
        for fd, ev in poller.poll(wait_ms):
            if fd == 0:
                if ev & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
                    orphaned = True
            elif fd == pfd:
                exited = True
            elif fd in open_fds:
                read(fd)
        if orphaned:
            break
        if pfd is None and not exited:
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                exited, status = True, st
        if exited:
            # What the hook wrote before it exited is still in the pipe.
            while r in open_fds and b"\n" not in result and read(r):
                pass
            complete = b"\n" in result
            break
    # The result is in, or the hook is over: its process group goes (the hook process
    # itself exits right after sending its result), then whatever escaped the group.
    _kill_group(pid)
    if status is None:
        _, status = os.waitpid(pid, 0)
    CURRENT = None
    _cleanup(pid)
    if pfd is not None:
        poller.unregister(pfd)
        os.close(pfd)
    poller.unregister(0)
    if r in open_fds:
        poller.unregister(r)
        open_fds.discard(r)
    # Drain what the hook's processes wrote before they were killed (bounded).
    drain_until = time.monotonic() + 0.5
    while (out_r in open_fds or err_r in open_fds) and time.monotonic() < drain_until:
        for fd, ev in poller.poll(50):
            if fd in open_fds:
                read(fd)
    for fd in (r, out_r, err_r):
        os.close(fd)
    cut = {"stdout": caps[out_r].save(req["stdout"]), "stderr": caps[err_r].save(req["stderr"])}
    if orphaned:
        os._exit(1)
    if timed_out:
        res = {"ok": False, "error": _error("timeout", "hook %s did not finish within %ss" % (req["hook"], req.get("timeout")))}
    elif complete:
        try:
            res = json.loads(bytes(result[: result.index(b"\n")]).decode("utf-8"))
            if not isinstance(res, dict) or not isinstance(res.get("ok"), bool):
                raise ValueError(res)
        except ValueError:
            res = {"ok": False, "error": _error("crash", "hook process sent an unreadable result")}
    elif os.WIFSIGNALED(status):
        res = {"ok": False, "error": _error("crash", "hook process killed by signal %d" % os.WTERMSIG(status))}
    else:
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
        res = {"ok": False, "error": _error("crash", "hook process exited with status %d before returning a result" % code)}
    res["cut"] = cut
    return res


class _HookTimeout(BaseException):
    """Raised in an in-process hook when its time is up (not an Exception: hooks must not catch it)."""


def _on_alarm(signum, frame):
    raise _HookTimeout()


def _call_inprocess(backend, req):
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
                return _invoke(backend, req, stop=lambda: signal.setitimer(signal.ITIMER_REAL, 0))
            except _HookTimeout:
                return {"ok": False, "error": _error("timeout", "hook %s did not finish within %ss" % (hook, req.get("timeout")))}

        result = _traced(call)
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
        if size > LOG_CAP:
            with open(req[key], "r+b") as f:
                f.truncate(LOG_CAP)
        cut[key] = max(0, size - LOG_CAP)
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


def _send(msg):
    """One protocol line to twinbuild; if twinbuild is gone, stop everything and exit."""
    try:
        PROTO.write(json.dumps(msg) + "\n")
    except (OSError, ValueError):
        _on_term(signal.SIGPIPE, None)


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
LOG_CAP = 64 * 1024
PROBE = None  # coverage_probe.Probe when the run measures backend coverage and tracing works here


def _traced(call):
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


def _coverage_setup(module):
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


def _coverage_ready(probe):
    """After the import: the ready message's coverage part; PROBE stays set only if tracing works."""
    global PROBE
    probe.stop()
    why = probe.unavailable()
    PROBE = probe if why is None else None
    return {"method": probe.method, "roots": probe.roots, "unavailable": why, "lines": probe.take() if why is None else {}}


def main():
    global PROTO, LIMITS, LOG_CAP
    cfg = json.loads(os.environ.pop("TWINBUILD_WORKER_CONFIG", "") or "{}")
    proto = PROTO = _protocol_channel()
    LOG_CAP = int(cfg.get("logCap") or LOG_CAP)
    network, network_detail = _isolate_network(cfg.get("network") or "isolate")
    subreaper = _prctl(PR_SET_CHILD_SUBREAPER, 1)
    LIMITS, limits = _plan_limits(cfg.get("limits") or {})
    signal.signal(signal.SIGTERM, _on_term)
    signal.signal(signal.SIGINT, _on_term)
    isolation = {"network": network, "networkDetail": network_detail, "limits": limits, "subreaper": subreaper}
    spec = sys.argv[1]
    paths = sys.argv[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = paths + [p for p in sys.path if p and os.path.abspath(p) != here]  # the backend's paths first, not ours
    probe = _coverage_setup(cfg["coverage"]) if cfg.get("coverage") else None
    try:
        backend = _import_backend(spec)
    except BaseException as e:  # noqa: BLE001
        last = traceback.format_exception_only(type(e), e)[-1].strip()
        proto.write(json.dumps({"ready": False, "error": _error("import-error", last, traceback.format_exc())}) + "\n")
        return 1
    hooks = [h for h in ALL_HOOKS if callable(getattr(backend, h, None))]
    ready = {"ready": True, "hooks": hooks, "pid": os.getpid(), "python": sys.executable, "isolation": isolation}
    if probe is not None:
        ready["coverage"] = _coverage_ready(probe)
    proto.write(json.dumps(ready) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        start = time.monotonic()
        if req.get("op") == "warm":
            res = _traced(lambda: {"ok": True, "value": _warm(req.get("modules") or [])})
        elif req.get("inprocess"):
            res = _call_inprocess(backend, req)
        else:
            res = _call(backend, req)
        res["id"] = req["id"]
        res["ms"] = (time.monotonic() - start) * 1000.0
        _send(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
