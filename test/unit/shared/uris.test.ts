/**
 * pathToUri's direct form for plain absolute paths gives exactly what node's pathToFileURL gives,
 * and every other path (spaces, CJK, %, #, ?, odd segments) still goes through pathToFileURL.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { pathToUri } from '../../../shared/src/protocol/uris';

const SAMPLES = [
  '/work/app/services/OrderService/e.json', '/a', '/', '/a/b/', '/a//b', '/a/./b', '/a/../b', '/a/.', '/a/..', '/a/.hidden/x.py',
  '/a/b c/e.json', '/a/订单/e.json', '/a/100%/x', '/a/#x', '/a/?x', '/a/{x}', '/a/`x`', '/a/"x"', '/a/<x>', '/a/x\\y', '/a/\tx',
  "/a/it's(1)!$&*;=+,@~:x", '/a/x^y', '/a/x|y', '/a/[x]', 'relative/path.py', '/a/é.py', '/a/b\n/c',
];

test('pathToUri equals pathToFileURL(path).href on plain and unusual paths', () => {
  for (const p of SAMPLES) assert.equal(pathToUri(p), pathToFileURL(p).href, p);
});

test('pathToUri equals pathToFileURL(path).href on 5,000 random paths', () => {
  const chars = 'ab/._-~+@,=:()!$&\'*;% #?订é\\\t{}^|[]`"<>';
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 5000; i++) {
    let p = '/';
    const n = 1 + Math.floor(next() * 20);
    for (let j = 0; j < n; j++) p += chars[Math.floor(next() * chars.length)];
    assert.equal(pathToUri(p), pathToFileURL(p).href, JSON.stringify(p));
  }
});
