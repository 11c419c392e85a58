/** Core keeps the list of document kinds (for the file standard); it must be this module's. */
import { documentKindIds, documentKindTitles } from '@zhifa/core';
import { describe, expect, it } from 'vitest';
import { documentKindNames, documentKinds } from './kinds.js';

describe('ARCHIVE: core’s document kinds are the server’s', () => {
  it('same ids, same order, same titles', () => {
    expect([...documentKindNames]).toEqual([...documentKindIds]);
    for (const kind of documentKindNames) expect(documentKinds[kind].title).toBe(documentKindTitles[kind]);
  });
});
