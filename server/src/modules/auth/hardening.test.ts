/**
 * Issue 15, security hardening: the login lockout under parallel attempts (SEC-2), the
 * lockout not telling which accounts exist (SEC-13), and a password change ending the
 * user's other sessions (SEC-8). Each test reproduces the outside probe's attack.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoPassword, type Session, type TestApp } from '../../test/harness.js';
import { currentSettings } from '../settings/service.js';

let t: TestApp;
let threshold: number;
beforeAll(async () => {
  t = await createTestApp();
  threshold = (await currentSettings(t.database.db)).security.lockoutFailures;
});
afterAll(() => t.close());

const attempt = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const statuses = (responses: LightMyRequestResponse[]) => {
  const count: Record<number, number> = {};
  for (const r of responses) count[r.statusCode] = (count[r.statusCode] ?? 0) + 1;
  return count;
};
const lockedUntil = async (username: string) =>
  (
    await t.database.db
      .selectFrom('app_user')
      .select('locked_until')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).locked_until;

describe('SEC-2: the lockout holds under parallel attempts', () => {
  it('SEC-2: of 100 parallel wrong passwords at most lockoutFailures are checked (401), the rest answer 423', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt('officer1', `wrong-${i}`)),
    );
    const count = statuses(responses);
    expect(count[401] ?? 0).toBeLessThanOrEqual(threshold);
    expect((count[401] ?? 0) + (count[423] ?? 0)).toBe(100);
    expect((await attempt('officer1', demoPassword)).statusCode).toBe(423);
  });

  it('SEC-2: the right password sent with 100 parallel wrong ones neither gets in nor resets the counter', async () => {
    const responses = await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => attempt('officer2', `wrong-${i}`)),
      attempt('officer2', demoPassword),
    ]);
    const right = responses.at(-1)!;
    expect(right.statusCode, right.body).toBe(423);
    expect(right.cookies.find((c) => c.name === 'zhifa_session')).toBeUndefined();
    expect(statuses(responses)[401] ?? 0).toBeLessThanOrEqual(threshold);
    expect((await lockedUntil('officer2'))?.getTime()).toBeGreaterThan(t.now().getTime());
    expect((await attempt('officer2', demoPassword)).statusCode).toBe(423);
  });

  it('SEC-2: sequential attempts keep their meaning: a success forgives earlier failures', async () => {
    for (let i = 0; i < threshold - 1; i += 1)
      expect((await attempt('head1', `wrong-${i}`)).statusCode).toBe(401);
    expect((await attempt('head1', demoPassword)).statusCode).toBe(200);
    for (let i = 0; i < threshold - 1; i += 1)
      expect((await attempt('head1', `wrong-${i}`)).statusCode).toBe(401);
    expect((await attempt('head1', demoPassword)).statusCode).toBe(200);
  });
});

describe('SEC-13: the lockout does not tell which accounts exist', () => {
  const answers = async (username: string, times: number) => {
    const seen: { status: number; code: string; message: string }[] = [];
    for (let i = 0; i < times; i += 1) {
      const r = await attempt(username, `wrong-${i}`);
      seen.push({ status: r.statusCode, code: r.json().code, message: r.json().message });
    }
    return seen;
  };

  it('SEC-13: an unknown username answers like a known one under repeated failures', async () => {
    const known = await answers('discloser1', threshold + 2);
    const unknown = await answers('nosuchuser', threshold + 2);
    expect(known.map((a) => a.status)).toEqual([...Array(threshold).fill(401), ...Array(2).fill(423)]);
    expect(unknown).toEqual(known);
  });

  it('SEC-13: a parallel burst against an unknown username is answered like one against a known account', async () => {
    const burst = (username: string) =>
      Promise.all(Array.from({ length: 30 }, (_, i) => attempt(username, `wrong-${i}`)));
    const known = statuses(await burst('archivist1'));
    const unknown = statuses(await burst('nobody-here'));
    expect(unknown[401] ?? 0).toBeLessThanOrEqual(threshold);
    expect(unknown[423] ?? 0).toBeGreaterThanOrEqual(30 - threshold);
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort());
  });

  it('SEC-13: a failed attempt for an unknown username takes about as long as for a known one', async () => {
    const time = async (username: string) => {
      const start = performance.now();
      await attempt(username, 'wrong-timing');
      return performance.now() - start;
    };
    // The fastest of three, each on a fresh name, so neither side is locked.
    const known: number[] = [];
    const unknown: number[] = [];
    for (const name of ['supervisor1', 'auxiliary1', 'unithead1']) {
      known.push(await time(name));
      unknown.push(await time(`${name}x`));
    }
    // Both run one scrypt verification; without it an unknown name would answer in a few ms.
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...known) / 3);
  });
});

describe('SEC-8: changing one’s own password ends one’s other sessions', () => {
  it('SEC-8: the other sessions are revoked, the current one is kept', async () => {
    const here: Session = await t.login('reviewer1');
    const elsewhere: Session = await t.login('reviewer1');
    const change = await t.request(here, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: demoPassword, newPassword: 'Sec8-Fresh-Pass' },
    });
    expect(change.statusCode, change.body).toBe(204);
    expect((await t.request(here, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await t.request(elsewhere, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const revoked = await t.database.db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(['s.revoked_at'])
      .where('u.username', '=', 'reviewer1')
      .execute();
    expect(revoked.filter((s) => s.revoked_at === null)).toHaveLength(1);
  });
});
