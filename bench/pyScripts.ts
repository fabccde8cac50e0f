/**
 * The Python programs the benchmark writes into its temporary folder:
 *
 * - `HOOK_ONCE` — method (b): a fresh interpreter per hook call, the way
 *   pyproject-hooks runs a backend (import the backend, call one hook, write
 *   the result as JSON to a file, exit).
 * - `IN_PROCESS_LOOP` — method (d): one interpreter imports the backend once
 *   and calls the hooks for every prepared project folder in a loop, without
 *   any isolation (the limit). It also measures the bare cost of a fork in a
 *   process that has the backend imported, to help explain where the time of
 *   twinbuild's fork-per-hook worker goes.
 *
 * Both take the hook object as `MODULE[:OBJECT]` and the backend's import
 * paths, and put those paths first on sys.path (as twinbuild's worker does).
 */

const PRELUDE = String.raw`
import importlib
import json
import os
import resource
import sys
import time
import traceback


def _import_backend(spec, paths):
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = list(paths) + [p for p in sys.path if p and os.path.abspath(p) != here]
    module_name, _, obj_path = spec.partition(":")
    obj = importlib.import_module(module_name)
    for part in filter(None, obj_path.split(".")):
        obj = getattr(obj, part)
    return obj


def _call(backend, hook, out_dir):
    try:
        value = getattr(backend, hook)(out_dir, None)
        json.dumps(value)
        return {"ok": True, "value": value}
    except BaseException as e:  # noqa: BLE001 - failures are data
        last = traceback.format_exception_only(type(e), e)[-1].strip()
        return {"ok": False, "error": last, "traceback": traceback.format_exc()}
`;

/** argv: SPEC HOOK OUTPUT_DIR RESULT_FILE [IMPORT_PATH...]; cwd: the project. */
export const HOOK_ONCE = `${PRELUDE}

def main():
    spec, hook, out_dir, result_file = sys.argv[1:5]
    try:
        backend = _import_backend(spec, sys.argv[5:])
        result = _call(backend, hook, out_dir)
    except BaseException as e:  # noqa: BLE001
        result = {"ok": False, "error": "import: %s" % e, "traceback": traceback.format_exc()}
    with open(result_file, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
`;

/**
 * argv: SPEC MANIFEST RESULT_FILE LOG_FILE [IMPORT_PATH...].
 * MANIFEST: JSON list of {"hook", "cwd", "out"}. RESULT_FILE gets
 * {"importMs", "loopMs", "loopCpuMs", "forkMs": [...], "results": [{"ok", "value"|"error", "ms"}]}.
 */
export const IN_PROCESS_LOOP = `${PRELUDE}

def _fork_probe(n):
    """Bare cost of fork + _exit + waitpid in this (backend-importing) process, ms."""
    times = []
    for _ in range(n):
        t = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        times.append((time.perf_counter() - t) * 1000.0)
    return times


def main():
    spec, manifest, result_file, log_file = sys.argv[1:5]
    log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    with open(manifest, encoding="utf-8") as f:
        items = json.load(f)
    t = time.perf_counter()
    backend = _import_backend(spec, sys.argv[5:])
    import_ms = (time.perf_counter() - t) * 1000.0
    fork_ms = _fork_probe(20)
    results = []
    ru = resource.getrusage(resource.RUSAGE_SELF)
    loop_start = time.perf_counter()
    for item in items:
        t = time.perf_counter()
        os.chdir(item["cwd"])
        r = _call(backend, item["hook"], item["out"])
        r["ms"] = (time.perf_counter() - t) * 1000.0
        results.append(r)
    loop_ms = (time.perf_counter() - loop_start) * 1000.0
    ru2 = resource.getrusage(resource.RUSAGE_SELF)
    loop_cpu_ms = (ru2.ru_utime - ru.ru_utime + ru2.ru_stime - ru.ru_stime) * 1000.0
    os.chdir(os.path.dirname(os.path.abspath(result_file)))
    with open(result_file, "w", encoding="utf-8") as f:
        json.dump({"importMs": import_ms, "loopMs": loop_ms, "loopCpuMs": loop_cpu_ms, "forkMs": fork_ms, "results": results}, f)


if __name__ == "__main__":
    main()
`;
