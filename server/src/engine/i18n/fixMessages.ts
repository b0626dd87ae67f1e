/**
 * Messages of the quick fixes that create what is missing and of "New Event Subscriber…": action
 * titles, the docstrings written into generated handlers, and why a subscriber cannot be created.
 * messages.ts merges them into the engine's one message table.
 */
export const FIX_MESSAGES = {
  'fix-create-inner': { en: 'Create inner.py with customFunc', zh: '创建包含 customFunc 的 inner.py' },
  'fix-add-custom-func': { en: 'Add customFunc to inner.py', zh: '在 inner.py 中添加 customFunc' },
  'fix-declare-event': { en: 'Declare "{event}" in eventDescs of {service}', zh: '在 {service} 的 eventDescs 中声明 "{event}"' },
  'fix-add-function': { en: 'Add function "{fn}" to {service} (functionList and service.py)', zh: '在 {service} 中添加函数 "{fn}"（functionList 与 service.py）' },
  'fix-add-method': { en: 'Add method "{fn}" to class {cls} in service.py', zh: '在 service.py 的类 {cls} 中添加方法 "{fn}"' },
  'fix-declare-function': { en: 'Declare "{fn}" in functionList of {service}', zh: '在 {service} 的 functionList 中声明 "{fn}"' },
  'lens-add-subscriber': { en: '＋ Add subscriber', zh: '＋ 添加订阅者' },
  // Docstrings of generated handlers
  'doc-handler-of': { en: 'Handler of {element} ({title}).', zh: '{element}（{title}）的处理函数。' },
  'doc-sender': { en: 'Sender: {sender}', zh: '发送方：{sender}' },
  'doc-published-as': { en: 'Published as: {call}', zh: '发布方式：{call}' },
  'doc-sig-custom': { en: 'args/kwargs: what app.event.publish(sender=..., args=(...), kwargs={...}) passes.', zh: 'args/kwargs：app.event.publish(sender=..., args=(...), kwargs={...}) 传入的参数。' },
  'doc-sig-objmode': { en: 'obj: the publish arguments wrapped in one dict (objMode).', zh: 'obj：发布参数合并成的一个字典（objMode）。' },
  'doc-sig-model': { en: 'eventOutData: JitDict with model, optType, prevData, postData (read values with .value).', zh: 'eventOutData：JitDict，包含 model、optType、prevData、postData（用 .value 读取值）。' },
  'doc-sig-workflow': { en: 'eventOutData: JitDict with row (the business row), status, triggerNode, handleType.', zh: 'eventOutData：JitDict，包含 row（业务数据行）、status、triggerNode、handleType。' },
  'doc-sig-agent': { en: 'eventOutData: JitDict with toolName, stage, args.', zh: 'eventOutData：JitDict，包含 toolName、stage、args。' },
  'doc-sig-timer': { en: 'Called by the task timer with no arguments.', zh: '由任务定时器调用，不传参数。' },
  'doc-sig-date-task': { en: 'rowData: the row whose date field is due.', zh: 'rowData：日期字段到期的数据行。' },
  'doc-function': { en: '{title}.', zh: '{title}。' },
  'arg-title-eventOutData': { en: 'Event data', zh: '事件数据' },
  'arg-title-rowData': { en: 'Row data', zh: '数据行' },
  'arg-title-obj': { en: 'Event object', zh: '事件对象' },
  // New Event Subscriber…
  'subscriber-name-invalid': { en: '"{name}" is not a valid element name: use letters, digits and _, not starting with a digit.', zh: '"{name}" 不是合法的元素名：只能使用字母、数字和 _，且不能以数字开头。' },
  'subscriber-name-exists': { en: 'An element "{fullName}" already exists.', zh: '元素 "{fullName}" 已存在。' },
  'subscriber-event-unknown': { en: 'No declared event "{sender}" in this app.', zh: '本应用中没有已声明的事件 "{sender}"。' },
  'subscriber-func-invalid': { en: '"{name}" is not a valid function name.', zh: '"{name}" 不是合法的函数名。' },
} as const;
