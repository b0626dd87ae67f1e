"""Turn Python values into JSON-safe data for the run result (never raises)."""

import json
import math

MAX_REPR = 4000
MAX_JSON = 1024 * 1024


def safe_repr(value, limit=MAX_REPR):
    try:
        text = repr(value)
    except BaseException as exc:  # a broken __repr__ must not break the report
        text = '<%s object (repr failed: %s)>' % (type(value).__name__, type(exc).__name__)
    if len(text) > limit:
        text = text[:limit] + '... [%d more chars]' % (len(text) - limit)
    return text


def to_jsonable(value, depth=0):
    """Best-effort JSON view: containers recurse, data objects give their .value, the rest is repr()."""
    if depth > 30:
        return safe_repr(value)
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, dict):
        out = {}
        for key, item in list(value.items()):
            out[key if isinstance(key, str) else safe_repr(key)] = to_jsonable(item, depth + 1)
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(item, depth + 1) for item in list(value)]
    kind = type(value)
    # datetime / Decimal without importing those modules at startup.
    if kind.__module__ == 'datetime' and kind.__name__ in ('datetime', 'date', 'time'):
        return value.isoformat()
    if kind.__module__ == 'decimal' and kind.__name__ == 'Decimal':
        return str(value)
    if getattr(type(value), '__jitai_standin_data__', False):
        return to_jsonable(value.value, depth + 1)
    return safe_repr(value)


def strict_json(value):
    """(True, value) when json.dumps accepts the value as is (tuples become lists); else (False, None)."""
    try:
        text = json.dumps(value, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError, OverflowError):
        return False, None
    except BaseException:
        return False, None
    if len(text) > MAX_JSON:
        return False, None
    return True, json.loads(text)
