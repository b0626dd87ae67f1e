/**
 * Every user-facing message of the engine in English and Simplified Chinese. Placeholders are
 * `{name}`; the locale is chosen by the client (VS Code's display language) or `--locale`.
 */
import { EVENT_CONTRACT_MESSAGES } from './eventMessages';
import { ELEMENT_MESSAGES } from './elementMessages';
import { FIX_MESSAGES } from './fixMessages';

const MESSAGES = {
  ...EVENT_CONTRACT_MESSAGES,
  ...ELEMENT_MESSAGES,
  ...FIX_MESSAGES,
  'json-syntax': { en: 'e.json is not valid JSON: {detail}.', zh: 'e.json 不是合法的 JSON：{detail}。' },
  'json-binary': { en: 'This file is binary, not JSON text; an element definition must be a UTF-8 JSON file.', zh: '该文件是二进制内容，不是 JSON 文本；元素定义必须是 UTF-8 编码的 JSON 文件。' },
  'json-too-large': { en: 'This file is {size} bytes, larger than the {limit} bytes the JitAi checker reads; it was not checked.', zh: '该文件大小为 {size} 字节，超过检查上限 {limit} 字节，未做检查。' },
  'more-problems': { en: '{count} more problems of this kind ({code}) in this file are not listed; fix the ones above first.', zh: '此文件中还有 {count} 个同类问题（{code}）未列出；请先修复上面列出的问题。' },
  'large-file-skipped': { en: 'This file is {size} bytes (over {limit}): publish calls and handlers in it are not scanned, so it is not checked and not used by completion, references or the events tree.', zh: '该文件大小为 {size} 字节（超过 {limit}）：不扫描其中的发布调用与处理函数，因此不做检查，也不参与补全、引用查找和事件树。' },
  'python-unreadable': { en: 'This Python file could not be read ({detail}); publish calls and handlers in it are not checked.', zh: '无法读取该 Python 文件（{detail}）；其中的发布调用与处理函数未做检查。' },
  'unreadable-paths': { en: 'JitAi Events could not read {count} files or folders (e.g. {example}: {reason}); problems in them are not shown.', zh: 'JitAi Events 无法读取 {count} 个文件或目录（例如 {example}：{reason}）；其中的问题不会显示。' },
  'json-unreadable': { en: 'This file could not be read ({detail}).', zh: '无法读取该文件（{detail}）。' },
  'root-not-object': { en: 'An e.json must contain one JSON object ({ … }), not {kind}.', zh: 'e.json 的内容必须是一个 JSON 对象（{ … }），而不是 {kind}。' },
  'missing-type': { en: 'Missing "type": every element names its Type, e.g. "events.NormalType" or "services.NormalType".', zh: '缺少 "type"：每个元素都要指明其类型，例如 "events.NormalType" 或 "services.NormalType"。' },
  'wrong-json-type': { en: '"{key}" must be {expected}, not {actual}.', zh: '"{key}" 必须是 {expected}，而不是 {actual}。' },
  'invalid-value': { en: '"{key}" is "{value}", which is not valid. Use one of: {allowed}.', zh: '"{key}" 的值 "{value}" 无效。可选值：{allowed}。' },
  'invalid-value-suggest': { en: '"{key}" is "{value}", which is not valid. Did you mean "{suggestion}"? Valid: {allowed}.', zh: '"{key}" 的值 "{value}" 无效。是否想写 "{suggestion}"？可选值：{allowed}。' },
  'missing-sender': { en: 'Missing "sender": a custom event subscribes with "sender": "<service fullName>.<event name>".', zh: '缺少 "sender"：自定义事件通过 "sender": "<服务 fullName>.<事件名>" 订阅。' },
  'sender-malformed': { en: 'Sender "{sender}" is malformed: expected "<service fullName>.<event name>", e.g. "services.OrderService.orderPaid".', zh: 'sender "{sender}" 格式错误：应为 "<服务 fullName>.<事件名>"，例如 "services.OrderService.orderPaid"。' },
  'sender-service-not-found': { en: 'No element "{service}" in this app, so event "{event}" can never fire.{hint}', zh: '本应用中没有元素 "{service}"，事件 "{event}" 永远不会触发。{hint}' },
  'sender-service-inherited': { en: 'No element "{service}" in this app; it may come from a parent app (app.json "extends"). Check the name if it does not.{hint}', zh: '本应用中没有元素 "{service}"；它可能来自父应用（app.json 的 "extends"）。若不是，请检查名称。{hint}' },
  'hint-did-you-mean-service': { en: ' Did you mean "{suggestion}"?', zh: ' 是否想写 "{suggestion}"？' },
  'sender-not-a-service': { en: '"{element}" is a {kind} element, not a service: it declares no eventDescs, so it cannot send "{event}".', zh: '"{element}" 是{kind}元素而不是服务：它没有声明 eventDescs，不能发送 "{event}"。' },
  'unknown-event': { en: 'Service "{service}" declares no event "{event}".{suggestion} Declared events: {declared}.', zh: '服务 "{service}" 没有声明事件 "{event}"。{suggestion}已声明的事件：{declared}。' },
  'did-you-mean': { en: ' Did you mean "{name}"?', zh: '是否想写 "{name}"？' },
  'none-declared': { en: '(none; add it to eventDescs)', zh: '（无；请在 eventDescs 中声明）' },
  'publish-args-not-tuple': { en: 'args should be a tuple; {text} is a {kind}. Write ({inner},) to pass it as one positional argument.', zh: 'args 应为元组；{text} 是 {kind}。若要作为一个位置参数传递，请写成 ({inner},)。' },
  'invalid-func-type': { en: '"funcType" must be "Global" (call a service function named in "func") or "Inner" (call customFunc in inner.py), not "{value}".', zh: '"funcType" 必须是 "Global"（调用 "func" 指定的服务函数）或 "Inner"（调用 inner.py 中的 customFunc），而不是 "{value}"。' },
  'func-type-casing': { en: '"funcType" is written "{value}"; the documented spelling is "{canonical}".', zh: '"funcType" 写作 "{value}"；文档中的写法是 "{canonical}"。' },
  'missing-func': { en: 'Missing "func": with funcType Global the handler is a service function, e.g. "func": "services.NotifyService.onOrderPaid".', zh: '缺少 "func"：funcType 为 Global 时，处理函数是服务函数，例如 "func": "services.NotifyService.onOrderPaid"。' },
  'missing-func-always': { en: 'Missing "func": this event type calls a service function, e.g. "func": "services.AuditService.log".', zh: '缺少 "func"：该事件类型调用服务函数，例如 "func": "services.AuditService.log"。' },
  'func-malformed': { en: '"func" must be "<element fullName>.<function name>", e.g. "services.NotifyService.onOrderPaid"; "{value}" is not.', zh: '"func" 必须是 "<元素 fullName>.<函数名>"，例如 "services.NotifyService.onOrderPaid"；"{value}" 不符合。' },
  'func-element-not-found': { en: 'No element "{element}" in this app, so "{func}" cannot be called.{hint}', zh: '本应用中没有元素 "{element}"，无法调用 "{func}"。{hint}' },
  'func-element-inherited': { en: 'No element "{element}" in this app; it may come from a parent app. Check the name if it does not.{hint}', zh: '本应用中没有元素 "{element}"；它可能来自父应用。若不是，请检查名称。{hint}' },
  'func-not-found': { en: '"{element}" has no function "{fn}": it is neither in its functionList nor a method in its Python code.{suggestion} Functions: {declared}.', zh: '"{element}" 没有函数 "{fn}"：既不在其 functionList 中，也不是其 Python 代码中的方法。{suggestion}可用函数：{declared}。' },
  'func-not-in-function-list': { en: '"{fn}" is a method of "{element}" but not declared in its functionList; declare it so the IDE and AI can see it.', zh: '"{fn}" 是 "{element}" 的方法，但未在其 functionList 中声明；请声明它，以便 IDE 和 AI 能够识别。' },
  'function-not-implemented': { en: 'functionList declares "{fn}" but class {cls} in {file} has no method "{fn}".', zh: 'functionList 声明了 "{fn}"，但 {file} 中的类 {cls} 没有方法 "{fn}"。' },
  'inner-file-missing': { en: 'funcType is Inner but this element has no inner.py; create inner.py with "def customFunc(*args, **kwargs):", or use funcType Global with "func".', zh: 'funcType 为 Inner，但该元素没有 inner.py；请创建包含 "def customFunc(*args, **kwargs):" 的 inner.py，或改用 funcType Global 并设置 "func"。' },
  'custom-func-missing': { en: 'funcType is Inner but inner.py defines no top-level "customFunc"{found}; the handler must be named customFunc.', zh: 'funcType 为 Inner，但 inner.py 没有定义顶层函数 "customFunc"{found}；处理函数必须命名为 customFunc。' },
  'custom-func-found': { en: ' (it defines {names})', zh: '（其中定义了 {names}）' },
  'missing-name': { en: 'This {list} entry has no "name"; {what} is referenced by its name.', zh: '该 {list} 条目缺少 "name"；{what}通过名称被引用。' },
  'what-event': { en: 'an event', zh: '事件' },
  'what-function': { en: 'a function', zh: '函数' },
  'duplicate-event-name': { en: 'Event "{name}" is declared twice in eventDescs; names must be unique.', zh: '事件 "{name}" 在 eventDescs 中重复声明；名称必须唯一。' },
  'duplicate-function-name': { en: 'Function "{name}" is declared twice in functionList; names must be unique.', zh: '函数 "{name}" 在 functionList 中重复声明；名称必须唯一。' },
  'element-not-found': { en: 'No {kind} element "{name}" in this app.{hint}', zh: '本应用中没有{kind}元素 "{name}"。{hint}' },
  'element-inherited': { en: 'No {kind} element "{name}" in this app; it may come from a parent app.{hint}', zh: '本应用中没有{kind}元素 "{name}"；它可能来自父应用。{hint}' },
  'wrong-element-kind': { en: '"{name}" is a {actual} element; "{key}" must name a {expected} element.', zh: '"{name}" 是{actual}元素；"{key}" 必须指向{expected}元素。' },
  'unknown-model-field': { en: 'Model "{model}" has no field "{field}".{suggestion} Fields: {fields}.', zh: '模型 "{model}" 没有字段 "{field}"。{suggestion}字段：{fields}。' },
  'payload-key-not-sent': { en: 'No publisher of "{event}" sends "{key}" here, so it is always missing.{suggestion} Sent: {keys}.', zh: '"{event}" 的发布方都没有在此发送 "{key}"，它总是缺失。{suggestion}已发送：{keys}。' },
  'payload-key-not-sent-any': { en: 'No publisher of {events} sends "{key}" here, so it is always missing.{suggestion} Sent: {keys}.', zh: '{events} 的发布方都没有在此发送 "{key}"，它总是缺失。{suggestion}已发送：{keys}。' },
  'payload-key-sometimes': { en: '"{key}" is sent by {sent} of {total} publish sites of "{event}"; it may be missing.', zh: '"{event}" 的 {total} 处发布中只有 {sent} 处发送了 "{key}"；它可能缺失。' },
  'event-loop-subscriber': { en: 'Event loop: {chain}. This handler publishes events that lead back to "{event}", so it runs again without end.', zh: '事件循环：{chain}。该处理函数发布的事件最终又回到 "{event}"，会无休止地再次执行。' },
  'event-loop-publish': { en: 'Event loop: {chain}. This publish of "{event}" runs handlers that come back here, without end.', zh: '事件循环：{chain}。此处发布的 "{event}" 所触发的处理函数又回到这里，无休止循环。' },
  'loop-related-subscriber': { en: '{element} subscribes to {event}', zh: '{element} 订阅了 {event}' },
  'loop-related-publish': { en: 'publishes {event}', zh: '发布 {event}' },
  'none-sent': { en: '(nothing)', zh: '（无）' },
  'declared-here': { en: 'declared here', zh: '在此声明' },
  'kind-service': { en: 'service', zh: '服务' },
  'kind-model': { en: 'model', zh: '模型' },
  'kind-event': { en: 'event', zh: '事件' },
  'kind-task': { en: 'task', zh: '任务' },
  'kind-workflow': { en: 'workflow', zh: '审批流' },
  'kind-assistant': { en: 'AI assistant', zh: 'AI 助理' },
  'kind-agent': { en: 'AI agent', zh: 'AI 智能体' },
  'kind-type': { en: 'Type', zh: '类型' },
  'kind-other': { en: 'non-service', zh: '非服务' },
  'type-string': { en: 'a string', zh: '字符串' },
  'type-boolean': { en: 'true or false', zh: 'true 或 false' },
  'type-enable': { en: '1 or 0', zh: '1 或 0' },
  'type-array': { en: 'an array', zh: '数组' },
  'json-kind-string': { en: 'a string', zh: '字符串' },
  'json-kind-number': { en: 'a number', zh: '数字' },
  'json-kind-boolean': { en: 'a boolean', zh: '布尔值' },
  'json-kind-null': { en: 'null', zh: 'null' },
  'json-kind-object': { en: 'an object', zh: '对象' },
  'json-kind-array': { en: 'an array', zh: '数组' },
  'json-kind-none': { en: 'nothing (empty file)', zh: '空内容' },
  'py-kind-str': { en: 'string', zh: '字符串' },
  'py-kind-list': { en: 'list', zh: '列表' },
  'py-kind-dict': { en: 'dict', zh: '字典' },
  'py-kind-number': { en: 'number', zh: '数字' },
  'py-kind-other': { en: 'value', zh: '值' },
  // Features
  'lens-run-handler': { en: '▶ Run handler', zh: '▶ 运行处理函数' },
  'lens-subscribers': { en: '{count} subscribers', zh: '{count} 个订阅者' },
  'lens-subscriber-one': { en: '1 subscriber', zh: '1 个订阅者' },
  'lens-publishers': { en: '{count} publish sites', zh: '{count} 处发布' },
  'lens-publisher-one': { en: '1 publish site', zh: '1 处发布' },
  'hover-event': { en: 'Event **{name}** of `{service}`', zh: '`{service}` 的事件 **{name}**' },
  'hover-counts': { en: 'Published at {pub} site(s) · {sub} subscriber(s)', zh: '发布 {pub} 处 · 订阅者 {sub} 个' },
  'hover-payload': { en: '**Payload** ({count} publish site(s))', zh: '**负载**（{count} 处发布）' },
  'hover-payload-fixed': { en: '**Payload** (what this event type passes)', zh: '**负载**（该事件类型传入的内容）' },
  'hover-payload-unknown': { en: 'Payload unknown: a publisher passes a variable or nothing publishes it here.', zh: '负载未知：有发布方传入变量，或此处没有发布方。' },
  'hover-always': { en: 'always', zh: '总是' },
  'hover-sometimes': { en: 'sometimes', zh: '有时' },
  'hover-more-unknown': { en: '…and parts a publisher passes as a variable', zh: '……以及发布方以变量传入的部分' },
  'hover-published-at': { en: 'Published at:', zh: '发布位置：' },
  'hover-handler-of': { en: 'Handles {events}', zh: '处理 {events}' },
  'payload-skeleton': { en: 'Skeleton from the payload shape', zh: '按负载结构生成的骨架' },
  'settings-invalid-glob': { en: 'jitaiEvents.exclude: {globs} is not a valid glob and is ignored.', zh: 'jitaiEvents.exclude：{globs} 不是有效的 glob 模式，已忽略。' },
  'fix-change-to': { en: 'Change to "{value}"', zh: '改为 "{value}"' },
  'rename-invalid': { en: 'An event name must be an identifier (letters, digits, _).', zh: '事件名必须是标识符（字母、数字、下划线）。' },
  'rename-service-part': { en: 'Rename the service folder to rename a service.', zh: '要重命名服务，请重命名服务所在的文件夹。' },
  'rename-not-here': { en: 'Place the cursor on an event name or a sender to rename the event.', zh: '请将光标放在事件名或 sender 上以重命名事件。' },
  'handler-no-inner': { en: 'inner.py is missing', zh: '缺少 inner.py' },
  'handler-no-custom-func': { en: 'inner.py has no customFunc', zh: 'inner.py 中没有 customFunc' },
  'handler-no-func': { en: 'no "func" to call', zh: '没有可调用的 "func"' },
  'handler-func-unresolved': { en: '"{func}" does not resolve to a method of a local service', zh: '"{func}" 无法解析到本地服务的方法' },
  'rename-exists': { en: 'The service already declares an event "{name}".', zh: '该服务已声明事件 "{name}"。' },
  // Language server progress (work-done progress of a full index)
  'progress-indexing': { en: 'JitAi: indexing', zh: 'JitAi：正在建立索引' },
  'progress-files': { en: '{done}/{total} files', zh: '{done}/{total} 个文件' },
} as const;

export type MessageId = keyof typeof MESSAGES;
export type Locale = 'en' | 'zh';

export function localeOf(tag: string | undefined): Locale {
  return tag && /^zh/i.test(tag) ? 'zh' : 'en';
}

export function msg(locale: Locale, id: MessageId, params: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[id][locale];
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function hasMessage(id: string): id is MessageId {
  return id in MESSAGES;
}

export function kindLabel(locale: Locale, kind: string): string {
  const id = `kind-${kind}` as MessageId;
  return id in MESSAGES ? msg(locale, id) : kind;
}
