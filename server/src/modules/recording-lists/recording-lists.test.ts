/**
 * R5 — the agency's 音像记录事项清单: read by case readers, replaced by the
 * legal unit or the agency head, never lowering what R4 makes mandatory, and
 * enforced by the case moves of that agency only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok } from '../../test/case-kit.js';
import type { TestApp } from '../../test/harness.js';

const kit = caseTestKit();
const { as, step } = kit;
let t: TestApp;
let countyId = '';
let cityId = '';

const read = async (username: string, query = '') =>
  t.request(await as(username), { method: 'GET', url: `/api/recording-list${query}` });
const save = async (username: string, expectedVersion: number, entries: unknown[]) =>
  t.request(await as(username), {
    method: 'PUT',
    url: '/api/recording-list',
    payload: { expectedVersion, note: '依据本局音像记录事项清单', entries },
  });

/** 调查取证 of a general-procedure penalty: by the definitions, recorded as needed. */
const investigateNeedsVideo = {
  processKind: 'penaltyGeneral',
  stage: 'investigate',
  requirement: 'mandatory',
  kinds: ['video'],
};

const stageOf = (
  list: { processes: { processKind: string; stages: { stage: string }[] }[] },
  kind: string,
  stage: string,
) =>
  list.processes.find((p) => p.processKind === kind)!.stages.find((s) => s.stage === stage) as unknown as {
    default: { requirement: string };
    line: unknown;
    effective: { requirement: string; kinds: string[]; source: string };
  };

/** A general-procedure case of the county at 调查取证 with a proposal, two officers on it. */
async function caseAtInvestigate() {
  const id = await kit.register();
  ok(await step('officer1', id, 'officers', kit.team(['officer1', 'lead'], ['officer2', 'assisting'])));
  ok(await kit.move('officer1', id, 'register', 'register'));
  await kit.approveRegistration(id);
  ok(await kit.move('unithead1', id, 'investigate'));
  ok(await step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: 100_000 } }));
  return id;
}

async function linkRecording(caseId: string, mediaType: string, recordingKind: string) {
  return t.request(await as('officer1'), {
    method: 'POST',
    url: `/api/cases/${caseId}/evidence`,
    payload: { evidenceId: await kit.addEvidence(mediaType, countyId), recordingKind },
  });
}

beforeAll(async () => {
  t = await kit.start();
  kit.at('2026-06-01');
  countyId = await kit.agencyId('示例县交通运输局');
  cityId = await kit.agencyId('示例市交通运输局');
});
afterAll(() => t.close());

describe('R5: the agency’s 音像记录事项清单', () => {
  it('R5: with no list of its own an agency reads the definitions’ defaults (R4), and only its editors may edit', async () => {
    const list = ok(await read('officer1'));
    expect(list).toMatchObject({ agencyId: countyId, version: 0, actions: { edit: false } });
    const seizure = stageOf(list, 'seizure', 'record');
    expect(seizure.effective).toMatchObject({ requirement: 'mandatory', source: 'definition' });
    expect(ok(await read('reviewer1')).actions.edit).toBe(true);
    expect(ok(await read('head1')).actions.edit).toBe(true);
    expect((await save('officer1', 0, [investigateNeedsVideo])).statusCode).toBe(403);
    expect((await save('admin', 0, [investigateNeedsVideo])).statusCode).toBe(403);
  });

  it('R5: bad lines are refused naming the line, and change nothing', async () => {
    const cases: [unknown[], string][] = [
      [[{ ...investigateNeedsVideo, stage: 'dispose' }], 'body.entries.0.stage'],
      [[investigateNeedsVideo, investigateNeedsVideo], 'body.entries.1.stage'],
      [
        [{ processKind: 'seizure', stage: 'record', requirement: 'asNeeded', kinds: [] }],
        'body.entries.0.requirement',
      ],
      [[{ ...investigateNeedsVideo, kinds: ['video', 'video'] }], 'body.entries.0.kinds'],
      [[{ ...investigateNeedsVideo, kinds: ['film'] }], 'body.entries.0.kinds.0'],
    ];
    for (const [entries, field] of cases) {
      const response = await save('reviewer1', 0, entries);
      expect(response.statusCode, field).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, field).toBeLessThan(500);
      expect(response.json().field, response.body).toBe(field);
    }
    expect(ok(await read('officer1')).version).toBe(0);
  });

  it('R5: a saved list is in force for the agency’s cases: a stage it makes mandatory cannot complete without the recording', async () => {
    const id = await caseAtInvestigate();
    const before = ok(await t.request(await as('officer1'), { method: 'GET', url: `/api/cases/${id}` }));
    expect(before.stageRecording).toMatchObject({ requirement: 'asNeeded', source: 'definition' });
    expect(before.moves.find((m: { to: string }) => m.to === 'review').allowed).toBe(true);

    const saved = ok(await save('reviewer1', 0, [investigateNeedsVideo]));
    expect(saved.version).toBe(1);
    expect(stageOf(saved, 'penaltyGeneral', 'investigate').effective).toMatchObject({
      requirement: 'mandatory',
      kinds: ['video'],
      source: 'list',
    });

    const page = ok(await t.request(await as('officer1'), { method: 'GET', url: `/api/cases/${id}` }));
    expect(page.stageRecording).toMatchObject({ requirement: 'mandatory', kinds: ['video'] });
    const refused = await step('officer1', id, 'transitions', { to: 'review' });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().message).toContain('（R4）');
    // A photo is not what the list asks for; a video is.
    ok(await linkRecording(id, 'image/jpeg', 'photo'));
    expect((await step('officer1', id, 'transitions', { to: 'review' })).statusCode).toBe(422);
    ok(await linkRecording(id, 'video/mp4', 'video'));
    ok(await step('officer1', id, 'transitions', { to: 'review' }));
  });

  it('R5: each version is one event on the agency’s stream; a stale version is 409; another agency’s list is its own', async () => {
    const current = ok(await read('head1')).version as number;
    const stale = await save('head1', current - 1, []);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('body.expectedVersion');
    ok(await save('head1', current, []));
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select('payload')
      .where('stream_id', '=', `agency:${countyId}`)
      .where('kind', '=', 'recordingList.changed')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => (e.payload as { version: number }).version)).toEqual([1, 2]);
    expect((events[0]!.payload as { entries: unknown[] }).entries).toEqual([investigateNeedsVideo]);
    // The county's officer may not read the city's list; the justice bureau's supervisor may read the county's.
    expect((await read('officer1', `?agencyId=${cityId}`)).statusCode).toBe(404);
    const supervised = ok(await read('supervisor1', `?agencyId=${countyId}`));
    expect(supervised).toMatchObject({ version: 2, actions: { edit: false } });
  });
});
