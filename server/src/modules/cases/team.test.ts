/**
 * Issue 16: in 简易程序 a lone officer in the field adds the second officer (N1) without the
 * agency's personnel register: the case offers its candidates — names, kinds, units, nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok } from '../../test/case-kit.js';
import type { TestApp } from '../../test/harness.js';

const kit = caseTestKit('现场当事人');
let t: TestApp;

beforeAll(async () => {
  t = await kit.start();
  kit.at('2026-06-01');
});
afterAll(() => t.close());

interface Candidate {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
}

describe('the team named from the field', () => {
  it('an officer, who may not read the register, lists the candidates and adds the second officer', async () => {
    expect((await kit.get('officer1', '/api/persons')).statusCode).toBe(403);
    const id = await kit.register({ processKind: 'penaltySimple' });
    const { items } = ok(await kit.get('officer1', `/api/cases/${id}/officer-candidates`)) as {
      items: Candidate[];
    };
    expect(items.find((p) => p.id === kit.personOf('officer2'))).toMatchObject({ kind: 'officer' });
    expect(items.find((p) => p.id === kit.personOf('auxiliary1'))).toMatchObject({ kind: 'auxiliary' });
    // Nothing but what naming a team needs: no 身份证号, no contact details.
    for (const candidate of items)
      expect(Object.keys(candidate).sort()).toEqual(['id', 'kind', 'kindLabel', 'name', 'unitName']);
    expect(items.some((p) => p.kind === 'staff' || p.kind === 'reviewer')).toBe(false);

    const page = ok(
      await kit.step('officer1', id, 'officers', kit.team(['officer1', 'lead'], ['officer2', 'assisting'])),
    );
    expect(
      page.officers.filter((o: { qualification: { allowed: boolean } }) => o.qualification.allowed),
    ).toHaveLength(2);
  });

  it('whoever does not handle cases is offered no candidates (the matrix: another agency’s case is 404)', async () => {
    const id = await kit.register();
    expect((await kit.get('supervisor1', `/api/cases/${id}/officer-candidates`)).statusCode).toBe(403);
  });
});
