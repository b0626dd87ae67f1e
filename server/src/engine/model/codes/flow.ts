/** Diagnostic codes of the event flow: payload contracts between publishers and handlers (R-PL) and event loops (R-LP). */
import type { CodeInfo } from './types';
import { Severity } from '../diagnostics';

const W = Severity.Warning, I = Severity.Information;

export const FLOW_CODES = {
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
