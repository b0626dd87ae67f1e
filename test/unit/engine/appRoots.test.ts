/** What a JitAi app is (engine/workspace/appRoots.ts): JitAi app.json manifests, app.json with elements below, implicit apps; never an Expo app.json. */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { isAppRoot, isJitaiManifest } from '../../../server/src/engine/workspace/appRoots';
import { BASE_APP, indexOf } from '../../helpers/engineWorkspace';

const EXPO = { expo: { name: 'mobile', slug: 'mobile', version: '1.0.0', platforms: ['ios', 'android'] } };

test('isJitaiManifest: appId, orgId, name, extends or settings make a JitAi app.json; expo or unknown keys do not', () => {
  for (const key of ['appId', 'orgId', 'name', 'extends', 'settings']) assert.equal(isJitaiManifest([key]), true, key);
  assert.equal(isJitaiManifest(['expo']), false);
  assert.equal(isJitaiManifest(['version', 'description']), false);
  assert.equal(isJitaiManifest([]), false);
  assert.equal(isAppRoot(undefined), false);
  assert.equal(isAppRoot({ manifest: false, hasElements: false }), false);
  assert.equal(isAppRoot({ manifest: false, hasElements: true }), true);
  assert.equal(isAppRoot({ manifest: true, hasElements: false }), true);
});

test('an Expo app.json with no e.json below is not an app', async () => {
  const { index, cleanup } = await indexOf({ 'mobile/app.json': EXPO, 'mobile/App.tsx': 'export default 1;\n' });
  try {
    assert.equal(index.stats().apps, 0);
  } finally { cleanup(); }
});

test('an Expo app.json next to a JitAi app adds no second app', async () => {
  const files: Record<string, string | object> = { 'mobile/app.json': EXPO };
  for (const [k, v] of Object.entries(BASE_APP)) files[`crm/${k}`] = v;
  const { index, cleanup } = await indexOf(files);
  try {
    assert.equal(index.stats().apps, 1);
  } finally { cleanup(); }
});

test('an app.json without JitAi keys but with element e.json below is the app root', async () => {
  const files: Record<string, string | object> = {};
  for (const [k, v] of Object.entries(BASE_APP)) files[`myapp/${k}`] = k === 'app.json' ? { version: '1.0.0' } : v;
  const { index, dir, cleanup } = await indexOf(files);
  try {
    assert.equal(index.stats().apps, 1);
    assert.equal(index.elementAt(path.join(dir, 'myapp/services/OrderService/e.json'))?.fullName, 'services.OrderService');
  } finally { cleanup(); }
});

test('a JitAi app.json with no element yet is an app; elements without app.json still make an implicit app', async () => {
  const empty = await indexOf({ 'app.json': { appId: 'acme.Empty', name: 'Empty' } });
  try { assert.equal(empty.index.stats().apps, 1); } finally { empty.cleanup(); }
  const loose: Record<string, string | object> = {};
  for (const [k, v] of Object.entries(BASE_APP)) if (k !== 'app.json') loose[k] = v;
  const implicit = await indexOf(loose);
  try { assert.equal(implicit.index.stats().apps, 1); } finally { implicit.cleanup(); }
});
