/**
 * `scanPython`: what the engine needs from a Python file — top-level functions, top-level classes
 * with their direct methods, imports and publish calls — from one pass over the token stream.
 * Never throws.
 */
import type { PyClassDef, PyFunctionDef, PyImport, PyParam, PythonScan, PublishCall } from './types.js';
import { Op, Token, TokenKind, isOp, tokenTextIs, tokenizePython } from './tokenizer.js';
import { splitTopLevel } from './literal.js';
import { parsePublishCall, publishCalleeStart } from './publish.js';
import { FlowState } from './flowScan.js';
import { scanElementRefs } from './elementRefs.js';
import { fieldCall } from './fieldArgs.js';

/** An open block (a `def` or `class` header) on the indentation stack. */
interface Block {
  indent: number;
  kind: 'def' | 'class';
  name: string;
  /** Set for a top-level class: where its methods go. */
  cls?: PyClassDef;
  /** Set for a recorded function (top-level or method): payload reads and calls of its body. */
  flow?: FlowState;
}

function emptyScan(): PythonScan {
  return { functions: [], classes: [], publishCalls: [], imports: [] };
}

/** Scans Python source text. Never throws; returns an empty scan if something unexpected happens. */
export function scanPython(text: string): PythonScan {
  try {
    return scan(text);
  } catch {
    return emptyScan();
  }
}

function scan(text: string): PythonScan {
  const result = emptyScan();
  const { tokens, lines } = tokenizePython(text);
  const stack: Block[] = [];
  let decorators: string[] = [];
  let decoratorIndent = -1;

  for (const line of lines) {
    while (stack.length > 0 && stack[stack.length - 1].indent >= line.indent) stack.pop()?.flow?.finish();
    if (decoratorIndent !== line.indent) decorators = [];
    // A line may hold several simple statements (`import a; import b`); compound headers come first.
    let s = line.first;
    const end = line.newline;
    const first = tokens[s];

    if (isOp(first, Op.At)) {
      decorators.push(text.slice(tokens[Math.min(s + 1, end - 1)].start, tokens[end - 1].end));
      decoratorIndent = line.indent;
      scanStatements(text, tokens, s, end, stack, result, false);
      continue;
    }

    let defAt = -1;
    if (first.kind === TokenKind.Name) {
      if (tokenTextIs(text, first, 'def')) defAt = s;
      else if (tokenTextIs(text, first, 'async') && tokens[s + 1]?.kind === TokenKind.Name && tokenTextIs(text, tokens[s + 1], 'def')) defAt = s + 1;
    }
    if (defAt >= 0) {
      const fn = functionDef(text, tokens, s, defAt, end, decorators);
      if (fn) {
        const top = stack[stack.length - 1];
        const recorded = stack.length === 0 || (top.kind === 'class' && !!top.cls);
        if (stack.length === 0) result.functions.push(fn);
        else if (top.kind === 'class' && top.cls) top.cls.methods.push(fn);
        stack.push({ indent: line.indent, kind: 'def', name: fn.name, flow: recorded ? new FlowState(fn, stack.length > 0) : undefined });
      }
    } else if (first.kind === TokenKind.Name && tokenTextIs(text, first, 'class')) {
      const cls = classDef(text, tokens, s, end);
      if (cls) {
        if (stack.length === 0) result.classes.push(cls);
        stack.push({ indent: line.indent, kind: 'class', name: cls.name, cls: stack.length === 0 ? cls : undefined });
      }
    }
    else if (stack.length === 0) moduleAssignment(text, tokens, s, end, result);
    else {
      classAttribute(text, tokens, s, end, stack);
      flowLine(text, tokens, s, end, stack);
    }
    decorators = [];
    scanStatements(text, tokens, s, end, stack, result, defAt < 0 && !tokenTextIs(text, first, 'class'));
  }
  while (stack.length) stack.pop()?.flow?.finish();
  saveCalls(text, tokens, result);
  const refs = scanElementRefs(text, tokens);
  if (refs.length) result.elementRefs = refs;
  return result;
}

/** `NAME = …` (or `A = B = …`) at module level: names the module defines besides def/class/import. */
function moduleAssignment(text: string, tokens: Token[], s: number, end: number, result: PythonScan): void {
  for (let k = s; k + 1 < end && tokens[k].kind === TokenKind.Name && isOp(tokens[k + 1], Op.Assign); k += 2) {
    (result.boundNames ??= []).push(text.slice(tokens[k].start, tokens[k].end));
  }
}

/** `.save(` member calls anywhere in the file. */
function saveCalls(text: string, tokens: Token[], result: PythonScan): void {
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === TokenKind.Name && isOp(tokens[k - 1], Op.Dot) && isOp(tokens[k + 1], Op.LParen) && tokenTextIs(text, t, 'save')) {
      (result.saveCalls ??= []).push({ start: t.start, end: t.end });
    }
  }
}

/** A body line of a recorded function goes to that function's flow (payload reads, calls). */
function flowLine(text: string, tokens: Token[], s: number, end: number, stack: Block[]): void {
  for (const b of stack) if (b.flow) { b.flow.line(text, tokens, s, end); return; }
}

/** `name = …` directly in a top-level class body (model fields are `name = datatypes.X(...)`). */
function classAttribute(text: string, tokens: Token[], s: number, end: number, stack: Block[]): void {
  const top = stack[stack.length - 1];
  if (!top || top.kind !== 'class' || !top.cls) return;
  const nameTok = tokens[s];
  if (nameTok.kind !== TokenKind.Name || s + 1 >= end) return;
  let k = s + 1;
  // Optional annotation: `name: Type = value`.
  if (isOp(tokens[k], Op.Colon)) { while (k < end && !isOp(tokens[k], Op.Assign)) k++; }
  if (!isOp(tokens[k], Op.Assign)) return;
  let isCall = false;
  let dataType: string | undefined;
  for (let j = k + 1; j < end; j++) {
    if (!isOp(tokens[j], Op.LParen)) continue;
    isCall = true;
    // The called name's last segment: `datatypes.Date(...)` -> `Date` (a model field's data type).
    if (j > k + 1 && tokens[j - 1].kind === TokenKind.Name) dataType = text.slice(tokens[j - 1].start, tokens[j - 1].end);
    break;
  }
  const call = isCall ? fieldCall(text, tokens, k + 1, end) : undefined;
  (top.cls.attributes ??= []).push({ name: text.slice(nameTok.start, nameTok.end), nameRange: { start: nameTok.start, end: nameTok.end }, isCall, dataType, ...(call ? { call } : {}) });
}

/**
 * One pass over a logical line: publish calls anywhere, and (unless the line is a def/class
 * header) imports at the start of each `;`-separated statement.
 */
function scanStatements(text: string, tokens: Token[], s: number, end: number, stack: Block[], result: PythonScan, imports: boolean): void {
  let enclosing: string | undefined | null = null;
  for (let k = s; k < end; k++) {
    const t = tokens[k];
    if (imports && t.kind === TokenKind.Name && (k === s || isOp(tokens[k - 1], Op.Semicolon))) {
      const imp = importStatement(text, tokens, k, end);
      if (imp) result.imports.push(...imp);
      continue;
    }
    if (t.kind !== TokenKind.Op || t.code !== Op.LParen) continue;
    const calleeStart = publishCalleeStart(text, tokens, k);
    if (calleeStart < 0) continue;
    const { call } = parsePublishCall(text, tokens, calleeStart, k, end);
    if (enclosing === null) enclosing = enclosingName(stack);
    if (enclosing !== undefined) call.enclosingFunction = enclosing;
    result.publishCalls.push(call);
  }
}

function enclosingName(stack: Block[]): string | undefined {
  let name = '';
  for (const b of stack) {
    name += (name ? '.' : '') + b.name;
    if (b.kind === 'def') return name;
  }
  return undefined;
}

function sliceTokens(text: string, tokens: Token[], s: number, e: number): string {
  return s < e ? text.slice(tokens[s].start, tokens[e - 1].end) : '';
}

function functionDef(text: string, tokens: Token[], s: number, defAt: number, end: number, decorators: string[]): PyFunctionDef | undefined {
  const nameTok = tokens[defAt + 1];
  if (defAt + 1 >= end || nameTok.kind !== TokenKind.Name) return undefined;
  const fn: PyFunctionDef = {
    name: text.slice(nameTok.start, nameTok.end),
    nameRange: { start: nameTok.start, end: nameTok.end },
    defRange: { start: tokens[s].start, end: tokens[end - 1].end },
    params: [],
    isAsync: defAt > s,
    decorators,
  };
  const paren = defAt + 2;
  if (paren >= end || !isOp(tokens[paren], Op.LParen)) return fn;
  const close = tokens[paren].aux > paren && tokens[paren].aux < end ? tokens[paren].aux : end;
  fn.params = params(text, tokens, paren + 1, close, tokens[paren].depth + 1);
  fn.paramsEnd = close < end ? tokens[close].end : tokens[end - 1].end;
  for (let k = close + 1; k < end; k++) {
    if (tokens[k].depth === 0 && isOp(tokens[k], Op.Colon)) {
      fn.defRange.end = tokens[k].end;
      break;
    }
  }
  return fn;
}

function params(text: string, tokens: Token[], from: number, to: number, depth: number): PyParam[] {
  const out: PyParam[] = [];
  let keywordOnly = false;
  for (const [s, e] of splitTopLevel(text, tokens, from, to, depth)) {
    const t = tokens[s];
    let kind: PyParam['kind'] = keywordOnly ? 'keyword-only' : 'positional';
    let nameAt = s;
    if (isOp(t, Op.Star)) {
      keywordOnly = true;
      if (s + 1 >= e || tokens[s + 1].kind !== TokenKind.Name) continue; // bare `*`
      kind = 'varargs';
      nameAt = s + 1;
    } else if (isOp(t, Op.DoubleStar)) {
      kind = 'varkw';
      nameAt = s + 1;
    }
    const nameTok = tokens[nameAt];
    if (nameAt >= e || nameTok.kind !== TokenKind.Name) continue; // `/` or garbage
    let hasDefault = false;
    for (let k = nameAt + 1; k < e; k++) if (tokens[k].depth === depth && isOp(tokens[k], Op.Assign)) hasDefault = true;
    out.push({ name: text.slice(nameTok.start, nameTok.end), kind, hasDefault, range: { start: nameTok.start, end: nameTok.end }, nameStart: nameTok.start });
  }
  return out;
}

function classDef(text: string, tokens: Token[], s: number, end: number): PyClassDef | undefined {
  const nameTok = tokens[s + 1];
  if (s + 1 >= end || nameTok.kind !== TokenKind.Name) return undefined;
  const cls: PyClassDef = {
    name: text.slice(nameTok.start, nameTok.end),
    nameRange: { start: nameTok.start, end: nameTok.end },
    bases: [],
    methods: [],
  };
  const paren = s + 2;
  if (paren < end && isOp(tokens[paren], Op.LParen)) {
    const close = tokens[paren].aux > paren && tokens[paren].aux < end ? tokens[paren].aux : end;
    for (const [bs, be] of splitTopLevel(text, tokens, paren + 1, close, tokens[paren].depth + 1)) {
      const isKeyword = tokens[bs].kind === TokenKind.Name && isOp(tokens[bs + 1], Op.Assign) && bs + 1 < be;
      if (!isKeyword && !isOp(tokens[bs], Op.Star) && !isOp(tokens[bs], Op.DoubleStar)) cls.bases.push(sliceTokens(text, tokens, bs, be));
    }
  }
  return cls;
}

/** Reads `NAME(.NAME)*` from tokens[k]; returns the dotted text and the index after it. */
function dottedName(text: string, tokens: Token[], k: number, end: number): [string, number] {
  if (k >= end || tokens[k].kind !== TokenKind.Name) return ['', k];
  let name = text.slice(tokens[k].start, tokens[k].end);
  k++;
  while (k + 1 < end && isOp(tokens[k], Op.Dot) && tokens[k + 1].kind === TokenKind.Name) {
    name += '.' + text.slice(tokens[k + 1].start, tokens[k + 1].end);
    k += 2;
  }
  return [name, k];
}

function statementEnd(tokens: Token[], s: number, end: number): number {
  for (let k = s; k < end; k++) if (tokens[k].depth === 0 && isOp(tokens[k], Op.Semicolon)) return k;
  return end;
}

/** Parses `import a.b [as c], d` or `from .x import a [as b], (c, d)` starting at tokens[s]. */
function importStatement(text: string, tokens: Token[], s: number, lineEnd: number): PyImport[] | undefined {
  const t = tokens[s];
  if (t.kind !== TokenKind.Name) return undefined;
  const isImport = tokenTextIs(text, t, 'import');
  if (!isImport && !tokenTextIs(text, t, 'from')) return undefined;
  const end = statementEnd(tokens, s, lineEnd);
  if (isImport) {
    const out: PyImport[] = [];
    for (const [ps, pe] of splitTopLevel(text, tokens, s + 1, end, 0)) {
      const [module, after] = dottedName(text, tokens, ps, pe);
      if (module) out.push({ module, names: [], range: { start: tokens[ps].start, end: tokens[pe - 1].end }, moduleRange: { start: tokens[ps].start, end: tokens[after - 1].end } });
    }
    return out;
  }
  let k = s + 1;
  let module = '';
  const moduleStart = k < end ? tokens[k].start : t.end;
  for (; k < end; k++) {
    if (isOp(tokens[k], Op.Dot)) module += '.';
    else if (isOp(tokens[k], Op.Ellipsis)) module += '...';
    else break;
  }
  if (k < end && tokens[k].kind === TokenKind.Name && !tokenTextIs(text, tokens[k], 'import')) {
    const [dotted, next] = dottedName(text, tokens, k, end);
    module += dotted;
    k = next;
  }
  const moduleRange = { start: moduleStart, end: k > s + 1 ? tokens[k - 1].end : moduleStart };
  if (!module || k >= end || !tokenTextIs(text, tokens[k], 'import')) {
    return module ? [{ module, names: [], range: { start: t.start, end: tokens[end - 1].end }, moduleRange }] : undefined;
  }
  k++;
  let from = k;
  let to = end;
  if (k < end && isOp(tokens[k], Op.LParen)) {
    from = k + 1;
    to = tokens[k].aux > k && tokens[k].aux < end ? tokens[k].aux : end;
  }
  const depth = from < to ? tokens[from].depth : 0;
  const names: PyImport['names'] = [];
  for (const [ns, ne] of splitTopLevel(text, tokens, from, to, depth)) {
    const nt = tokens[ns];
    if (isOp(nt, Op.Star)) {
      names.push({ name: '*', range: { start: nt.start, end: nt.end } });
      continue;
    }
    if (nt.kind !== TokenKind.Name) continue;
    const entry: PyImport['names'][number] = { name: text.slice(nt.start, nt.end), range: { start: nt.start, end: nt.end } };
    if (ns + 2 < ne && tokenTextIs(text, tokens[ns + 1], 'as') && tokens[ns + 2].kind === TokenKind.Name) {
      entry.alias = text.slice(tokens[ns + 2].start, tokens[ns + 2].end);
    }
    names.push(entry);
  }
  return [{ module, names, range: { start: t.start, end: tokens[end - 1].end }, moduleRange }];
}

