/**
 * The one registry of diagnostic codes: for each code, the validation rule(s) it enforces, its
 * default severity and a short title and help paragraph in English and Simplified Chinese.
 * Rules report only registered codes (DiagnosticCode); SARIF, the README table and tests read it.
 */
import { Severity } from './diagnostics';
import { EVENT_CONTRACT_CODES } from './codes/events';

export interface CodeText { title: string; help: string }
export interface CodeInfo {
  /**
   * Ids of the validation rules this code enforces: R-EL element, R-SV service, R-EV event, R-NT custom,
   * R-MT model, R-WF approval, R-AS assistant, R-AG agent events, R-TK tasks, R-PY Python code,
   * R-PL payload contracts between publishers and handlers, R-LP event loops.
   */
  rules: readonly string[];
  /** Severity when nothing lowers it (e.g. an unresolved name in an app that extends a parent app is a warning). */
  severity: Severity;
  en: CodeText;
  zh: CodeText;
}

const E = Severity.Error, W = Severity.Warning, I = Severity.Information;

export const DIAGNOSTIC_CODES = {
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
  'publish-args-not-tuple': {
    rules: ['R-PY-2'], severity: W,
    en: { title: 'publish args is not a tuple', help: 'app.event.publish passes args as positional arguments, so it should be a tuple; ("x") is just a string in parentheses, write ("x",).' },
    zh: { title: 'publish 的 args 不是元组', help: 'app.event.publish 将 args 作为位置参数传递，因此它应当是元组；("x") 只是带括号的字符串，应写成 ("x",)。' },
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
  'function-not-implemented': {
    rules: ['R-SV-1'], severity: E,
    en: { title: 'Declared function not implemented', help: 'Each functionList entry of a service needs a method of the same name on the service class in service.py.' },
    zh: { title: '声明的函数未实现', help: '服务 functionList 中的每个条目都需要 service.py 中服务类上的同名方法。' },
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
  'missing-name': {
    rules: ['R-SV-3', 'R-SV-5'], severity: E,
    en: { title: 'Entry without "name"', help: 'eventDescs and functionList entries are referenced by name (senders, func), so each needs a "name".' },
    zh: { title: '条目缺少 "name"', help: 'eventDescs 与 functionList 的条目通过名称被引用（sender、func），因此每个条目都需要 "name"。' },
  },
  'duplicate-event-name': {
    rules: ['R-SV-4'], severity: E,
    en: { title: 'Duplicate event name', help: 'Two eventDescs entries of one service have the same name; a sender could not tell them apart.' },
    zh: { title: '事件名重复', help: '同一服务的两个 eventDescs 条目名称相同；sender 无法区分它们。' },
  },
  'duplicate-function-name': {
    rules: ['R-SV-4'], severity: E,
    en: { title: 'Duplicate function name', help: 'Two functionList entries of one element have the same name; a func reference could not tell them apart.' },
    zh: { title: '函数名重复', help: '同一元素的两个 functionList 条目名称相同；func 引用无法区分它们。' },
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
  ...EVENT_CONTRACT_CODES,
  'payload-key-not-sent': {
    rules: ['R-PL-1'], severity: W,
    en: { title: 'Handler reads a key no publisher sends', help: 'The handler reads a payload key (args[i]["k"], .get("k"), kwargs["k"], a keyword-only parameter) that none of the event\'s publish sites sends, so it is always missing at run time. The message names the closest key that is sent and a quick fix replaces it. Nothing is reported while a publisher passes a variable or nothing publishes the event.' },
    zh: { title: '处理函数读取了没有发布方发送的键', help: '处理函数读取的负载键（args[i]["k"]、.get("k")、kwargs["k"]、仅限关键字参数）在该事件的所有发布处都没有发送，因此运行时总是缺失。消息会给出最接近的已发送键，快速修复可直接替换。只要有发布方传入变量，或没有任何代码发布该事件，就不报告。' },
  },
  'payload-key-sometimes': {
    rules: ['R-PL-2'], severity: I,
    en: { title: 'Key sent by only some publishers', help: 'Some publish sites of the event send this payload key and others do not; the handler should cope with its absence (e.g. read it with .get and a default).' },
    zh: { title: '只有部分发布方发送该键', help: '该事件的部分发布处发送了这个负载键，另一些没有；处理函数应能处理它缺失的情况（例如用 .get 并给出默认值）。' },
  },
  'event-loop': {
    rules: ['R-LP-1'], severity: W,
    en: { title: 'Event loop', help: 'A handler of the event publishes (directly, or through self.method() calls and module functions it calls) an event whose handlers lead back to the same event, so the handlers run again and again. Reported on the subscriber\'s sender and on the publish site, with the whole chain and its places as related information.' },
    zh: { title: '事件循环', help: '该事件的处理函数（直接地，或通过其调用的 self.方法() 与模块函数）发布的事件，其处理函数又回到同一事件，导致处理函数反复执行。在订阅者的 sender 与发布处报告，并附上完整链路及各处位置作为相关信息。' },
  },
} as const satisfies Record<string, CodeInfo>;

/** A registered diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Every registered code, in registry order. */
export const ALL_DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

export function codeInfo(code: DiagnosticCode): CodeInfo {
  return DIAGNOSTIC_CODES[code];
}
