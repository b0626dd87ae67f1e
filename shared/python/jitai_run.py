"""JitAi Events "Run handler" harness.

Usage: python -B -u jitai_run.py (--result-fd N | --result-file PATH) [--request-file PATH] [< request.json]

The request (UTF-8 JSON on stdin, or in the file --request-file names: Debug handler starts the
harness under debugpy, where stdin is not ours to write): {appRoot, fullName, funcType, modulePath, functionName,
className, serviceFullName, args, kwargs, kind}. The handler's own stdout/stderr go to this
process's fd 1 / fd 2 untouched; the result is written only to the result channel (a private copy
of fd N, closed to handler code and its children, or a file), so nothing the handler prints can be
mistaken for the result. The channel carries JSON lines: one {"token", "published": event} line as
each event is published (so a run that times out still shows what it published), then one final
{"token", "status", ...} result line. Python 3.8+.
"""

import importlib
import json
import os
import sys
import time
import traceback

HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))
MAX_FRAMES = 100


def private_copy(fd):
    try:
        import fcntl
        copy = fcntl.fcntl(fd, fcntl.F_DUPFD, 250)
    except (ImportError, AttributeError, OSError):
        copy = os.dup(fd)
    os.set_inheritable(copy, False)
    return copy


class ResultChannel(object):
    def __init__(self, argv):
        self.fd = None
        self.path = None
        if '--result-fd' in argv:
            inherited = int(argv[argv.index('--result-fd') + 1])
            # A private, non-inheritable copy far from the low fds handler code might write to;
            # the inherited fd is closed, so child processes of the handler never see the channel.
            self.fd = private_copy(inherited)
            os.close(inherited)
        elif '--result-file' in argv:
            self.path = argv[argv.index('--result-file') + 1]
        else:
            raise SystemExit('jitai_run.py: --result-fd N or --result-file PATH is required')

    def write_line(self, obj):
        """One JSON document per line (ASCII JSON never contains a raw newline)."""
        data = (json.dumps(obj, ensure_ascii=True) + '\n').encode('ascii')
        if self.fd is not None:
            view = memoryview(data)
            while len(view):
                written = os.write(self.fd, view)
                view = view[written:]
        else:
            with open(self.path, 'ab') as handle:
                handle.write(data)

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def setup_paths(app_root):
    """The app root first on sys.path (so `services.X`, `models.X` import), the harness dir removed."""
    sys.path.insert(0, HARNESS_DIR)
    import jitai_standins  # noqa: F401  (loaded while the harness dir is on sys.path)
    from jitai_standins import app_object, data_objects, finder, framework, publish_log, serialize  # noqa: F401
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != HARNESS_DIR]
    sys.path.insert(0, app_root)
    os.chdir(app_root)


def module_name_for(app_root, path):
    rel = os.path.relpath(os.path.abspath(path), app_root)
    if rel.startswith(os.pardir) or os.path.isabs(rel):
        return None
    if rel.endswith('.py'):
        rel = rel[:-3]
    parts = rel.split(os.sep)
    if parts[-1] == '__init__':
        parts = parts[:-1]
    return '.'.join(parts) if parts and all(parts) else None


def resolve_inner(request, app_root):
    module_path = request.get('modulePath')
    name = module_name_for(app_root, module_path) if module_path else None
    if not name:
        name = request['fullName'] + '.inner'
    module = importlib.import_module(name)
    function_name = request.get('functionName') or 'customFunc'
    fn = getattr(module, function_name, None)
    if not callable(fn):
        raise LookupError('%s has no function %s() / 未找到函数 %s()' % (module.__file__, function_name, function_name))
    return fn


def resolve_global(request, app_root, loader):
    from jitai_standins.app_object import instantiate_service, _read_json
    service = request.get('serviceFullName')
    if not service:
        raise LookupError('Global handler without a service fullName / Global 处理函数缺少服务 fullName')
    class_name = request.get('className') or service.rsplit('.', 1)[-1]
    module = importlib.import_module(service)
    cls = getattr(module, class_name, None)
    if cls is None:
        module_path = request.get('modulePath')
        name = module_name_for(app_root, module_path) if module_path and module_path.endswith('.py') else service + '.service'
        cls = getattr(importlib.import_module(name), class_name, None)
    if not isinstance(cls, type):
        raise LookupError('class %s not found in %s / 未找到服务类 %s' % (class_name, service, class_name))
    if service in loader.cache and isinstance(loader.cache[service], cls):
        instance = loader.cache[service]
    else:
        instance = instantiate_service(cls, service, _read_json(os.path.join(loader.element_dir(service), 'e.json')))
        loader.cache[service] = instance
    function_name = request.get('functionName')
    method = getattr(instance, function_name or '', None)
    if not callable(method):
        raise LookupError('%s has no method %s() / 服务类没有方法 %s()' % (class_name, function_name, function_name))
    return method


def user_frames(tb):
    from jitai_standins import is_harness_file
    frames = []
    for frame in traceback.extract_tb(tb):
        if is_harness_file(frame.filename) or frame.filename.startswith('<'):
            continue
        frames.append({'file': frame.filename, 'line': frame.lineno, 'name': frame.name})
    if len(frames) > MAX_FRAMES:
        frames = frames[:10] + frames[-(MAX_FRAMES - 10):]
    return frames


def describe_exception(exc):
    from jitai_standins import is_harness_file
    from jitai_standins.serialize import safe_repr
    tb = exc.__traceback__
    while tb is not None and is_harness_file(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    try:
        text = ''.join(traceback.format_exception(type(exc), exc, tb))
    except BaseException:
        text = '%s: %s\n' % (type(exc).__name__, safe_repr(exc))
    frames = user_frames(tb)
    if isinstance(exc, SyntaxError) and exc.filename and exc.lineno:
        frames.append({'file': exc.filename, 'line': exc.lineno, 'name': '<module>'})
    try:
        message = str(exc)
    except BaseException:
        message = safe_repr(exc)
    return {'type': type(exc).__name__, 'message': message, 'traceback': text, 'frames': frames}


def run(request, on_publish=None):
    app_root = os.path.abspath(request['appRoot'])
    setup_paths(app_root)
    import jitai_standins
    from jitai_standins import app_object, data_objects, publish_log, serialize
    jitai_standins.install(app_root)
    publish_log.ON_RECORD = on_publish
    installed_app = getattr(__import__('builtins'), 'app', None)
    if isinstance(installed_app, app_object.StandInApp):
        loader = installed_app._loader  # one instance per service, shared with app.getElement
    else:
        loader = app_object.ElementLoader(app_root)
    sys.argv = [request.get('modulePath') or request.get('fullName') or 'jitai_run']

    result = {'status': 'ok'}
    started = time.perf_counter()
    fn = None
    try:
        if request.get('funcType') == 'Global':
            fn = resolve_global(request, app_root, loader)
        else:
            fn = resolve_inner(request, app_root)
        args = request.get('args') or []
        kwargs = request.get('kwargs') or {}
        args, kwargs = data_objects.wrap_payload(request.get('kind'), list(args), dict(kwargs))
        value = fn(*args, **kwargs)
        ok, as_json = serialize.strict_json(value)
        if ok:
            result['returnValue'] = as_json
        result['returnRepr'] = serialize.safe_repr(value)
    except BaseException as exc:  # SystemExit and KeyboardInterrupt from handler code are reported too
        result['status'] = 'error'
        result['error'] = describe_exception(exc)
        if not result['error']['frames'] and fn is not None:
            # Raised at the call itself (e.g. a payload that does not match the signature):
            # point at the handler's `def` line so the report still has somewhere to click.
            code = getattr(getattr(fn, '__func__', fn), '__code__', None)
            if code is not None:
                result['error']['frames'].append(
                    {'file': code.co_filename, 'line': code.co_firstlineno, 'name': code.co_name})
    result['handlerMs'] = round((time.perf_counter() - started) * 1000, 3)
    if publish_log.DROPPED[0]:
        sys.stderr.write('[jitai-events: %d more published events were not recorded / 另有 %d 个发布的事件未记录]\n'
                         % (publish_log.DROPPED[0], publish_log.DROPPED[0]))
    result['published'] = publish_log.EVENTS
    result['standIns'] = list(jitai_standins.USED)
    return result


def watch_parent():
    """POSIX: when the process that started the run dies (editor crash), end the whole run too."""
    if os.name != 'posix':
        return
    import signal
    import threading
    parent = os.getppid()

    def loop():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                try:
                    if os.getpgrp() == os.getpid():  # only a group we lead (the runner starts us so)
                        os.killpg(os.getpgrp(), signal.SIGKILL)
                finally:
                    os._exit(1)

    threading.Thread(target=loop, name='jitai-parent-watch', daemon=True).start()


def read_request(argv):
    """The request bytes: from --request-file PATH when given, else all of stdin."""
    if '--request-file' in argv:
        index = argv.index('--request-file') + 1
        if index >= len(argv):
            raise SystemExit('jitai_run.py: --request-file needs a PATH')
        with open(argv[index], 'rb') as handle:
            return handle.read()
    return sys.stdin.buffer.read()


def main():
    channel = ResultChannel(sys.argv)
    watch_parent()
    request = json.loads(read_request(sys.argv).decode('utf-8'))
    token = request.pop('token', None)

    def stream_event(event):
        channel.write_line({'token': token, 'published': event})

    result = run(request, stream_event)
    result['token'] = token
    result['pythonVersion'] = '%d.%d.%d' % tuple(sys.version_info[:3])
    result['pythonExecutable'] = sys.executable
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    channel.write_line(result)
    channel.close()
    # Skip interpreter shutdown: threads or atexit hooks left by handler code must not hold the run.
    os._exit(0)


if __name__ == '__main__':
    main()
