"""Stand-ins for the JitAi framework modules handler code imports.

Each entry of MODULES is a framework module name and a function filling the module's namespace.
The finder (finder.py) serves these names only when nothing else on sys.path provides them, so a
real JitAi runtime or a local element with the same name always wins.
"""

import builtins
import datetime
import sys
import traceback

from . import mark_used
from .errors import StandInUnavailable
from . import publish_log


# --- datatypes.Meta -----------------------------------------------------------------------------

class Field(object):
    """A `datatypes.X(...)` object: accepts any arguments and keeps them; `.value` is `value=`."""

    __jitai_standin_data__ = True

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
        self.value = kwargs.get('value', args[0] if len(args) == 1 else None)
        for key in ('name', 'title'):
            if key in kwargs:
                setattr(self, key, kwargs[key])

    def __repr__(self):
        return 'datatypes.%s(%r)' % (type(self).__name__, self.value)


class DatatypesNamespace(object):
    """`datatypes` from `datatypes.Meta`: any attribute is a field class (Stext, Numeric, ...)."""

    def __init__(self):
        self._classes = {}

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        cls = self._classes.get(name)
        if cls is None:
            cls = type(name, (Field,), {})
            self._classes[name] = cls
        return cls


datatypes = DatatypesNamespace()


# --- services.NormalType / models.NormalType ----------------------------------------------------

class NormalService(object):
    """Base class of service elements. app.getElement sets __fullName__, __title__, __functionList__."""

    __fullName__ = None
    __title__ = None
    __functionList__ = {}

    def __init__(self, *args, **kwargs):
        pass


class _ModelClass(type):
    """Model classes: data access (query, get, create...) needs a database, so it raises clearly."""

    def __getattr__(cls, name):
        if name.startswith('__'):
            raise AttributeError(name)

        def unavailable(*args, **kwargs):
            raise StandInUnavailable('%s.%s()' % (cls.__name__, name))
        return unavailable


class NormalModel(_ModelClass('NormalModelBase', (object,), {})):
    def __init__(self, *args, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)

        def unavailable(*args, **kwargs):
            raise StandInUnavailable('%s().%s()' % (type(self).__name__, name))
        return unavailable


# --- events.Meta ----------------------------------------------------------------------------------

class JitEvent(object):
    @staticmethod
    def publish(sender=None, args=(), kwargs=None, **extra):
        mark_used('JitEvent.publish')
        return publish_log.record(sender, args, kwargs)


# --- tasks.Meta -----------------------------------------------------------------------------------

class BaseTask(object):
    def __init__(self, *args, **kwargs):
        pass


class Timer(BaseTask):
    pass


# --- jit.commons.utils.logger / jit.errcode / globals.GlobalVar ---------------------------------

class Logger(object):
    """`log` writes to the handler's stderr as `[log.LEVEL] message`."""

    def _write(self, level, args):
        sys.stderr.write('[log.%s] %s\n' % (level, ' '.join(str(a) for a in args)))

    def debug(self, *args, **kwargs):
        self._write('DEBUG', args)

    def info(self, *args, **kwargs):
        self._write('INFO', args)

    def warning(self, *args, **kwargs):
        self._write('WARNING', args)

    warn = warning

    def error(self, *args, **kwargs):
        self._write('ERROR', args)

    def critical(self, *args, **kwargs):
        self._write('CRITICAL', args)

    def exception(self, *args, **kwargs):
        self._write('ERROR', args)
        sys.stderr.write(traceback.format_exc())


log = Logger()


class Code(Exception):
    """`raise Code(code=..., reason=...)` as in service code."""

    def __init__(self, code=None, reason=None, *args, **kwargs):
        self.code = code
        self.reason = reason
        Exception.__init__(self, reason if reason is not None else code)

    def __str__(self):
        return 'code=%s reason=%s' % (self.code, self.reason)


class GlobalVar(object):
    currentUser = None
    currentTime = datetime.datetime.now()
    currentTask = None


# --- builtins: Q ---------------------------------------------------------------------------------

class Q(object):
    """Q-expression stand-in: keeps its arguments so handlers can build filters without a node."""

    AND = 'AND'
    OR = 'OR'

    def __init__(self, *args, **kwargs):
        mark_used('Q')
        self.args = args
        self.kwargs = kwargs

    def __and__(self, other):
        return Q(self, Q.AND, other)

    def __or__(self, other):
        return Q(self, Q.OR, other)

    def __repr__(self):
        parts = [repr(a) for a in self.args] + ['%s=%r' % kv for kv in self.kwargs.items()]
        return 'Q(%s)' % ', '.join(parts)


def install_builtins():
    if not hasattr(builtins, 'Q'):
        builtins.Q = Q


def _fill(**names):
    def fill(module):
        module.__dict__.update(names)
    return fill


MODULES = {
    'datatypes.Meta': _fill(datatypes=datatypes, Field=Field),
    'services.NormalType': _fill(NormalService=NormalService),
    'models.NormalType': _fill(NormalModel=NormalModel),
    'events.Meta': _fill(JitEvent=JitEvent),
    'tasks.Meta': _fill(Timer=Timer, BaseTask=BaseTask),
    'jit.commons.utils.logger': _fill(log=log),
    'jit.errcode': _fill(Code=Code),
    'globals.GlobalVar': _fill(GlobalVar=GlobalVar),
}
