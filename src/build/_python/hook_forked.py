"""The forked call: the worker forks one child per hook call from its
pristine, never-built state, so build state of one call never leaks into the
next. Each child is its own session (process group), so a timeout kills the
hook and everything it spawned; it runs in the project folder with stdin from
/dev/null, the hook limits applied (hook_isolation) and dies with the worker;
its stdout and stderr go to pipes the worker reads, keeping only a capped head
and tail (_Capture), and it sends its result back over a pipe."""
import json
import os
import select
import signal
import sys
import time

import hook_call
import hook_isolation
import hook_protocol

RESULT_CAP = 4 * 1024 * 1024  # a result is a file name; more than this is not one


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
    """In the forked child: contain it, run the hook, write its result line to `w`, exit."""
    os.setsid()
    try:
        if hook_protocol.CHANNEL is not None:
            os.close(hook_protocol.CHANNEL.fileno())  # only the worker talks to Node
        hook_isolation.prctl(hook_isolation.PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the worker (best effort)
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
        hook_isolation.apply_limits()
        if req.get("umask") is not None:
            os.umask(req["umask"])
        env = req.get("env") or {}
        os.environ.update(env)
        if "TZ" in env:
            time.tzset()
        if "TMPDIR" in env and "tempfile" in sys.modules:
            sys.modules["tempfile"].tempdir = None  # the worker may have cached its own
        os.chdir(req["cwd"])
        result = hook_call.traced(lambda: hook_call.invoke(backend, req))
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


def _pidfd(pid):
    if hasattr(os, "pidfd_open"):
        try:
            return os.pidfd_open(pid)
        except OSError:
            pass
    return None


def call_forked(backend, req):
    """Run one hook in a forked child (its own session), wait for its result,
    its exit, the timeout or twinbuild going away, then kill and reap what it
    left; the response (without id and ms)."""
    hook_isolation.cleanup()  # anything an earlier call left that reached us late
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
    hook_isolation.CURRENT = pid
    for fd in (w, out_w, err_w):
        os.close(fd)
    hook_protocol.send({"id": req["id"], "started": pid})
    timeout = float(req.get("timeout") or 120)
    deadline = time.monotonic() + timeout
    caps = {out_r: _Capture(hook_protocol.LOG_CAP), err_r: _Capture(hook_protocol.LOG_CAP)}
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
    hook_isolation.kill_group(pid)
    if status is None:
        _, status = os.waitpid(pid, 0)
    hook_isolation.CURRENT = None
    hook_isolation.cleanup(pid)
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
        res = {"ok": False, "error": hook_protocol.error("timeout", "hook %s did not finish within %ss" % (req["hook"], req.get("timeout")))}
    elif complete:
        try:
            res = json.loads(bytes(result[: result.index(b"\n")]).decode("utf-8"))
            if not isinstance(res, dict) or not isinstance(res.get("ok"), bool):
                raise ValueError(res)
        except ValueError:
            res = {"ok": False, "error": hook_protocol.error("crash", "hook process sent an unreadable result")}
    elif os.WIFSIGNALED(status):
        res = {"ok": False, "error": hook_protocol.error("crash", "hook process killed by signal %d" % os.WTERMSIG(status))}
    else:
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
        res = {"ok": False, "error": hook_protocol.error("crash", "hook process exited with status %d before returning a result" % code)}
    res["cut"] = cut
    return res
