import { describe, expect, it } from 'vitest';
import { processDefinitions } from './definitions.js';
import { describeProcess, renderFlowchart } from './flowchart.js';

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every opened element is closed, in order (a minimal well-formedness check). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe('P6: flowchart SVG drawn from the enforced definition', () => {
  it.each(Object.values(processDefinitions).map((d) => [d.id, d]))(
    '%s: every stage and every transition appears',
    (_id, definition) => {
      const svg = renderFlowchart(definition);
      const desc = describeProcess(definition);
      for (const stage of definition.stages) {
        expect(svg).toContain(`data-stage="${stage.id}"`);
        expect(svg).toContain(`<title>${xml(stage.label)}</title>`);
        if (stage.condition) {
          const group = svg.slice(svg.indexOf(`data-stage="${stage.id}"`));
          expect(group.slice(0, group.indexOf('</g>'))).toContain('stroke-dasharray="6 4"');
        }
        for (const transition of stage.next) {
          expect(svg).toContain(`data-from="${stage.id}" data-to="${transition.to}"`);
          const target = definition.stages.find((s) => s.id === transition.to)!;
          expect(desc).toContain(`${stage.label} → ${target.label}`);
          if (transition.label) expect(svg).toContain(`>${xml(transition.label)}</text>`);
        }
      }
      const transitions = definition.stages.reduce((sum, s) => sum + s.next.length, 0);
      expect(svg.match(/class="transition"/g)?.length).toBe(transitions);
      expect(svg.match(/class="stage"/g)?.length).toBe(definition.stages.length);
    },
  );

  it('is accessible: role img, labelled by its title and description, in Chinese', () => {
    const svg = renderFlowchart(processDefinitions.penaltyGeneral);
    expect(svg).toMatch(
      /^<svg [^>]*role="img"[^>]*aria-labelledby="penaltyGeneral-title penaltyGeneral-desc"/,
    );
    expect(svg).toContain('lang="zh-CN"');
    expect(svg).toContain('<title id="penaltyGeneral-title">行政处罚（普通程序）流程</title>');
    expect(svg).toContain('<desc id="penaltyGeneral-desc">');
  });

  it('is well formed, deterministic and prefix-scoped', () => {
    for (const definition of Object.values(processDefinitions)) {
      const svg = renderFlowchart(definition);
      expect(balanced(svg)).toBe(true);
      expect(renderFlowchart(definition)).toBe(svg);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    }
    const scoped = renderFlowchart(processDefinitions.seizure, { idPrefix: 'portal 1' });
    expect(scoped).toContain('id="portal-1-arrow"');
    expect(scoped).toContain('url(#portal-1-arrow)');
  });

  it('R4: marks stages recorded in full', () => {
    const svg = renderFlowchart(processDefinitions.seizure);
    expect(svg.match(/● 全程音像记录<\/text>/g)?.length).toBe(4); // 3 stages + legend
  });
});
