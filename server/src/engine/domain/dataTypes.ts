/** JitAi data type names (dataType, returnType, generic), container types, and reserved model field names. */

/** Data type names a functionList `dataType` / `returnType` may use (plus `None` for no value). */
export const DATA_TYPES: readonly string[] = [
  'Stext', 'Ltext', 'Numeric', 'Money', 'Percent', 'RichText', 'AutoInt', 'Serial', 'Radio', 'MultiRadio', 'Dropdown',
  'MultiDropdown', 'Checkbox', 'Date', 'Datetime', 'DateTime', 'Time', 'File', 'Image', 'Signature', 'Dept', 'MultiDept',
  'Member', 'MultiMember', 'Address', 'Identify', 'LicensePlate', 'Phone', 'Position', 'Link', 'SubTable', 'JitDict',
  'JitList', 'JitMap', 'RowData', 'RowList', 'RelateData', 'MultiRelateData', 'QFilter', 'JitBool', 'None',
];

const DATA_TYPE_SET = new Set(DATA_TYPES);
export function isKnownDataType(name: string): boolean { return DATA_TYPE_SET.has(name); }

/** Container types that usually say what they hold with `generic` (e.g. a model fullName). */
export const CONTAINER_TYPES: readonly string[] = ['RowData', 'RowList', 'JitList', 'JitMap'];

const JS_KEYWORDS = ['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'export', 'extends', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'return', 'super', 'switch',
  'this', 'throw', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'enum', 'await', 'implements',
  'package', 'protected', 'interface', 'private', 'public', 'null', 'true', 'false'];
const PY_KEYWORDS = ['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def',
  'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'];
/** Names the model runtime uses itself. */
const MODEL_RESERVED = ['app', 'model', 'service', 'default', 'commonJson', 'dbConfig', 'dataType', 'dataTitle', 'dbFieldType',
  'dataTypeDict', 'relateTypeDict', 'subTypeDict', 'create', 'save', 'update', 'delete', 'date', 'count', 'calculable',
  'comparable', 'average', 'sum', 'min', 'max', 'url', 'value', 'cache', 'relateRowData', 'cascade'];

/** Field names a model must not use: JS and Python keywords and the model runtime's own names. */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([...JS_KEYWORDS, ...PY_KEYWORDS, ...MODEL_RESERVED]);
