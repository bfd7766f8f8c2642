"""Faultline's Python bridge: runs Chaos Toolkit Python activities and controls for Faultline.

Started once per run by @faultline/core (src/python/python-bridge.ts). One JSON object per line on
stdin (requests) and on the real stdout (replies). Each request runs in its own daemon thread, so a
call that hangs past its timeout does not block the next one (Faultline gives up on it and goes on);
the bridge exits when stdin closes, hung calls included. Activities and controls are called exactly
as chaoslib's provider/python.py and control/python.py call them: same keyword arguments, chosen by
inspecting the function's signature, and failures journalled as chaoslib journals them.
"""

import importlib
import json
import os
import sys
import threading

# inspect and traceback are imported on first use: together they are half of the bridge's start.

# The protocol gets its own copy of stdout; file descriptor 1 and sys.stdout then point at stderr
# (which Faultline logs), so neither print() in a module nor a subprocess it starts can corrupt it.
_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr
_lock = threading.Lock()


def _setup_path(argv):
    """Experiment directory and cwd first (modules shipped next to the experiment win), as chaos
    does when run from there; the chaoslib stand-in last, so an installed chaoslib wins."""
    here = os.path.dirname(os.path.abspath(__file__))
    first = [p for p in argv if p]
    rest = [p for p in sys.path if os.path.abspath(p or ".") != here and p not in first]
    sys.path[:] = first + rest + [os.path.join(here, "shim")]


def _send(message):
    try:
        line = json.dumps(message, allow_nan=False)
    except (TypeError, ValueError):
        line = json.dumps(_to_json(message))
    with _lock:
        _out.write(line + "\n")
        _out.flush()


def _to_json(value):
    try:
        json.dumps(value, allow_nan=False)
        return value
    except (TypeError, ValueError):
        return repr(value)


def _error(exc, lines=None):
    import traceback

    return {
        "type": type(exc).__module__ + "." + type(exc).__qualname__
        if type(exc).__module__ not in ("builtins", "__main__")
        else type(exc).__qualname__,
        "message": str(exc),
        "traceback": lines if lines is not None else traceback.format_exception(type(exc), exc, exc.__traceback__),
    }


def _import(module):
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        err = _error(exc)
        err["import"] = True
        err["executable"] = sys.executable
        err["sys_path"] = list(sys.path)
        raise _Reply(err) from exc


class _Reply(Exception):
    def __init__(self, error):
        super().__init__(error["message"])
        self.error = error


def _function(module, name):
    import inspect

    mod = _import(module)
    func = getattr(mod, name, None)
    if not callable(func):
        names = sorted(n for n, v in vars(mod).items() if inspect.isfunction(v) and not n.startswith("_"))
        raise _Reply(
            {
                "type": "AttributeError",
                "message": "The python module '%s' does not expose a function called '%s'" % (module, name),
                "traceback": [],
                "functions": names,
            }
        )
    return func


def _call(req):
    """chaoslib.provider.python.run_python_activity"""
    import inspect
    import traceback

    func = _function(req["module"], req["func"])
    arguments = dict(req.get("arguments") or {})
    sig = inspect.signature(func)
    if req.get("secrets") is not None and "secrets" in sig.parameters:
        arguments["secrets"] = req["secrets"]
    if "configuration" in sig.parameters:
        arguments["configuration"] = dict(req.get("configuration") or {})
    try:
        return func(**arguments)
    except Exception as x:  # wrapped as chaoslib does, so the journal reads the same
        from chaoslib.exceptions import ActivityFailed

        try:
            raise ActivityFailed(traceback.format_exception_only(type(x), x)[0].strip()) from None
        except ActivityFailed as failed:
            failed.__context__ = x
            failed.__suppress_context__ = False
            lines = traceback.format_exception(type(failed), failed, None)
        raise _Reply(_error(x, lines))


def _check(req):
    """chaoslib.provider.python.validate_python_activity: bind the arguments to the signature."""
    import inspect

    func = _function(req["module"], req["func"])
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return {"parameters": None}
    args = dict(req.get("arguments") or {})
    for injected in ("secrets", "configuration"):
        if injected in sig.parameters:
            args[injected] = None
    problem = None
    try:
        sig.bind(**args)
    except TypeError as x:
        problem = str(x)
    return {
        "parameters": [n for n in sig.parameters if n not in ("secrets", "configuration")],
        "problem": problem,
    }


def _control_hooks(req):
    mod = _import(req["module"])
    validate = getattr(mod, "validate_control", None)
    if callable(validate) and req.get("declaration") is not None:
        validate(req["declaration"])
    return {"hooks": [h for h in req["hooks"] if callable(getattr(mod, h, None))]}


def _control(req):
    """chaoslib.control.python: initialize_control, apply_python_control, cleanup_control."""
    import inspect

    hook = req["hook"]
    func = getattr(_import(req["module"]), hook, None)
    if not callable(func):
        return None
    if hook == "cleanup_control":
        return func()
    arguments = dict(req.get("arguments") or {})
    sig = inspect.signature(func)
    given = {
        "experiment": req.get("experiment"),
        "secrets": req.get("secrets"),
        "configuration": req.get("configuration"),
        "settings": req.get("settings"),
    }
    if hook == "configure_control":
        given["event_registry"] = None
        for name, value in given.items():
            if name in sig.parameters:
                arguments[name] = value
        return func(**arguments)
    given["state"] = req.get("state")
    given["extensions"] = (req.get("experiment") or {}).get("extensions")
    for name, value in given.items():
        if name in sig.parameters:
            arguments[name] = value
    return func(context=req.get("context"), **arguments)


_OPS = {"call": _call, "check": _check, "control_hooks": _control_hooks, "control": _control}


def _handle(req):
    reply = {"id": req.get("id")}
    try:
        value = _OPS[req["op"]](req)
        try:
            json.dumps(value, allow_nan=False)
            reply["value"] = value
        except (TypeError, ValueError):
            reply["value"] = repr(value)
            reply["warning"] = "returned %s, which is not JSON: its repr() is used" % type(value).__name__
    except _Reply as r:
        reply["error"] = r.error
    except BaseException as x:  # SystemExit and KeyboardInterrupt from user code included
        reply["error"] = _error(x)
    _send(reply)


def main():
    _setup_path(sys.argv[1:])
    _send({"ready": True, "executable": sys.executable, "version": sys.version.split()[0], "pid": os.getpid()})
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline()
        if not line:
            break
        if not line.strip():
            continue
        try:
            req = json.loads(line)
        except ValueError as x:
            _send({"id": None, "error": _error(x)})
            continue
        threading.Thread(target=_handle, args=(req,), daemon=True).start()
    sys.stderr.flush()
    # Hung calls must not keep the bridge alive once Faultline has let go of it.
    os._exit(0)


if __name__ == "__main__":
    main()
