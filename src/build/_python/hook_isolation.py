"""Containment of the hook worker and its hook processes (docs/safety.md).

- network: the worker moves itself into a new, empty network namespace before
  it imports the backend (as root: unshare(CLONE_NEWNET); otherwise inside a
  new user namespace where the kernel allows it); every hook inherits it, so
  any connection fails at once. Where neither is permitted, the network is
  shared and the ready message says so (isolate_network).
- resource limits in each hook process (plan_limits in the worker,
  apply_limits in the hook process): RLIMIT_DATA (memory), RLIMIT_FSIZE
  (largest file written), RLIMIT_CORE = 0, and RLIMIT_NPROC for non-root users
  (the kernel does not apply RLIMIT_NPROC to root).
- reaping: the worker is a child subreaper (prctl PR_SET_CHILD_SUBREAPER); a
  hook's descendants that escape its process group (setsid, double fork) are
  re-parented to the worker, and cleanup() kills and reaps them after the
  call (and before the next one).
- on_term: if the worker gets SIGTERM or SIGINT, or twinbuild goes away, the
  running hook (CURRENT) and all its descendants are killed and the worker exits.
"""
import errno
import os
import signal
import sys
import time

try:
    import resource
except ImportError:  # pragma: no cover - not on Linux
    resource = None

CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36

try:  # resolved once in the worker, so that each forked hook process pays nothing for it
    import ctypes

    _LIBC = ctypes.CDLL(None, use_errno=True)
    _PRCTL = _LIBC.prctl
except Exception:  # noqa: BLE001
    ctypes = None
    _LIBC = None
    _PRCTL = None


def prctl(option, value):
    if _PRCTL is None:
        return False
    try:
        return _PRCTL(option, value, 0, 0, 0) == 0
    except Exception:  # noqa: BLE001
        return False


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


def isolate_network(mode):
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


def plan_limits(cfg):
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


def apply_limits():
    """In a hook process: apply LIMITS (soft = hard)."""
    for res, value in LIMITS:
        try:
            soft, hard = resource.getrlimit(res)
            v = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(res, (v, v))  # hard too: the hook cannot raise it again (unless privileged)
        except (ValueError, OSError):
            pass


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


def kill_group(pid):
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


def cleanup(pgid=None, seconds=2.0):
    """Kill process group `pgid` (if given) and every child this worker still has, and reap them all.

    A hook's processes that left its process group (setsid, double fork) are
    re-parented to the worker (a child subreaper) when their parent dies, so
    they are found here as children. Usually this is three system calls: the
    group is gone and there are no children.
    """
    deadline = time.monotonic() + seconds
    while True:
        if pgid is not None:
            kill_group(pgid)
        live = _reap_any()
        if live:
            for k in _children():
                kill_group(k)
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


def on_term(signum, frame):
    """Kill the running hook and everything left, and exit (SIGTERM, SIGINT, twinbuild gone)."""
    if CURRENT is not None:
        try:
            os.kill(CURRENT, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    cleanup(CURRENT)
    os._exit(128 + signum)
