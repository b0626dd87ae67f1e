/**
 * Python scanning: the public surface of this folder.
 *
 * - `scanPython(text)` -> `PythonScan` (types.ts): top-level functions, top-level classes with
 *   their direct methods and attributes, imports, and `…event.publish(...)` / `JitEvent.publish(...)`
 *   calls with the sender literal's exact ranges and literal `args` / `kwargs`.
 * - `publishSenderContextAt(text, offset)` -> the sender string under the cursor, for completion.
 * - `tokenizePython(text)` -> the token stream and logical lines (for other Python-aware features).
 *
 * All of them never throw, whatever the input.
 */
export { scanPython } from './scanner.js';
export { publishSenderContextAt } from './senderContext.js';
export { tokenizePython, TokenKind, StringFlag, Token } from './tokenizer.js';
export type { LogicalLine, TokenizedPython } from './tokenizer.js';
export { decodeStringToken } from './literal.js';
export type * from './types.js';
