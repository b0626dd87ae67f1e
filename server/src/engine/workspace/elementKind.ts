/** What an element is (service, model, event, …) from its Type chain, and its fullName from its folder. */
import type { ElementKind } from '../model/records';

const PREFIX_KINDS: [string, ElementKind][] = [
  ['services.', 'service'],
  ['models.', 'model'],
  ['events.', 'event'],
  ['tasks.', 'task'],
  ['workflows.', 'workflow'],
  ['aiassistants.', 'assistant'],
  ['aiagents.', 'agent'],
];

/**
 * What an element is, from its `type`. Meta and Type elements (type empty or `<ns>.Meta`, or a
 * folder named `…Type` whose type is a Meta) are 'type': they are not validated as instances.
 * `resolveType` looks a custom Type element up in the workspace to follow `type` chains.
 */
export function kindOfType(
  type: string | undefined,
  resolveType: (fullName: string) => string | undefined,
  hasEventDescs: boolean,
): ElementKind {
  let t = type;
  for (let depth = 0; depth < 8 && t; depth++) {
    if (/\.Meta$/.test(t)) return 'type';
    for (const [prefix, kind] of PREFIX_KINDS) if (t.startsWith(prefix)) return kind;
    t = resolveType(t);
  }
  if (!type) return 'type';
  return hasEventDescs ? 'service' : 'other';
}

/** fullName of an element folder: its path relative to the app root with separators turned into dots. */
export function fullNameOf(appRoot: string, elementDir: string): string {
  const rel = elementDir.length > appRoot.length ? elementDir.slice(appRoot.length + 1) : '';
  return rel.split(/[\\/]+/).filter(Boolean).join('.');
}
