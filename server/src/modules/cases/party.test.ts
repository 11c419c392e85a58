/**
 * Issue 17, art. 59(一): the party named fully — a person by ID number, address and phone, an
 * organisation by 统一社会信用代码, address and 法定代表人 — before 事先告知 (R2), completed on the case
 * when the field knew only a name; shown masked, on the ledger masked, whole only in the documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok, refused } from '../../test/case-kit.js';
import { databaseFingerprint, type TestApp } from '../../test/harness.js';

const kit = caseTestKit('当事人测试');
let t: TestApp;
const version = async (id: string) => ok(await kit.get('officer1', `/api/cases/${id}`)).version as number;
const patch = async (username: string, id: string, body: Record<string, unknown>) =>
  t.request(await kit.as(username), {
    method: 'PATCH',
    url: `/api/cases/${id}/party`,
    payload: { version: await version(id), ...body },
  });

beforeAll(async () => {
  t = await kit.start();
  kit.at('2026-06-01');
});
afterAll(() => t.close());

describe('R2: the party as the documents must name it', () => {
  it('a person registered by name only is completed on the case; masked on the page and on the ledger', async () => {
    const id = await kit.register({ party: { kind: 'individual', name: '当事人测试甲' } });
    expect(ok(await kit.get('officer1', `/api/cases/${id}`)).party.missing).toEqual([
      '身份证件号码',
      '住址',
      '联系电话',
    ]);
    const { party } = ok(
      await patch('officer1', id, {
        idNumber: kit.generatedParty().idNumber,
        address: '示例县城关镇幸福路12号3单元',
        phone: '139 1234 5678',
      }),
    );
    expect(party).toMatchObject({
      addressMasked: '示例县城关镇****',
      phoneMasked: '139****5678',
      missing: [],
    });
    const event = (await kit.ledgerOf(id)).find((e) => e.kind === 'case.partyUpdated');
    expect(JSON.stringify(event?.payload)).not.toContain('13912345678');
    expect(JSON.stringify(event?.payload)).not.toContain('幸福路');
    expect(event?.payload).toMatchObject({ phoneMasked: '139****5678' });
  });

  it('bad details answer 400 naming the field, and nothing changes', async () => {
    const id = await kit.register({ party: { kind: 'individual', name: '当事人测试乙' } });
    const before = await databaseFingerprint(t.database);
    for (const [body, field] of [
      [{ phone: '12345' }, 'body.phone'],
      [{ idNumber: '990121199001010000' }, 'body.idNumber'],
      [{ representative: '某某' }, 'body.representative'],
      [{}, 'body'],
    ] as const) {
      const response = await patch('officer1', id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().field).toBe(field);
    }
    expect((await patch('supervisor1', id, { address: '示例县' })).statusCode).toBe(403);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('简易程序: the notice on the spot waits for the party too', async () => {
    const id = await kit.register({
      processKind: 'penaltySimple',
      party: { kind: 'individual', name: '当事人测试丙' },
    });
    ok(await kit.step('officer1', id, 'officers', kit.team(['officer1', 'lead'], ['officer2', 'assisting'])));
    refused(await kit.move('officer1', id, 'notify'), 'R2', 'party');
    const { kind: _kind, name: _name, ...details } = kit.generatedParty();
    ok(await patch('officer1', id, details));
    ok(await kit.move('officer1', id, 'notify'));
  });
});
