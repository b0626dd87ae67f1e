/** Diagnostic event and task codes: senders, handlers, references (R-EV, R-NT, R-MT, R-WF, R-AS, R-AG, R-TK). */
import type { CodeInfo } from './types';
import { Severity } from '../diagnostics';

const E = Severity.Error, W = Severity.Warning, I = Severity.Information;

export const EVENT_CODES = {
  'invalid-value': {
    rules: ['R-MT-2', 'R-WF-2', 'R-AS-2', 'R-AG-2'], severity: E,
    en: { title: 'Value not allowed here', help: 'operate (model, approval and assistant events) and stage (agent events) take one of a fixed set of values, with exact case; the message lists them and a quick fix offers the closest one.' },
    zh: { title: '取值无效', help: 'operate（模型、审批与 AI 助理事件）和 stage（AI Agent 事件）只能取固定集合中的值，大小写须完全一致；消息中列出可选值，快速修复会给出最接近的值。' },
  },
  'missing-sender': {
    rules: ['R-NT-1'], severity: E,
    en: { title: 'Missing "sender"', help: 'A custom event (events.NormalType) subscribes to a service event with "sender": "<service fullName>.<event name>"; without it the handler never runs.' },
    zh: { title: '缺少 "sender"', help: '自定义事件（events.NormalType）通过 "sender": "<服务 fullName>.<事件名>" 订阅服务事件；没有它，处理函数永远不会执行。' },
  },
  'sender-malformed': {
    rules: ['R-NT-1', 'R-PY-1'], severity: E,
    en: { title: 'Sender is malformed', help: 'A custom-event sender is "<service fullName>.<event name>": dot-separated identifiers with at least one dot, e.g. "services.OrderService.orderPaid".' },
    zh: { title: 'sender 格式错误', help: '自定义事件的 sender 形如 "<服务 fullName>.<事件名>"：以点分隔的标识符，至少包含一个点，例如 "services.OrderService.orderPaid"。' },
  },
  'sender-service-not-found': {
    rules: ['R-NT-1', 'R-PY-1'], severity: E,
    en: { title: 'Sender service not found', help: 'The part of the sender before the last dot must be the fullName of a service in this app. When app.json "extends" a parent app the service may be inherited, so this is a warning there.' },
    zh: { title: '找不到 sender 中的服务', help: 'sender 中最后一个点之前的部分必须是本应用中某个服务的 fullName。若 app.json 通过 "extends" 继承父应用，该服务可能来自父应用，此时只给出警告。' },
  },
  'sender-not-a-service': {
    rules: ['R-NT-1'], severity: E,
    en: { title: 'Sender is not a service', help: 'The sender names an element that declares no eventDescs (a model, an event, …); only services declare custom events.' },
    zh: { title: 'sender 指向的不是服务', help: 'sender 指向的元素没有声明 eventDescs（例如模型、事件等）；只有服务才能声明自定义事件。' },
  },
  'unknown-event': {
    rules: ['R-NT-2', 'R-PY-1'], severity: E,
    en: { title: 'Event not declared by the service', help: 'The part of the sender after the last dot must be the name of an entry in that service\'s eventDescs; otherwise the event can never fire. The message lists the declared events.' },
    zh: { title: '服务未声明该事件', help: 'sender 中最后一个点之后的部分必须是该服务 eventDescs 中某个条目的 name；否则该事件永远不会触发。消息中列出已声明的事件。' },
  },
  'invalid-func-type': {
    rules: ['R-EV-2'], severity: E,
    en: { title: 'Invalid "funcType"', help: 'funcType is "Global" (call the service function named in func; the default) or "Inner" (call customFunc in inner.py). Lowercase spellings are accepted with a warning.' },
    zh: { title: '"funcType" 无效', help: 'funcType 取 "Global"（调用 func 指定的服务函数，默认值）或 "Inner"（调用 inner.py 中的 customFunc）。小写写法可以接受，但会给出警告。' },
  },
  'missing-func': {
    rules: ['R-EV-3', 'R-AS-3', 'R-AG-3', 'R-TK-3'], severity: E,
    en: { title: 'Missing "func"', help: 'With funcType Global (the default) the handler is a service function named in "func", e.g. "services.NotifyService.onOrderPaid". AI assistant events always need func.' },
    zh: { title: '缺少 "func"', help: 'funcType 为 Global（默认）时，处理函数是 "func" 指定的服务函数，例如 "services.NotifyService.onOrderPaid"。AI 助理事件总是需要 func。' },
  },
  'func-malformed': {
    rules: ['R-EV-4'], severity: E,
    en: { title: '"func" is malformed', help: 'func is "<element fullName>.<function name>", split at the last dot, e.g. "services.NotifyService.onOrderPaid".' },
    zh: { title: '"func" 格式错误', help: 'func 形如 "<元素 fullName>.<函数名>"，以最后一个点分隔，例如 "services.NotifyService.onOrderPaid"。' },
  },
  'func-element-not-found': {
    rules: ['R-EV-4', 'R-TK-3'], severity: E,
    en: { title: 'Handler element not found', help: 'The element part of func (before the last dot) is not in this app. When app.json "extends" a parent app it may be inherited, so this is a warning there.' },
    zh: { title: '找不到处理函数所在的元素', help: 'func 中的元素部分（最后一个点之前）不在本应用中。若 app.json 通过 "extends" 继承父应用，它可能来自父应用，此时只给出警告。' },
  },
  'func-not-found': {
    rules: ['R-EV-4'], severity: E,
    en: { title: 'Handler function not found', help: 'The function part of func is neither declared in the element\'s functionList nor a method of its Python class; the message lists the functions that exist.' },
    zh: { title: '找不到处理函数', help: 'func 中的函数部分既未在该元素的 functionList 中声明，也不是其 Python 类的方法；消息中列出现有的函数。' },
  },
  'func-not-in-function-list': {
    rules: ['R-EV-5'], severity: W,
    en: { title: 'Handler not declared in functionList', help: 'The method exists in the element\'s Python class but is not declared in its functionList; declare it so the IDE and AI tools can see it.' },
    zh: { title: '处理函数未在 functionList 中声明', help: '该方法存在于元素的 Python 类中，但未在其 functionList 中声明；请声明它，以便 IDE 和 AI 工具能够识别。' },
  },
  'inner-file-missing': {
    rules: ['R-EV-6'], severity: E,
    en: { title: 'inner.py missing', help: 'With funcType Inner the handler is customFunc in the element\'s inner.py, and that file does not exist. Create it, or use funcType Global with func.' },
    zh: { title: '缺少 inner.py', help: 'funcType 为 Inner 时，处理函数是元素 inner.py 中的 customFunc，但该文件不存在。请创建它，或改用 funcType Global 并设置 func。' },
  },
  'custom-func-missing': {
    rules: ['R-EV-7'], severity: E,
    en: { title: 'customFunc missing in inner.py', help: 'With funcType Inner, inner.py must define a top-level function named customFunc; other names are not called.' },
    zh: { title: 'inner.py 中缺少 customFunc', help: 'funcType 为 Inner 时，inner.py 必须定义名为 customFunc 的顶层函数；其他名称不会被调用。' },
  },
  'element-not-found': {
    rules: ['R-MT-1', 'R-WF-1', 'R-AS-1', 'R-AG-1', 'R-TK-2'], severity: E,
    en: { title: 'Referenced element not found', help: 'sender (model, assistant and agent events), model (approval events) or modelPath (date-field tasks) must name an element of this app. When app.json "extends" a parent app it may be inherited, so this is a warning there.' },
    zh: { title: '找不到引用的元素', help: 'sender（模型、AI 助理与 AI Agent 事件）、model（审批事件）或 modelPath（日期字段任务）必须指向本应用中的元素。若 app.json 通过 "extends" 继承父应用，它可能来自父应用，此时只给出警告。' },
  },
  'wrong-element-kind': {
    rules: ['R-MT-1', 'R-WF-1', 'R-AS-1', 'R-AG-1', 'R-TK-2'], severity: E,
    en: { title: 'Referenced element has the wrong kind', help: 'The referenced element exists but is not of the kind this event listens to: model events and date-field tasks need a model, assistant events an AI assistant, agent events an AI agent.' },
    zh: { title: '引用的元素类型不对', help: '引用的元素存在，但不是该事件所监听的类型：模型事件与日期字段任务需要模型，AI 助理事件需要 AI 助理，AI Agent 事件需要 AI Agent。' },
  },
  'unknown-model-field': {
    rules: ['R-MT-3'], severity: E,
    en: { title: 'Unknown model field', help: 'Each entry of a model event\'s fields must be a field of the sender model (a class attribute created with datatypes.* in its model.py).' },
    zh: { title: '模型字段不存在', help: '模型事件 fields 中的每一项都必须是 sender 模型的字段（其 model.py 中用 datatypes.* 创建的类属性）。' },
  },
} as const satisfies Record<string, CodeInfo>;
