/**
 * Every route of the route table gets malformed JSON, wrong types, an oversized
 * body, unknown fields and odd Unicode. None may answer 5xx, and none may write.
 */

import { policy } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allRoutes } from '../routes.js';
import { demoUsers } from '../seed/demo.js';
import {
  createTestApp,
  databaseFingerprint,
  installWriteCounter,
  type Session,
  type TestApp,
} from '../test/harness.js';
import type { RouteDefinition } from './route.js';

let t: TestApp;
const sessions = new Map<string, Session>();
let fingerprint: string;
let writes: () => Promise<number>;
beforeAll(async () => {
  t = await createTestApp();
  for (const user of demoUsers) sessions.set(user.username, await t.login(user.username));
  writes = await installWriteCounter(t.database);
  fingerprint = await databaseFingerprint(t.database);
});
// Each request is checked by the write counter; the digest of every row, once, at the end.
afterAll(async () => {
  try {
    expect(await writes(), 'rows written').toBe(0);
    expect(await databaseFingerprint(t.database)).toBe(fingerprint);
  } finally {
    await t.close();
  }
});

/** A demo user allowed to call the route, so the input, not the role, is what gets refused. */
function callerOf(route: RouteDefinition): Session {
  const access = route.access;
  const allowed =
    access === 'public' || access === 'signedIn'
      ? demoUsers[0]
      : demoUsers.find((u) =>
          (typeof access === 'string' ? [access] : access).some((a) =>
            policy[a].some((r) => u.roles.includes(r)),
          ),
        );
  return sessions.get(allowed!.username)!;
}

// Well-formed path parameters (of records that do not exist), so the body is what gets judged.
const candidates = ['2026-12-31', '00000000-0000-4000-8000-000000000000', 'a'.repeat(64)];
function wellFormedParams(route: RouteDefinition): Record<string, string> {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params: Record<string, string> = {};
  for (const name of names) {
    params[name] =
      candidates.find(
        (c) =>
          route.params?.safeParse({ ...params, [name]: c }).error?.issues.every((i) => i.path[0] !== name) ??
          true,
      ) ?? 'x';
  }
  return params;
}
const urlOf = (route: RouteDefinition, value?: string) =>
  route.url.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(value ?? wellFormedParams(route)[name]!),
  );
const fieldsOf = (schema: z.ZodType | undefined): string[] =>
  schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
const withBody = allRoutes.filter((r) => r.method !== 'GET');

const oddStrings = {
  nul: 'a\u0000b',
  loneHighSurrogate: 'x\ud800',
  loneLowSurrogate: '\udfffx',
  escape: '\u001b[31m',
};

async function expectNoHarm(route: RouteDefinition, response: Awaited<ReturnType<TestApp['request']>>) {
  expect(response.statusCode, `${route.method} ${route.url}: ${response.body}`).toBeLessThan(500);
  expect(response.statusCode, `${route.method} ${route.url}`).toBeGreaterThanOrEqual(400);
  expect(await writes(), `${route.method} ${route.url} wrote`).toBe(0);
}

describe.each(withBody.map((r) => [`${r.method} ${r.url}`, r] as const))('bad bodies: %s', (_, route) => {
  it('malformed JSON answers 400 INVALID_JSON', async () => {
    const response = await t.request(callerOf(route), {
      method: route.method,
      url: urlOf(route),
      headers: { 'content-type': 'application/json' },
      payload: '{"broken": ',
    });
    await expectNoHarm(route, response);
    expect(response.json().code).toBe('INVALID_JSON');
  });

  it('an oversized body answers 413', async () => {
    const response = await t.request(callerOf(route), {
      method: route.method,
      url: urlOf(route),
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ content: 'x'.repeat(1_100_000) }),
    });
    await expectNoHarm(route, response);
    expect(response.statusCode).toBe(413);
  });

  it('an unknown field is named in the error', async () => {
    const response = await t.request(callerOf(route), {
      method: route.method,
      url: urlOf(route),
      payload: { unexpected: 1 },
    });
    await expectNoHarm(route, response);
    expect(response.statusCode).toBe(400);
    const fields = response.json().details?.map((d: { field: string }) => d.field) ?? [response.json().field];
    expect(fields.some((f: string) => f === 'body.unexpected' || f === 'body')).toBe(true);
  });

  it.each(['number', 'array', 'object', 'boolean', 'null'] as const)(
    'every field given a wrong %s',
    async (kind) => {
      const wrong = { number: 12_345, array: [1], object: { a: 1 }, boolean: true, null: null }[kind];
      for (const field of fieldsOf(route.body)) {
        const response = await t.request(callerOf(route), {
          method: route.method,
          url: urlOf(route),
          payload: { [field]: wrong },
        });
        await expectNoHarm(route, response);
      }
    },
  );

  it.each(Object.entries(oddStrings))('every string field given %s', async (_, value) => {
    for (const field of fieldsOf(route.body)) {
      const response = await t.request(callerOf(route), {
        method: route.method,
        url: urlOf(route),
        payload: { [field]: value },
      });
      await expectNoHarm(route, response);
      expect(response.statusCode).not.toBe(200);
    }
  });
});

describe.each(allRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))(
  'bad query and path: %s',
  (_, route) => {
    it('an unknown or odd query parameter never yields a 5xx or a write', async () => {
      for (const query of [
        '?unexpected=1',
        '?year=abc',
        '?year=%00',
        '?date=%ED%A0%80',
        '?count=-1&date=2026-13-01',
      ]) {
        const response = await t.request(callerOf(route), {
          method: route.method,
          url: `${urlOf(route)}${query}`,
        });
        expect(response.statusCode, `${query}: ${response.body}`).toBeLessThan(500);
        expect(await writes(), `${query} wrote`).toBe(0);
      }
    });
  },
);

// An empty object is the normal request of routes that take no body; for the
// others it must fail validation or be refused as "nothing to change".
const withBodySchema = allRoutes.filter((r) => r.body);
describe.each(withBodySchema.map((r) => [`${r.method} ${r.url}`, r] as const))(
  'empty body: %s',
  (_, route) => {
    it('answers 4xx and writes nothing', async () => {
      const response = await t.request(callerOf(route), {
        method: route.method,
        url: urlOf(route),
        payload: {},
      });
      await expectNoHarm(route, response);
    });
  },
);

const withParams = allRoutes.filter((r) => r.url.includes(':'));
describe.each(withParams.map((r) => [`${r.method} ${r.url}`, r] as const))(
  'bad path parameters: %s',
  (_, route) => {
    it('an odd path parameter answers 4xx and writes nothing', async () => {
      for (const value of ['not-a-date', '2026-02-30', '\u0000', '日期', '../../etc/passwd']) {
        const response = await t.request(callerOf(route), {
          method: route.method,
          url: urlOf(route, value),
          payload: {},
        });
        await expectNoHarm(route, response);
      }
    });
  },
);
