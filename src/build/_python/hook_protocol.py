"""The hook worker's protocol with twinbuild: JSON lines, requests on stdin,
messages on the original stdout (fd 1 is redirected to stderr, so backend
chatter cannot corrupt it).

The shape of every message, both ways, is written once, in
messages.schema.json next to this file (the TypeScript side,
src/build/hookWorker.ts, and this worker are both tested against it):
  out: ready | readyFailed (first line), then progress | response per request
  in:  hookRequest | warmRequest
Configuration comes in the environment variable TWINBUILD_WORKER_CONFIG
(JSON: {"limits": {"data", "fsize", "core", "nprocExtra"}, "logCap",
"network", "coverage"}), removed from the environment before anything else
runs (read_config).
"""
import json
import os
import signal

import hook_isolation

CHANNEL = None  # the protocol stream (a dup of the original stdout)
LOG_CAP = 64 * 1024  # bytes of a hook's stdout and of its stderr kept (head and tail); the configuration's logCap
SCHEMA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "messages.schema.json")


def _schema():
    with open(SCHEMA_FILE, encoding="utf-8") as f:
        return json.load(f)


# The hooks a ready message may list, in the order it lists them (from the schema: written once).
HOOKS = tuple(_schema()["definitions"]["hookName"]["enum"])


def read_config():
    """The worker's configuration, taken out of the environment; sets LOG_CAP."""
    global LOG_CAP
    cfg = json.loads(os.environ.pop("TWINBUILD_WORKER_CONFIG", "") or "{}")
    LOG_CAP = int(cfg.get("logCap") or LOG_CAP)
    return cfg


def open_channel():
    """Keep the original stdout for the protocol and point fd 1 at stderr."""
    global CHANNEL
    CHANNEL = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    return CHANNEL


def error(kind, message, tb=None):
    """The error of a failed response or of readyFailed (HookError in src/build/types.ts)."""
    return {"kind": kind, "message": message, "traceback": tb}


def send(msg):
    """One protocol line to twinbuild; if twinbuild is gone, stop everything and exit."""
    try:
        CHANNEL.write(json.dumps(msg) + "\n")
    except (OSError, ValueError):
        hook_isolation.on_term(signal.SIGPIPE, None)
