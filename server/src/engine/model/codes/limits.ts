/** Diagnostic codes the checker adds around the rules: capped problem lists and files too large to scan. */
import type { CodeInfo } from './types';
import { Severity } from '../diagnostics';

const I = Severity.Information;

export const LIMIT_CODES = {
  'more-problems': {
    rules: ['R-LIM-1'], severity: I,
    en: { title: 'More problems of this kind', help: 'A file lists at most 100 problems of one code; this note counts the rest, so a huge generated file cannot flood the Problems view or slow the editor. Fix the listed ones first.' },
    zh: { title: '同类问题还有更多', help: '一个文件中同一代码的问题最多列出 100 个；此提示给出其余数量，避免巨大的生成文件淹没问题面板或拖慢编辑器。请先修复已列出的问题。' },
  },
  'file-not-scanned': {
    rules: ['R-LIM-1'], severity: I,
    en: { title: 'File not scanned', help: 'The file is larger than the limit the checker reads (1 MB), or could not be read; its publish calls and references are not checked.' },
    zh: { title: '文件未扫描', help: '该文件超过检查器读取的上限（1 MB），或无法读取；其中的发布调用和引用未被检查。' },
  },
} as const satisfies Record<string, CodeInfo>;
