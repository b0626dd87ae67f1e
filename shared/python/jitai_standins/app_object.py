"""The global `app` stand-in: app.event.publish, app.getElement, app.<namespace>.<Element> sugar."""

import builtins
import importlib
import json
import os

from . import mark_used
from .errors import StandInUnavailable
from . import publish_log


def _read_json(path):
    try:
        with open(path, 'rb') as handle:
            data = json.loads(handle.read().decode('utf-8-sig'))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


class ElementLoader(object):
    """Loads the app's own elements by fullName; service classes are instantiated once."""

    def __init__(self, app_root):
        self.app_root = app_root
        self.cache = {}

    def element_dir(self, full_name):
        return os.path.join(self.app_root, *full_name.split('.'))

    def load(self, full_name):
        if full_name in self.cache:
            return self.cache[full_name]
        if not isinstance(full_name, str) or not full_name or not os.path.isdir(self.element_dir(full_name)):
            raise LookupError(
                'app.getElement(%r): no such element in this app; elements of parent or framework apps '
                'are not emulated / 应用中没有该元素，父应用和框架元素无法在本地模拟' % (full_name,))
        meta = _read_json(os.path.join(self.element_dir(full_name), 'e.json'))
        element_type = meta.get('type') if isinstance(meta.get('type'), str) else ''
        module = importlib.import_module(full_name)
        short_name = full_name.rsplit('.', 1)[-1]
        obj = getattr(module, short_name, None)
        if obj is None and element_type.startswith('services.'):
            try:
                obj = getattr(importlib.import_module(full_name + '.service'), short_name, None)
            except ImportError:
                obj = None
        if obj is None:
            result = module
        elif isinstance(obj, type) and (element_type.startswith('services.') or _is_service_class(obj)):
            result = instantiate_service(obj, full_name, meta)
        else:
            result = obj
        self.cache[full_name] = result
        return result


def _is_service_class(cls):
    from .framework import NormalService
    try:
        return issubclass(cls, NormalService)
    except TypeError:
        return False


def instantiate_service(cls, full_name, meta):
    instance = cls()
    functions = {}
    for entry in meta.get('functionList') or []:
        if isinstance(entry, dict) and isinstance(entry.get('name'), str):
            functions[entry['name']] = entry
    for attr, value in (('__fullName__', full_name), ('__title__', meta.get('title')), ('__functionList__', functions)):
        try:
            setattr(instance, attr, value)
        except (AttributeError, TypeError):
            pass
    return instance


class EventApi(object):
    def publish(self, sender=None, args=(), kwargs=None, **extra):
        mark_used('app.event.publish')
        return publish_log.record(sender, args, kwargs)


class ElementNamespace(object):
    """`app.services` / `app.models`...: attribute access loads `<namespace>.<Name>`."""

    def __init__(self, loader, namespace):
        self._loader = loader
        self._namespace = namespace

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        return self._loader.load(self._namespace + '.' + name)


class StandInApp(object):
    def __init__(self, app_root):
        manifest = _read_json(os.path.join(app_root, 'app.json'))
        self._loader = ElementLoader(app_root)
        self._event = EventApi()
        self._root = app_root
        self._manifest = manifest

    @property
    def event(self):
        return self._event

    @property
    def appId(self):
        mark_used('app.appId')
        return self._manifest.get('appId')

    @property
    def version(self):
        mark_used('app.version')
        return self._manifest.get('version')

    def getElement(self, fullName):
        mark_used('app.getElement')
        return self._loader.load(fullName)

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        if os.path.isdir(os.path.join(self._root, name)):
            mark_used('app.' + name)
            return ElementNamespace(self._loader, name)
        raise StandInUnavailable('app.%s' % name)


def install_app(app_root):
    if not hasattr(builtins, 'app'):
        builtins.app = StandInApp(app_root)
