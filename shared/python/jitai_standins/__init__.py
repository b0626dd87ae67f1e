"""Minimal stand-ins for the JitAi runtime, used by jitai_run.py when a handler runs outside a JitAi node.

Only what handler code commonly touches is emulated; every piece records itself in `USED` the first
time it is imported or touched, so the run result can say exactly which parts were not real.
Python 3.8+ compatible (no 3.9+ syntax or APIs).
"""

import os

HARNESS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Names of stand-ins that were actually used, in first-use order.
USED = []


def mark_used(name):
    if name not in USED:
        USED.append(name)


def is_harness_file(filename):
    """True for frames that belong to the harness itself (never shown to the user as theirs)."""
    if not filename:
        return False
    try:
        return os.path.abspath(filename).startswith(HARNESS_DIR + os.sep)
    except (TypeError, ValueError):
        return False


def install(app_root):
    """Install the stand-ins that the current interpreter lacks. Returns nothing; see USED."""
    from . import finder, app_object, framework
    finder.install_finder()
    app_object.install_app(app_root)
    framework.install_builtins()
