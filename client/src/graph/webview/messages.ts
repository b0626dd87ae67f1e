/** The messages between the flow-graph panel (extension host) and its webview, both directions. */
import type { FlowGraph, Location } from '../../../../shared/src/protocol/types';

/** Every text the webview shows, localized by the extension host (the webview has no l10n of its own). */
export interface FlowViewStrings {
  filterPlaceholder: string;
  /** `{0}` = number of loops. */
  loops: string;
  noLoops: string;
  empty: string;
  noMatch: string;
  /** `{0}` = boxes that would be drawn, `{1}` = the most the view draws. */
  tooMany: string;
  openDefinition: string;
  legend: Record<'service' | 'event' | 'handler' | 'source' | 'publisher' | 'loop' | 'unresolved', string>;
  edges: Record<'declares' | 'subscribes' | 'listens' | 'publishes', string>;
}

/** host -> webview: the graphs to draw (a new message replaces the old drawing, the filter text stays). */
export interface ShowGraphMessage {
  type: 'graph';
  /** What is shown, e.g. "services.X.evt (2 hops)" or "whole workspace". */
  scope: string;
  graphs: FlowGraph[];
  strings: FlowViewStrings;
  /** Replaces the filter text when set (tests, the extension API). */
  filter?: string;
}

export type ToWebview = ShowGraphMessage;

/** webview -> host: the script is running (send the graph); open a place; what is drawn (for tests). */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; location: Location }
  | { type: 'rendered'; nodes: number; edges: number; loops: number; filter: string };
