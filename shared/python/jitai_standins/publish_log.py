"""Records every event published during the run (app.event.publish / JitEvent.publish)."""

import sys

from . import is_harness_file
from .serialize import to_jsonable

EVENTS = []
MAX_EVENTS = 1000
DROPPED = [0]
# Set by the harness: called with each recorded event (streams it to the runner as it happens).
ON_RECORD = None


def caller_location():
    """file and line of the first frame outside the harness (the handler code that published)."""
    frame = sys._getframe(1)
    while frame is not None and is_harness_file(frame.f_code.co_filename):
        frame = frame.f_back
    if frame is None:
        return None, None
    return frame.f_code.co_filename, frame.f_lineno


def record(sender, args, kwargs):
    if isinstance(args, (tuple, list)):
        arg_list = list(args)
    elif args is None:
        arg_list = []
    else:
        # The runtime expects a tuple; a bare value (e.g. args=("x")) is kept as one argument.
        arg_list = [args]
    if len(EVENTS) >= MAX_EVENTS:
        DROPPED[0] += 1
        return None
    file_name, line = caller_location()
    event = {
        'sender': sender if isinstance(sender, str) else to_jsonable(sender),
        'args': to_jsonable(arg_list),
        'kwargs': to_jsonable(kwargs) if isinstance(kwargs, dict) else ({} if kwargs is None else {'kwargs': to_jsonable(kwargs)}),
    }
    if file_name:
        event['file'] = file_name
        event['line'] = line
    EVENTS.append(event)
    if ON_RECORD is not None:
        try:
            ON_RECORD(event)
        except Exception:
            pass  # the final result still carries every event
    return None
