/** Diagnostic element codes: JSON shape, Type, common settings, app identity (R-APP, R-EL). */
import type { CodeInfo } from './types';
import { Severity } from '../diagnostics';

const E = Severity.Error, W = Severity.Warning;

export const ELEMENT_CODES = {
  'json-syntax': {
    rules: ['R-EL-1'], severity: E,
    en: { title: 'e.json is not valid JSON', help: 'The element definition could not be parsed as JSON (or could not be read at all: binary, too large, unreadable). Nothing else in the file is checked until it parses.' },
    zh: { title: 'e.json 不是合法的 JSON', help: '元素定义无法按 JSON 解析（或根本无法读取：二进制、过大、不可读）。在能够解析之前，不会检查该文件的其他内容。' },
  },
  'root-not-object': {
    rules: ['R-EL-1'], severity: E,
    en: { title: 'e.json root is not an object', help: 'An e.json holds exactly one JSON object ({ … }) with the element\'s fields; an array, string or number at the top level is not an element definition.' },
    zh: { title: 'e.json 顶层不是对象', help: 'e.json 只能包含一个 JSON 对象（{ … }），其中是元素的字段；顶层为数组、字符串或数字时不是元素定义。' },
  },
  'missing-type': {
    rules: ['R-EL-1'], severity: E,
    en: { title: 'Missing "type"', help: 'Every element names the Type it instantiates, e.g. "events.NormalType" or "services.NormalType"; without it the platform cannot load the element.' },
    zh: { title: '缺少 "type"', help: '每个元素都要指明其实例化的类型，例如 "events.NormalType" 或 "services.NormalType"；没有它，平台无法加载该元素。' },
  },
  'wrong-json-type': {
    rules: ['R-EV-10'], severity: E,
    en: { title: 'Value has the wrong JSON type', help: 'A field holds the wrong kind of JSON value: asyncType and objMode are booleans, enable is 0 or 1, sender/func/funcType/operate/stage/model/modelPath are strings, fields and the eventDescs/functionList lists are arrays.' },
    zh: { title: '值的 JSON 类型错误', help: '字段的 JSON 值类型不对：asyncType 与 objMode 是布尔值，enable 是 0 或 1，sender/func/funcType/operate/stage/model/modelPath 是字符串，fields 以及 eventDescs/functionList 列表是数组。' },
  },
  'missing-title': {
    rules: ['R-EL-1', 'R-SV-3', 'R-SV-5'], severity: W,
    en: { title: 'Missing "title"', help: 'Elements, functionList entries, their args and eventDescs entries carry a "title": the name the IDE, the events tree and AI tools show.' },
    zh: { title: '缺少 "title"', help: '元素、functionList 条目及其 args、eventDescs 条目都应有 "title"：IDE、事件树和 AI 工具显示的名称。' },
  },
  'unknown-type': {
    rules: ['R-EL-2', 'R-EV-1'], severity: W,
    en: { title: 'Unknown element Type', help: 'An instance\'s "type" names an official Type (e.g. events.ModelType, services.NormalType) or a Type element of this app. An unknown Type is never loaded; it may come from a parent app, so this is a warning. A close official Type is offered as a quick fix, and the element is checked as that Type meanwhile.' },
    zh: { title: '未知的元素类型', help: '实例的 "type" 应为官方类型（例如 events.ModelType、services.NormalType）或本应用中的类型元素。未知类型永远不会被加载；它可能来自父应用，因此只给出警告。若有相近的官方类型，快速修复会给出它，并暂按该类型检查元素。' },
  },
  'missing-backend-entry': {
    rules: ['R-EL-3'], severity: W,
    en: { title: 'Missing "backendBundleEntry"', help: 'Services, models, events and tasks run backend code; their e.json needs "backendBundleEntry": "." so the platform finds the Python package.' },
    zh: { title: '缺少 "backendBundleEntry"', help: '服务、模型、事件和任务包含后端代码；其 e.json 需要 "backendBundleEntry": "."，平台才能找到对应的 Python 包。' },
  },
  'invalid-setting': {
    rules: ['R-EL-4'], severity: E,
    en: { title: 'Invalid element setting', help: 'accessModifier is private, protected (older spelling protect) or public; cacheLevel is 0 or 1; loadTime is startUp or afterStartUp; backendLoadTime is afterAppInit or beforeHandleRequest.' },
    zh: { title: '元素设置取值无效', help: 'accessModifier 取 private、protected（旧写法 protect）或 public；cacheLevel 取 0 或 1；loadTime 取 startUp 或 afterStartUp；backendLoadTime 取 afterAppInit 或 beforeHandleRequest。' },
  },
  'missing-init-py': {
    rules: ['R-EL-5'], severity: W,
    en: { title: 'Backend element without __init__.py', help: 'An element folder with Python code (service.py, model.py, inner.py) is a Python package: it needs an __init__.py that re-exports the implementation, or it fails to load.' },
    zh: { title: '后端元素缺少 __init__.py', help: '含 Python 代码（service.py、model.py、inner.py）的元素目录是一个 Python 包：它需要一个重新导出实现的 __init__.py，否则加载失败。' },
  },
  'duplicate-full-name': {
    rules: ['R-APP-3'], severity: E,
    en: { title: 'Two folders give the same fullName', help: 'Two element folders yield the same fullName, or names that differ only in case (a folder name with a dot, or "Order" beside "order"); on case-insensitive file systems and in app.getElement they clash.' },
    zh: { title: '两个目录得到相同的 fullName', help: '两个元素目录得到相同的 fullName，或仅大小写不同的名称（目录名含点，或 "Order" 与 "order" 并存）；在不区分大小写的文件系统和 app.getElement 中会冲突。' },
  },
  'app-json-invalid': {
    rules: ['R-APP-4'], severity: E,
    en: { title: 'app.json is not a valid manifest', help: 'app.json must be one JSON object (appId, name, title, version, extends …); the app\'s settings and parent apps cannot be read otherwise.' },
    zh: { title: 'app.json 不是有效的清单', help: 'app.json 必须是一个 JSON 对象（appId、name、title、version、extends 等）；否则无法读取应用的设置和父应用。' },
  },
  'extends-entry-incomplete': {
    rules: ['R-APP-4'], severity: W,
    en: { title: 'Parent app entry incomplete', help: 'Each entry of app.json "extends" is an object with "appId" (orgId.appName) and "version" of the parent app.' },
    zh: { title: '父应用条目不完整', help: 'app.json "extends" 的每个条目都是包含父应用 "appId"（orgId.appName）和 "version" 的对象。' },
  },
} as const satisfies Record<string, CodeInfo>;
