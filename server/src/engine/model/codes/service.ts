/** Diagnostic service codes: functionList / eventDescs entries and the service implementation (R-SV). */
import type { CodeInfo } from './types';
import { Severity } from '../diagnostics';

const E = Severity.Error, W = Severity.Warning, I = Severity.Information;

export const SERVICE_CODES = {
  'function-not-implemented': {
    rules: ['R-SV-1'], severity: E,
    en: { title: 'Declared function not implemented', help: 'Each functionList entry of a service needs a method of the same name on the service class in service.py.' },
    zh: { title: '声明的函数未实现', help: '服务 functionList 中的每个条目都需要 service.py 中服务类上的同名方法。' },
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
  'missing-data-type': {
    rules: ['R-SV-3'], severity: E,
    en: { title: 'Parameter without "dataType"', help: 'Each args entry of a functionList entry needs "name" and "dataType" (a JitAi data type such as Stext, Numeric, JitDict).' },
    zh: { title: '参数缺少 "dataType"', help: 'functionList 条目中的每个 args 条目都需要 "name" 和 "dataType"（JitAi 数据类型，例如 Stext、Numeric、JitDict）。' },
  },
  'unknown-data-type': {
    rules: ['R-SV-6'], severity: W,
    en: { title: 'Unknown data type', help: 'dataType and returnType name a JitAi data type (Stext, Numeric, Money, JitDict, RowData, …) or None; the message offers the closest one.' },
    zh: { title: '未知的数据类型', help: 'dataType 与 returnType 应为 JitAi 数据类型（Stext、Numeric、Money、JitDict、RowData 等）或 None；消息中给出最接近的类型。' },
  },
  'missing-generic': {
    rules: ['R-SV-6'], severity: I,
    en: { title: 'Container type without "generic"', help: 'RowData, RowList, JitList and JitMap hold other values; "generic" says what (for rows: the model fullName), so callers and AI tools know the shape.' },
    zh: { title: '容器类型缺少 "generic"', help: 'RowData、RowList、JitList 与 JitMap 容纳其他值；"generic" 说明其内容（行数据为模型 fullName），调用方和 AI 工具才能了解其结构。' },
  },
  'service-class-mismatch': {
    rules: ['R-SV-2'], severity: W,
    en: { title: 'Service class not as expected', help: 'service.py defines the service class named like the element folder, subclassing NormalService (from services.NormalType import NormalService).' },
    zh: { title: '服务类不符合约定', help: 'service.py 应定义与元素目录同名的服务类，并继承 NormalService（from services.NormalType import NormalService）。' },
  },
  'service-not-exported': {
    rules: ['R-SV-2'], severity: W,
    en: { title: 'Service class not exported', help: 'The service folder\'s __init__.py re-exports the class under the folder name: from .service import <FolderName>.' },
    zh: { title: '服务类未导出', help: '服务目录的 __init__.py 应以目录名重新导出该类：from .service import <目录名>。' },
  },
  'params-mismatch': {
    rules: ['R-SV-7'], severity: W,
    en: { title: 'Method parameters differ from declared args', help: 'Callers pass a service function\'s arguments by the names declared in its functionList args; a method parameter missing from args (or an arg the method does not take) makes calls fail with API_PARAMS_ERROR.' },
    zh: { title: '方法参数与声明的 args 不一致', help: '调用方按 functionList args 中声明的名称传参；方法参数不在 args 中（或方法不接受某个 arg）会使调用因 API_PARAMS_ERROR 失败。' },
  },
  'event-unused': {
    rules: ['R-SV-8'], severity: I,
    en: { title: 'Declared event not used', help: 'An eventDescs entry no event element subscribes to, or that no code publishes with a literal sender: a hint that the wiring is incomplete.' },
    zh: { title: '声明的事件未被使用', help: 'eventDescs 条目没有任何事件元素订阅，或没有代码以字面量 sender 发布它：提示事件连接不完整。' },
  },
} as const satisfies Record<string, CodeInfo>;
