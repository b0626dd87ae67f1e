/** Python scanning: the public surface of this folder. */
export { scanPython } from './scanner.js';
export { publishSenderContextAt } from './senderContext.js';
export { tokenizePython, TokenKind, StringFlag, Token } from './tokenizer.js';
export type { LogicalLine, TokenizedPython } from './tokenizer.js';
export { decodeStringToken } from './literal.js';
export type * from './types.js';
