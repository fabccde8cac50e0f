"""twinbuild's backend coverage probe: which lines of the backend's own package a build executes.

Used by hook_worker.py (the worker only calls it) and, as a script, by
twinbuild itself (src/coverage/):

  Probe(roots)        records the lines executed in files under `roots` (the
                      backend distribution's own package folders, vendored
                      copies and tests left out) between start() and stop():
                      - Python >= 3.12: sys.monitoring LINE events under the
                        coverage tool id; the callback returns DISABLE, so each
                        line costs one event per process, whoever runs it;
                      - older Pythons: sys.settrace (and threading.settrace)
                        whose global function returns a line tracer only for
                        frames of the backend's files, so other code runs
                        untraced.
                      unavailable() says why tracing cannot work here (the
                      sys.monitoring tool id is taken, another trace function
                      is installed, no trace support), or None.
  backend_roots(module)  the package folders of a hook module's distribution:
                      the first dotted prefix with a real folder (setuptools,
                      hatchling, flit_core, pdm/backend, ...).

  python coverage_probe.py static ROOT...
      prints JSON {relpath: {"lines": [...], "functions": [[name, line, [lines]], ...]}}:
      the executable lines of every .py file under the roots, from the code
      objects (co_lines) of each file compiled once; relpath is relative to the
      root's parent folder ("setuptools/build_meta.py").
  python coverage_probe.py read-data FILE
      (in an environment that has coverage.py) prints JSON {path: [lines]}:
      the lines a coverage.py data file recorded, per measured file.

Lines are reported as {relpath: [line, ...]}, relpath as above.
"""
import json
import os
import sys

# Folders inside a backend's package that are not the backend's own code.
SKIP_DIRS = frozenset(("_vendor", "vendor", "_vendored", "tests", "test", "__pycache__"))


def backend_roots(module):
    """Package folders of the distribution that provides `module` (a dotted name), as absolute paths."""
    import importlib.util

    parts = module.split(".")
    for i in range(1, len(parts) + 1):
        name = ".".join(parts[:i])
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError, AttributeError):
            return []
        if spec is None:
            return []
        if spec.origin and spec.origin not in ("built-in", "frozen", "namespace") and os.path.isfile(spec.origin):
            if spec.submodule_search_locations:
                return [os.path.dirname(os.path.abspath(spec.origin))]
            return [os.path.abspath(spec.origin)]  # a single-module backend
    return []


def _relpath(path, roots):
    for root in roots:
        base = os.path.dirname(root)
        if path == root or path.startswith(root + os.sep):
            rel = os.path.relpath(path, base)
            if any(p in SKIP_DIRS for p in rel.split(os.sep)[1:-1]):
                return None
            return rel.replace(os.sep, "/")
    return None


class Probe:
    """Line recorder for the files under `roots` (see the module docstring)."""

    def __init__(self, roots):
        self.roots = []
        for r in roots:
            for v in (os.path.abspath(r), os.path.realpath(r)):
                if v not in self.roots:
                    self.roots.append(v)
        self.method = "sys.monitoring" if hasattr(sys, "monitoring") else "sys.settrace"
        self.lines = {}  # relpath -> set of lines
        self._files = {}  # co_filename -> relpath or None
        self._active = False
        self._tool = None

    # ------------------------------------------------------------ checks

    def unavailable(self):
        """Why tracing cannot work in this interpreter now, or None."""
        if not self.roots:
            return "the hook module has no source folder to trace"
        if self.method == "sys.monitoring":
            mon = sys.monitoring
            holder = mon.get_tool(mon.COVERAGE_ID)
            if holder is not None and not self._active:
                return "sys.monitoring tool id %d (coverage) is taken by %r" % (mon.COVERAGE_ID, holder)
            return None
        if not hasattr(sys, "settrace") or not hasattr(sys, "gettrace"):
            return "this Python has no sys.settrace"
        current = sys.gettrace()
        if current is not None and not self._active:
            return "another trace function is installed (%r)" % (current,)
        return None

    def _rel(self, filename):
        try:
            return self._files[filename]
        except KeyError:
            rel = _relpath(os.path.abspath(filename), self.roots) if filename and not filename.startswith("<") else None
            self._files[filename] = rel
            return rel

    # ------------------------------------------------------------ sys.monitoring

    def _on_line(self, code, line):
        rel = self._rel(code.co_filename)
        if rel is not None:
            s = self.lines.get(rel)
            if s is None:
                s = self.lines[rel] = set()
            s.add(line)
        return sys.monitoring.DISABLE

    # ------------------------------------------------------------ sys.settrace

    def _global(self, frame, event, arg):
        if event == "call" and self._rel(frame.f_code.co_filename) is not None:
            return self._local
        return None

    def _local(self, frame, event, arg):
        if event == "line":
            rel = self._files[frame.f_code.co_filename]
            s = self.lines.get(rel)
            if s is None:
                s = self.lines[rel] = set()
            s.add(frame.f_lineno)
        return self._local

    # ------------------------------------------------------------ start / stop

    def start(self):
        """Start recording; returns None, or why it cannot (then nothing is recorded)."""
        why = self.unavailable()
        if why is not None:
            return why
        if self.method == "sys.monitoring":
            mon = sys.monitoring
            try:
                mon.use_tool_id(mon.COVERAGE_ID, "twinbuild")
            except ValueError as e:
                return "sys.monitoring tool id %d: %s" % (mon.COVERAGE_ID, e)
            mon.register_callback(mon.COVERAGE_ID, mon.events.LINE, self._on_line)
            mon.set_events(mon.COVERAGE_ID, mon.events.LINE)
        else:
            import threading

            sys.settrace(self._global)
            threading.settrace(self._global)
        self._active = True
        return None

    def stop(self):
        """Stop recording (lines recorded so far are kept). Code that took the
        tracing over meanwhile (its own trace function, the tool id) keeps it:
        unavailable() then says so."""
        if not self._active:
            return
        self._active = False
        if self.method == "sys.monitoring":
            mon = sys.monitoring
            if mon.get_tool(mon.COVERAGE_ID) != "twinbuild":
                return
            mon.set_events(mon.COVERAGE_ID, 0)
            mon.register_callback(mon.COVERAGE_ID, mon.events.LINE, None)
            mon.free_tool_id(mon.COVERAGE_ID)
            mon.restart_events()  # lines DISABLEd in this process fire again for the next start()
        else:
            import threading

            if sys.gettrace() is not None and sys.gettrace() != self._global:
                return
            sys.settrace(None)
            threading.settrace(None)

    def take(self):
        """The lines recorded since the last take(), as {relpath: [lines]}; forgets them."""
        out = {rel: sorted(s) for rel, s in self.lines.items() if s}
        self.lines = {}
        return out


# ---------------------------------------------------------------- static analysis


def _code_lines(code):
    if hasattr(code, "co_lines"):
        return {line for _, _, line in code.co_lines() if line is not None and line > 0}
    import dis

    return {line for _, line in dis.findlinestarts(code) if line is not None and line > 0}


def _walk(code, functions, all_lines):
    own = _code_lines(code)
    all_lines.update(own)
    name = getattr(code, "co_qualname", code.co_name)
    if code.co_flags & 0x1 and not code.co_name.startswith("<"):  # CO_OPTIMIZED: a function, not a class body
        body = sorted(own - {code.co_firstlineno})
        if body:
            functions.append([name, code.co_firstlineno, body])
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            _walk(c, functions, all_lines)


def static_lines(roots):
    """{relpath: {"lines": [...], "functions": [[qualname, def line, body lines]]}} for every .py under roots."""
    out = {}
    for root in roots:
        root = os.path.abspath(root)
        files = []
        if os.path.isfile(root):
            files.append(root)
        else:
            for d, dirs, names in os.walk(root):
                dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS)
                files.extend(os.path.join(d, n) for n in sorted(names) if n.endswith(".py"))
        for path in files:
            rel = _relpath(path, [root])
            if rel is None:
                continue
            try:
                with open(path, "rb") as f:
                    code = compile(f.read(), path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError, OSError) as e:
                out[rel] = {"lines": [], "functions": [], "error": str(e)}
                continue
            functions, lines = [], set()
            _walk(code, functions, lines)
            out[rel] = {"lines": sorted(lines), "functions": sorted(functions, key=lambda f: f[1])}
    return out


def read_data(path):
    """{measured file: [lines]} of a coverage.py data file (needs coverage.py)."""
    from coverage import CoverageData

    data = CoverageData(basename=path)
    data.read()
    return {f: sorted(data.lines(f) or []) for f in data.measured_files()}


def main(argv):
    if len(argv) >= 2 and argv[0] == "static":
        json.dump(static_lines(argv[1:]), sys.stdout)
        return 0
    if len(argv) == 2 and argv[0] == "read-data":
        if not os.path.isfile(argv[1]):
            sys.stderr.write("no such file: %s\n" % argv[1])
            return 2
        try:
            lines = read_data(argv[1])
        except Exception as e:  # noqa: BLE001 - any failure to read is a bad data file
            sys.stderr.write("not a coverage.py data file: %s: %s\n" % (argv[1], e))
            return 2
        json.dump(lines, sys.stdout)
        return 0
    sys.stderr.write("usage: coverage_probe.py static ROOT... | read-data FILE\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
