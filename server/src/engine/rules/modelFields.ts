import type { ElementRecord } from '../model/records';
import type { ValidationContext } from '../workspace/validationContext';
import { implementationClass } from './pythonFacts';

/**
 * Field names of a model: class attributes of its model.py class assigned from a call
 * (`name = datatypes.Stext(name="name", …)`). Undefined when the model's source is not here.
 */
export function modelFields(ctx: Pick<ValidationContext, 'python'>, model: ElementRecord): string[] | undefined {
  const impl = implementationClass(ctx, model);
  if (!impl) return undefined;
  const attrs = impl.cls.attributes;
  if (!attrs) return undefined;
  return attrs.filter((a) => a.isCall).map((a) => a.name);
}
