"""Payload wrappers that behave like JitAi data objects (JitDict / RowData and their `.value`).

Model, approval, agent and date-task handlers read `eventOutData.postData.value` or
`rowData.name.value`; a plain JSON payload is wrapped so those reads work. A JitDict is still a dict,
so `payload.get(...)` and `payload["x"]` keep returning the raw values.
"""

from . import mark_used

WRAPPED_KINDS = ('model', 'workflow', 'agent', 'task')


class JitValue(object):
    __jitai_standin_data__ = True

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return 'JitValue(%r)' % (self.value,)

    def __str__(self):
        return str(self.value)

    def __eq__(self, other):
        return self.value == (other.value if isinstance(other, JitValue) else other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.value) if self.value.__hash__ is not None else id(self)

    def __bool__(self):
        return bool(self.value)


class JitDict(dict):
    __jitai_standin_data__ = True

    @property
    def value(self):
        mark_used('JitDict (event data)')
        return dict(self)

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        mark_used('JitDict (event data)')
        if name not in self:
            raise AttributeError('event data has no field %r (fields: %s)' % (name, ', '.join(sorted(self.keys()))))
        return wrap(dict.__getitem__(self, name))


def wrap(value):
    if isinstance(value, dict) and not isinstance(value, JitDict):
        return JitDict(value)
    if isinstance(value, (dict, JitValue)):
        return value
    return JitValue(value)


def wrap_payload(kind, args, kwargs):
    """Wrap top-level dict arguments for event kinds whose handlers receive data objects."""
    if kind not in WRAPPED_KINDS:
        return args, kwargs
    new_args = [JitDict(a) if isinstance(a, dict) else a for a in args]
    new_kwargs = dict((k, JitDict(v) if isinstance(v, dict) else v) for k, v in kwargs.items())
    return new_args, new_kwargs
