import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { sha1Hex } from '../src/core/sha1.js';

describe('sha1Hex', () => {
  it('gives the digest node:crypto gives, at every padding boundary and for any text', () => {
    const texts = ['', 'abc', '/home/lezer/nieuws', 'é€😀'.repeat(40), ...[55, 56, 63, 64, 65, 119, 120].map((n) => 'x'.repeat(n))];
    for (const t of texts) assert.equal(sha1Hex(t), crypto.createHash('sha1').update(t).digest('hex'), `length ${t.length}`);
  });
});
