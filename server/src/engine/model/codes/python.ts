/** Diagnostic Python code codes: publish calls, element references, model fields (R-PY). */
import type { CodeInfo } from './types';
import { Severity } from '../diagnostics';

const E = Severity.Error, W = Severity.Warning;

export const PYTHON_CODES = {
  'publish-args-not-tuple': {
    rules: ['R-PY-2'], severity: W,
    en: { title: 'publish args is not a tuple', help: 'app.event.publish passes args as positional arguments, so it should be a tuple; ("x") is just a string in parentheses, write ("x",).' },
    zh: { title: 'publish 的 args 不是元组', help: 'app.event.publish 将 args 作为位置参数传递，因此它应当是元组；("x") 只是带括号的字符串，应写成 ("x",)。' },
  },
  'publish-kwargs-not-dict': {
    rules: ['R-PY-2'], severity: W,
    en: { title: 'publish kwargs is not a dict', help: 'app.event.publish passes kwargs as keyword arguments, so it should be a dict, e.g. kwargs={"orderId": 1}.' },
    zh: { title: 'publish 的 kwargs 不是字典', help: 'app.event.publish 将 kwargs 作为关键字参数传递，因此它应当是字典，例如 kwargs={"orderId": 1}。' },
  },
  'element-ref-not-found': {
    rules: ['R-PY-4'], severity: W,
    en: { title: 'Element referenced in code not found', help: 'app.getElement("<fullName>") and app.<namespace>.<Name> name an element of this app (or of a parent app, hence a warning); the message offers the closest fullName.' },
    zh: { title: '代码中引用的元素不存在', help: 'app.getElement("<fullName>") 与 app.<命名空间>.<名称> 应指向本应用（或父应用，因此只给出警告）中的元素；消息中给出最接近的 fullName。' },
  },
  'model-field-name-mismatch': {
    rules: ['R-PY-6'], severity: E,
    en: { title: 'Field name differs from attribute', help: 'A model field\'s name= argument must equal the class attribute it is assigned to: status = datatypes.Dropdown(name="status").' },
    zh: { title: '字段 name 与属性名不一致', help: '模型字段的 name= 参数必须与其赋值的类属性同名：status = datatypes.Dropdown(name="status")。' },
  },
  'reserved-field-name': {
    rules: ['R-PY-6'], severity: E,
    en: { title: 'Reserved field name', help: 'Model fields must not be named after JavaScript or Python keywords or the model runtime\'s own names (app, model, save, update, delete, date, count, value, url, …).' },
    zh: { title: '字段名为保留字', help: '模型字段不能使用 JavaScript 或 Python 关键字，或模型运行时自身的名称（app、model、save、update、delete、date、count、value、url 等）。' },
  },
} as const satisfies Record<string, CodeInfo>;
