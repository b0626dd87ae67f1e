// Figure 6 (issue's target 2): event-graph queries right after an edit, through the real server.
// Each edit changes flow facts (the publisher's payload, or a subscriber's sender), so before the
// incremental event graph every one of these requests rebuilt the graph of the whole workspace.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { now, positionAt, uriOf } from './lsp-client.mjs';
import { latency } from './stats.mjs';

const SENDER_KEY = '"sender": "';

/**
 * hover (on a subscriber's sender, payload shape + publish sites), codeLens (the hot service's
 * eventDescs: subscriber/publisher counts), jitai/subscribersOf (listenersOf) and the jitai/eventTree
 * levels the sidebar asks after an index change (apps, the app, the hot service, the model listeners):
 * static (no edit: the baseline of the same run), then each right after a didChange that edits the
 * hot event's publish call (a new payload key) or moves a subscriber to another event.
 * "edit -> hover shows it" waits until the hover's payload lists the new key (from sending the edit).
 */
export async function graphFigure(s, app, { reps = 20 } = {}) {
  const { hot } = app.manifest;
  const subPath = join(app.dir, hot.subscribers[0], 'e.json');
  const pubPath = join(app.dir, hot.publisher);
  const svcPath = join(app.dir, hot.service, 'e.json');
  const subText = s.open(subPath);
  const pubText = s.open(pubPath);
  s.open(svcPath);
  await s.ping();
  const at = subText.indexOf(SENDER_KEY) + SENDER_KEY.length + 5;
  const sender = `services.${hot.service.split('/').pop()}.${hot.event}`;
  const hover = () => s.timed('textDocument/hover', { textDocument: { uri: uriOf(subPath) }, position: positionAt(subText, at) });
  const lens = () => s.timed('textDocument/codeLens', { textDocument: { uri: uriOf(svcPath) } });
  const subs = () => s.timed('jitai/subscribersOf', { appRootUri: uriOf(app.dir), sender });
  // The tree as the sidebar asks it: one level at a time, each with the tag of the rows it holds (ifChanged).
  const tags = new Map();
  const level = (name, parent) => async () => {
    const r = await s.timed('jitai/eventTree', { parent, ifChanged: tags.get(name) });
    if (r.result?.tag) tags.set(name, r.result.tag);
    return r;
  };
  const appRootUri = uriOf(app.dir);
  const needle = '"batch": 0}';
  if (!pubText.includes(needle)) throw new Error(`publisher payload ${needle} not found`);
  const out = { static: {}, afterPublisherEdit: {}, afterSubscriberEdit: {}, editToHover: undefined, notes: [] };
  const requests = {
    hover, lens, subscribersOf: subs,
    'tree apps': level('apps', {}), 'tree app level': level('app', { appRootUri }),
    'tree service level': level('service', { appRootUri, service: sender.slice(0, sender.lastIndexOf('.')) }),
    'tree model-listeners level': level('kind', { appRootUri, kind: 'model' }),
  };
  const repsOf = () => reps;

  for (const [name, req] of Object.entries(requests)) {
    const ms = [];
    for (let i = 0; i < repsOf(name); i++) ms.push((await req()).ms);
    out.static[name] = latency(ms);
  }
  // Publisher edits: a fresh payload key each time (flow facts change: payload, handlers' reads).
  let edit = 0;
  const editPublisher = () => { edit++; s.change(pubPath, pubText.replace(needle, `"batch": 0, "k${edit}": ${edit}}`)); return `k${edit}`; };
  for (const [name, req] of Object.entries(requests)) {
    const ms = [];
    for (let i = 0; i < repsOf(name); i++) { editPublisher(); ms.push((await req()).ms); }
    out.afterPublisherEdit[name] = latency(ms);
  }
  // Subscriber edits: the first hot subscriber listens to another event and back (listeners move).
  const moved = subText.replace(`${hot.event}"`, `${hot.event}Failed"`);
  for (const [name, req] of Object.entries(requests)) {
    const ms = [];
    for (let i = 0; i < repsOf(name); i++) { s.change(subPath, i % 2 ? subText : moved); ms.push((await req()).ms); }
    s.change(subPath, subText);
    out.afterSubscriberEdit[name] = latency(ms);
  }
  // Edit -> a hover that shows the edit (the new payload key), from sending the didChange.
  const shows = [];
  for (let i = 0; i < Math.min(reps, 10); i++) {
    const t0 = now();
    const key = editPublisher();
    for (let tries = 0; ; tries++) {
      const r = await hover();
      if (JSON.stringify(r.result ?? '').includes(`\`${key}\``)) { shows.push(now() - t0); break; }
      if (tries > 2000) { out.notes.push(`hover never showed ${key}`); break; }
    }
  }
  out.editToHover = latency(shows);
  s.change(pubPath, pubText);
  await s.ping();
  for (const p of [subPath, pubPath, svcPath]) s.close(p);
  await s.ping();
  return out;
}
