/** The localized texts of the flow-graph view (the webview gets them ready-made) and the panel's scope line. Pure. */
import type { Localize } from '../../../shared/src/l10n';
import type { FlowViewStrings } from './webview/messages';

export function flowViewStrings(t: Localize): FlowViewStrings {
  return {
    filterPlaceholder: t('Filter events, handlers, services…'),
    loops: t('{0} loop(s) highlighted'),
    noLoops: t('No loops'),
    empty: t('No events to show: no service declares an event and no element listens to one.'),
    noMatch: t('Nothing matches the filter.'),
    tooMany: t('{0} boxes are more than the {1} this view draws legibly: type in the filter, or open the flow from one event (its context menu in the JitAi view).'),
    openDefinition: t('Open the handler function'),
    legend: {
      service: t('Service'), event: t('Event'), handler: t('Handler'), source: t('Model / workflow / AI'),
      publisher: t('Publishing function'), loop: t('Loop'), unresolved: t('Not declared by any service'),
    },
    edges: { declares: t('declares'), subscribes: t('subscribes'), listens: t('listens'), publishes: t('publishes') },
  };
}

/** What the panel shows: the whole workspace, or an event and the hops around it. */
export function flowScopeLabel(t: Localize, sender: string | undefined, depth: number): string {
  return sender ? t('{0} and {1} hop(s) around it', sender, depth) : t('All apps of the workspace');
}
