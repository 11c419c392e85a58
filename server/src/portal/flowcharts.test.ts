import { actKindLabels, processDefinitions, roleLabels } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/harness.js';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  officer = await t.login('officer1');
});
afterAll(() => t.close());

const page = (url: string) => t.app.inject({ method: 'GET', url });
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** The part of the page after the chart: the text list of stages. */
const textList = (body: string) => body.slice(body.indexOf('办理环节（文字版）'));

describe('P6: published flowcharts are the enforced definitions', () => {
  it('P6: the index lists every kind of enforcement act and links every definition', async () => {
    const response = await page('/flowcharts');
    expect(response.statusCode).toBe(200);
    for (const label of Object.values(actKindLabels)) expect(response.body).toContain(label);
    for (const definition of Object.values(processDefinitions)) {
      expect(response.body).toContain(`href="/flowcharts/${definition.id}"`);
      expect(response.body).toContain(html(definition.title));
    }
    expect(response.body).not.toContain('<script');
  });

  it.each(Object.values(processDefinitions).map((d) => [d.id, d] as const))(
    'P6: %s — every stage, its roles and its legal basis appear in the chart and in the text list',
    async (id, definition) => {
      const response = await page(`/flowcharts/${id}`);
      expect(response.statusCode).toBe(200);
      const body = response.body;
      expect(body).toContain('<svg');
      expect(body).toContain('role="img"');
      expect(body).toContain(`<title id="flowchart-${id}-title">${html(definition.title)}</title>`);
      expect(body).toContain(`<desc id="flowchart-${id}-desc">`);
      expect(body).not.toContain('<script');
      const list = textList(body);
      for (const stage of definition.stages) {
        // In the chart…
        expect(body, stage.id).toContain(`data-stage="${stage.id}"`);
        // …and in the text under it, with roles, documents and every legal basis.
        expect(list, stage.id).toContain(`data-stage="${stage.id}"`);
        expect(list, stage.id).toContain(html(stage.label));
        for (const role of stage.actors) expect(list, `${stage.id} ${role}`).toContain(roleLabels[role]);
        for (const document of stage.documents)
          expect(list, `${stage.id} ${document}`).toContain(html(document));
        for (const basis of stage.legalBasis) expect(list, `${stage.id} ${basis}`).toContain(html(basis));
        for (const transition of stage.next) {
          const target = definition.stages.find((s) => s.id === transition.to)!;
          expect(body).toContain(`data-from="${stage.id}" data-to="${transition.to}"`);
          expect(list).toContain(html(target.label));
        }
      }
      // Stages in the definition's order.
      const positions = definition.stages.map((stage) => list.indexOf(`data-stage="${stage.id}"`));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    },
  );

  it('P6: the SVG alone is served for download; an unknown kind is an HTML 404', async () => {
    const svg = await page('/flowcharts/penaltyGeneral.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body.startsWith('<svg')).toBe(true);
    const missing = await page('/flowcharts/noSuchProcess');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('页面不存在');
  });

  it('P6: staff read the same charts in the console API', async () => {
    const index = await t.request(officer, { method: 'GET', url: '/api/flowcharts' });
    expect(index.statusCode).toBe(200);
    const kinds = index.json().items.flatMap((g: { flowcharts: { kind: string }[] }) => g.flowcharts);
    expect(kinds.map((k: { kind: string }) => k.kind).sort()).toEqual(Object.keys(processDefinitions).sort());
    const one = await t.request(officer, { method: 'GET', url: '/api/flowcharts/seizure' });
    expect(one.statusCode).toBe(200);
    expect(one.json().stages.map((s: { id: string }) => s.id)).toEqual(
      processDefinitions.seizure.stages.map((s) => s.id),
    );
    expect(one.json().svg).toContain('<svg');
    expect((await t.request(officer, { method: 'GET', url: '/api/flowcharts/nothing' })).statusCode).toBe(
      400,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/flowcharts' })).statusCode).toBe(401);
  });
});
