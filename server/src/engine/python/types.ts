/**
 * What the engine needs to know about a Python file. Produced by `scanPython` (scanner.ts) from a
 * real tokenizer (tokenizer.ts): comments, every string form (single/double/triple quoted,
 * r/b/u/f prefixes), nested brackets and line continuations are handled; never throws.
 *
 * Offsets are UTF-16 indexes into the source string (JavaScript string indexes).
 */

export interface OffsetRange { start: number; end: number }

export interface PyStringLiteral {
  /** Decoded value of a constant string (implicit concatenation joined); undefined for f-strings with fields. */
  value: string | undefined;
  /** Whole literal including prefix and quotes (for concatenations: first to last piece). */
  range: OffsetRange;
  /** Inside the quotes of a single-piece literal (where completion replaces text). */
  contentRange: OffsetRange;
  /** True when the string has no closing quote yet (user is typing). */
  unterminated: boolean;
}

/** A literal Python value turned into JSON-like data (tuple -> array, None -> null). */
export interface PyLiteralArg {
  /** Source text of the expression. */
  text: string;
  range: OffsetRange;
  /** `tuple`, `list`, `dict`, `str`, `number`, `bool`, `none`, or `expr` when not a literal. */
  kind: 'tuple' | 'list' | 'dict' | 'str' | 'number' | 'bool' | 'none' | 'expr';
  /** The evaluated value when the whole expression is a literal; undefined otherwise. */
  value?: unknown;
  /** For tuples/lists/dicts that are only partly literal: the value with non-literal parts as null. */
  template?: unknown;
}

export interface PublishCall {
  /** Dotted callee text, e.g. `app.event.publish` or `JitEvent.publish`. */
  callee: string;
  /** The whole call from the callee's first character to the closing parenthesis (or end of text if unclosed). */
  range: OffsetRange;
  /** The sender when it is a string literal (keyword `sender=` or first positional). */
  sender?: PyStringLiteral;
  /** The sender expression's range when it is not a literal (a variable, an f-string with fields…). */
  senderExpr?: OffsetRange;
  args?: PyLiteralArg;
  kwargs?: PyLiteralArg;
  /** `Class.method` or `function` enclosing the call, if any. */
  enclosingFunction?: string;
  /** The shapes of `args` and `kwargs` as far as they are written out (payloadShape.ts). */
  payload?: { args?: PayloadShape; kwargs?: PayloadShape };
}

/**
 * The shape of a value passed to a publish call: literal types, dict keys, tuple positions.
 * `any` is a value the scanner cannot see into (a variable, a call). `open` marks a dict or tuple
 * with parts that cannot be named (`**extra`, `*rest`, a computed key).
 */
export type PayloadShape =
  | { t: 'str' | 'int' | 'float' | 'bool' | 'none' | 'any' }
  | { t: 'dict'; keys: Record<string, PayloadShape>; open?: boolean }
  | { t: 'tuple' | 'list'; items: PayloadShape[]; open?: boolean };

/**
 * A read of a payload key inside a function: `<root>[...path]["key"]` or `.get("key")`, where root
 * is a parameter of the function (local names assigned from a parameter are followed back to it).
 */
export interface PayloadRead {
  /** The parameter the read starts from. */
  root: string;
  /** Index and key steps between the parameter and the key read (`args[0]` -> [0]). */
  path: (number | string)[];
  key: string;
  /** Inside the quotes of the key string. */
  range: OffsetRange;
}

/** What a function body does that the payload and loop checks need. */
export interface FunctionFlow {
  reads: PayloadRead[];
  /** `self.name(...)` (self: true) and bare `name(...)` calls, once per name. */
  calls: { name: string; self: boolean }[];
}

export interface PyParam {
  name: string;
  kind: 'positional' | 'varargs' | 'keyword-only' | 'varkw';
  hasDefault: boolean;
  /** Range of the parameter name. */
  range?: OffsetRange;
  /** Offset of the parameter's name (its range is this plus the name's length; no object kept per parameter). */
  nameStart?: number;
}

export interface PyFunctionDef {
  name: string;
  /** Range of the function name token. */
  nameRange: OffsetRange;
  /** Range of the `def` line from `def`/`async` to the colon. */
  defRange: OffsetRange;
  params: PyParam[];
  /** End offset of the parameter list's closing parenthesis: the list runs from `nameRange.end` to here (see paramsRangeOf). */
  paramsEnd?: number;
  isAsync: boolean;
  decorators: string[];
  /** Payload reads and calls in the body (set when there are any). */
  flow?: FunctionFlow;
}

export interface PyClassDef {
  name: string;
  nameRange: OffsetRange;
  /** Base class expressions as source text, e.g. `NormalService`. */
  bases: string[];
  /** Methods defined directly in the class body. */
  methods: PyFunctionDef[];
  /** Simple assignments `name = …` directly in the class body (model fields are `x = datatypes.Y(...)`). */
  attributes?: { name: string; nameRange: OffsetRange; isCall: boolean; dataType?: string; call?: PyFieldCall }[];
}

/** The call on the right of a class attribute (`datatypes.Stext(name="x")`): callee and literal `name=`. */
export interface PyFieldCall {
  callee: string;
  nameArg?: { value: string; contentRange: OffsetRange };
}

/** A reference to an element by fullName in Python code. */
export type PyElementRef =
  | {
      /** `app.getElement("<fullName>")` with a string literal. */
      form: 'getElement'; fullName: string; range: OffsetRange; contentRange: OffsetRange; unterminated: boolean;
    }
  | {
      /** `app.<namespace>.<a>.<b>…`: the attribute names after `app` and their ranges. */
      form: 'chain'; segments: string[]; segmentRanges: OffsetRange[]; range: OffsetRange;
    };

export interface PyImport {
  /** `from X import a, b` -> module `X` (with leading dots for relative imports); `import X` -> `X`. */
  module: string;
  /** Imported names (`*` for star imports); empty for `import X`. */
  names: { name: string; alias?: string; range: OffsetRange }[];
  range: OffsetRange;
  /** The module path as written (dots included). */
  moduleRange?: OffsetRange;
}

export interface PythonScan {
  /** Top-level (module-level) functions. */
  functions: PyFunctionDef[];
  /** Top-level classes. */
  classes: PyClassDef[];
  publishCalls: PublishCall[];
  imports: PyImport[];
  /**
   * Names bound at module level besides def/class (`customFunc = make()`; the index adds the names an
   * element's implementation file imports), for re-export checks.
   */
  boundNames?: string[];
  /** Ranges of `.save(` member calls (a model row written back). */
  saveCalls?: OffsetRange[];
  /** `app.getElement("…")` literals and `app.<namespace>.<Name>` chains. */
  elementRefs?: PyElementRef[];
}

/** Context for completion inside Python: the cursor sits in the sender string of a publish call. */
export interface PublishSenderContext {
  /** Text typed so far inside the quotes, up to the cursor. */
  prefix: string;
  /** The full text content currently inside the quotes. */
  value: string;
  contentRange: OffsetRange;
  quote: string;
}

/** The parameter list of a def, parentheses included (where signature problems are reported). */
export function paramsRangeOf(fn: PyFunctionDef): OffsetRange {
  return fn.paramsEnd === undefined ? fn.nameRange : { start: fn.nameRange.end, end: fn.paramsEnd };
}
