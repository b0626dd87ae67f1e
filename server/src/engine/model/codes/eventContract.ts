/**
 * Diagnostic codes of the event, approval and task contract (handler signatures, `__init__.py`
 * re-exports, element imports, model-event options, approval nodes, task timers, unknown keys).
 * index.ts merges them into the one registry.
 */
import type { CodeInfo } from './types';
import { Severity } from '../diagnostics';

const E = Severity.Error, W = Severity.Warning, I = Severity.Information;

export const EVENT_CONTRACT_CODES = {
  'handler-signature-fails': {
    rules: ['R-EV-8', 'R-NT-3', 'R-TK-3'], severity: E,
    en: { title: 'Handler signature fails on every call', help: 'The handler cannot accept what its event or task passes, so Python raises TypeError on every call: custom events pass *args/**kwargs (one obj with objMode), model, approval and agent events pass one eventOutData, timer tasks pass nothing, date-field tasks pass rowData.' },
    zh: { title: '处理函数签名每次调用都会失败', help: '处理函数无法接收事件或任务传入的参数，Python 每次调用都会抛出 TypeError：自定义事件传入 *args/**kwargs（objMode 时为一个 obj），模型、审批与 Agent 事件传入一个 eventOutData，定时任务不传参数，日期字段任务传入 rowData。' },
  },
  'handler-signature-unusual': {
    rules: ['R-EV-8', 'R-NT-3', 'R-TK-3'], severity: W,
    en: { title: 'Handler signature differs from the documented one', help: 'The handler accepts the call but not in the documented shape (e.g. a custom-event handler without *args/**kwargs drops arguments); the message gives the documented signature.' },
    zh: { title: '处理函数签名与文档不一致', help: '处理函数可以被调用，但形式与文档不同（例如自定义事件处理函数没有 *args/**kwargs，会丢失参数）；消息中给出文档中的签名。' },
  },
  'init-import-missing': {
    rules: ['R-EV-9'], severity: E,
    en: { title: '__init__.py imports a name the module does not define', help: '__init__.py re-exports the element\'s implementation (from .inner import customFunc, from .service import XService); importing a name the module does not define fails when the element loads.' },
    zh: { title: '__init__.py 导入了模块中不存在的名称', help: '__init__.py 负责导出元素的实现（from .inner import customFunc、from .service import XService）；导入模块中未定义的名称会在元素加载时失败。' },
  },
  'element-import-unresolved': {
    rules: ['R-PY-5'], severity: I,
    en: { title: 'Import of an unknown element module', help: 'A Python import whose path starts with an element namespace (services., models., events., …) refers to an element by fullName; no element or known framework Type module has that name here. It may come from a parent app.' },
    zh: { title: '导入了未知的元素模块', help: '以元素命名空间（services.、models.、events. 等）开头的 Python 导入路径按 fullName 引用元素；这里没有该名称的元素或已知的框架类型模块。它可能来自父应用。' },
  },
  'inner-unused': {
    rules: ['R-EV-11'], severity: I,
    en: { title: 'inner.py is unused', help: 'With funcType Global the handler is the service function named in func; the element\'s inner.py is never called.' },
    zh: { title: 'inner.py 未被使用', help: 'funcType 为 Global 时，处理函数是 func 指定的服务函数；元素的 inner.py 不会被调用。' },
  },
  'unknown-key': {
    rules: ['R-EV-12'], severity: I,
    en: { title: 'Unknown key', help: 'The key is not a documented field of this event or task Type nor a common element field; it is ignored (perhaps a typo). Types can be customised, so this is only a hint.' },
    zh: { title: '未知的键', help: '该键既不是该事件或任务类型文档中的字段，也不是元素通用字段，会被忽略（可能是拼写错误）。类型可以自定义，因此只作提示。' },
  },
  'fields-ignored': {
    rules: ['R-MT-4'], severity: I,
    en: { title: '"fields" has no effect here', help: 'fields limits a model event to changes of the listed fields; for Add*/Delete* operations every field is new or gone, so the list probably does nothing.' },
    zh: { title: '"fields" 在此处无效', help: 'fields 让模型事件只在所列字段变化时触发；对于 Add*/Delete* 操作，所有字段都是新建或删除的，因此该列表很可能不起作用。' },
  },
  'filter-unknown-field': {
    rules: ['R-MT-5'], severity: W,
    en: { title: 'Unknown field in filter', help: 'A field id inside a Q(...) filter (Q(\'field\', op, value) or Q(field=value)) is not a field of the sender model; the filter never matches as intended.' },
    zh: { title: 'filter 中的字段不存在', help: 'Q(...) 过滤条件中的字段（Q(\'字段\', 运算符, 值) 或 Q(字段=值)）不是 sender 模型的字段；过滤条件不会按预期匹配。' },
  },
  'update-loop': {
    rules: ['R-MT-6'], severity: I,
    en: { title: 'Handler may re-trigger its own event', help: 'An UpdateAfter handler that saves rows of the model it listens to, with neither fields nor filter to limit it, fires the same event again and can loop.' },
    zh: { title: '处理函数可能再次触发自身事件', help: 'UpdateAfter 处理函数保存了其监听模型的数据，且没有 fields 或 filter 限制时，会再次触发同一事件，可能形成死循环。' },
  },
  'workflow-option-misplaced': {
    rules: ['R-WF-3'], severity: W,
    en: { title: 'Option does not apply to this operate', help: 'triggerNode is read only with operate NodeChange; handleNode and handleType only with NodeHandled.' },
    zh: { title: '该选项不适用于此 operate', help: 'triggerNode 只在 operate 为 NodeChange 时生效；handleNode 与 handleType 只在 NodeHandled 时生效。' },
  },
  'workflow-item-invalid': {
    rules: ['R-WF-3'], severity: W,
    en: { title: 'Invalid triggerNode or handleType item', help: 'triggerNode items are after.StartNode, before.StartNode, before.<nodeId> or after.<nodeId> (plain node ids are accepted too); handleType items are submit, manualEnd, agree, refuse, reject, transmit (or the older transfer).' },
    zh: { title: 'triggerNode 或 handleType 的条目无效', help: 'triggerNode 条目为 after.StartNode、before.StartNode、before.<节点ID> 或 after.<节点ID>（也接受单独的节点 ID）；handleType 条目为 submit、manualEnd、agree、refuse、reject、transmit（或旧写法 transfer）。' },
  },
  'workflow-node-unknown': {
    rules: ['R-WF-4'], severity: W,
    en: { title: 'Node not in the approval workflow', help: 'A node id in triggerNode or handleNode must be a node (name in nodeList) of a workflow element whose dataModel is the event\'s model.' },
    zh: { title: '审批流中没有该节点', help: 'triggerNode 或 handleNode 中的节点 ID 必须是某个 dataModel 等于事件 model 的审批流元素的节点（nodeList 中的 name）。' },
  },
  'workflow-not-bound': {
    rules: ['R-WF-5'], severity: W,
    en: { title: 'No workflow uses this model', help: 'No workflows.* element has this model as its dataModel, so the approval event can never fire.' },
    zh: { title: '没有审批流使用该模型', help: '没有 workflows.* 元素以该模型为 dataModel，审批事件永远不会触发。' },
  },
  'task-timer-invalid': {
    rules: ['R-TK-1', 'R-TK-2'], severity: E,
    en: { title: 'Invalid task timer', help: 'Timer tasks need timerCfg.startTime ("yyyy-MM-dd HH:mm:ss") and repeat.repeatType year/month/week/day/hour/minute/normal with a positive integer period; date-field tasks take repeatType normal or year (day is shown by the docs too), offsetType -1/0/1 and offsetUnit minute/hour/day (or seconds/minutes/hours/days).' },
    zh: { title: '任务定时配置无效', help: '定时任务需要 timerCfg.startTime（"yyyy-MM-dd HH:mm:ss"）以及 repeat.repeatType（year/month/week/day/hour/minute/normal），重复时 period 为正整数；日期字段任务的 repeatType 为 normal 或 year（文档中也出现 day），offsetType 为 -1/0/1，offsetUnit 为 minute/hour/day（或 seconds/minutes/hours/days）。' },
  },
  'task-date-field': {
    rules: ['R-TK-2'], severity: E,
    en: { title: 'Date-field task field is not a date', help: 'timerCfg.startField of a date-field task must name a Date or Datetime field of the modelPath model.' },
    zh: { title: '日期字段任务的字段不是日期', help: '日期字段任务的 timerCfg.startField 必须是 modelPath 模型中的 Date 或 Datetime 字段。' },
  },
} as const satisfies Record<string, CodeInfo>;
