/**
 * A process definition as an accessible SVG flowchart (P6): what the public
 * portal publishes is drawn from the definition the system enforces.
 *
 * Layout, deterministic and dependency-free: stages are placed in layers from
 * top to bottom (longest path from the first stage over forward arrows), stages
 * of one layer side by side in definition order. Arrows to the next layer go
 * straight down; arrows that skip layers run in lanes on the right; arrows back
 * up (退回补充调查) run in lanes on the left. Conditional stages are dashed.
 * The <title> and <desc> give the whole chart as text: every stage with its
 * roles, and every arrow, so a screen reader gets what the picture shows.
 */
import { roleLabels } from '../roles.js';
import { backTransitions } from './definitions.js';
import type { ProcessDefinition, StageDefinition, StageId, TransitionDefinition } from './types.js';
import { conditionLabels, recordingRequirementLabels } from './types.js';

export interface FlowchartOptions {
  /** Prefix for element ids, so several charts can share a page. Defaults to the definition id. */
  idPrefix?: string;
}

const boxWidth = 248;
const padding = 10;
const labelSize = 15;
const smallSize = 12;
const lineGap = 5;
const layerGap = 46;
const columnGap = 32;
const laneGap = 14;
const portSpacing = 14;
const margin = 24;
const titleSize = 18;

const colours = {
  text: '#1a1a1a',
  muted: '#444444',
  stroke: '#1f4e79',
  fill: '#eef4fb',
  conditionalFill: '#ffffff',
  arrow: '#1f4e79',
  back: '#8a4b08',
  recording: '#a4000f',
};

const fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif";

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Rough text width: CJK and full-width characters one em, others 0.6 em. */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.6;
  return width;
}

function wrap(text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > max) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

const roleList = (roles: readonly string[]) =>
  roles.map((role) => roleLabels[role as keyof typeof roleLabels] ?? role).join('、');

interface Line {
  text: string;
  size: number;
  weight: 'bold' | 'normal';
  colour: string;
}

function stageLines(stage: StageDefinition): Line[] {
  const inner = boxWidth - 2 * padding;
  const lines: Line[] = [];
  for (const text of wrap(stage.label, labelSize, inner))
    lines.push({ text, size: labelSize, weight: 'bold', colour: colours.text });
  if (stage.condition)
    for (const text of wrap(`条件：${conditionLabels[stage.condition]}`, smallSize, inner))
      lines.push({ text, size: smallSize, weight: 'normal', colour: colours.muted });
  for (const text of wrap(`承办：${roleList(stage.actors)}`, smallSize, inner))
    lines.push({ text, size: smallSize, weight: 'normal', colour: colours.muted });
  if (stage.approvers?.length)
    for (const text of wrap(`审批：${roleList(stage.approvers).replace(/、/g, ' → ')}`, smallSize, inner))
      lines.push({ text, size: smallSize, weight: 'normal', colour: colours.muted });
  if (stage.recording.requirement === 'mandatory')
    lines.push({
      text: `● ${recordingRequirementLabels.mandatory}`,
      size: smallSize,
      weight: 'bold',
      colour: colours.recording,
    });
  return lines;
}

interface Edge {
  from: StageId;
  to: StageId;
  transition: TransitionDefinition;
  kind: 'down' | 'skip' | 'back';
  lane: number;
}

interface Box {
  stage: StageDefinition;
  layer: number;
  x: number;
  y: number;
  height: number;
  lines: Line[];
  right: Edge[];
  left: Edge[];
}

/** Longest-path layers over forward arrows. */
function layers(definition: ProcessDefinition, back: Set<string>): Map<StageId, number> {
  const layer = new Map<StageId, number>(definition.stages.map((stage) => [stage.id, 0]));
  // Forward arrows form a DAG; relax |V| times (tiny graphs, and order-independent).
  for (let round = 0; round < definition.stages.length; round += 1) {
    let changed = false;
    for (const stage of definition.stages) {
      for (const transition of stage.next) {
        if (back.has(`${stage.id}>${transition.to}`)) continue;
        const candidate = layer.get(stage.id)! + 1;
        if (candidate > layer.get(transition.to)!) {
          layer.set(transition.to, candidate);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return layer;
}

/** Interval lanes: an edge takes the first lane none of whose edges overlaps its layer range. */
function assignLanes(edges: Edge[], range: (edge: Edge) => [number, number]): number {
  const lanes: [number, number][][] = [];
  const sorted = [...edges].sort((a, b) => {
    const [a1, a2] = range(a);
    const [b1, b2] = range(b);
    return a2 - a1 - (b2 - b1) || a1 - b1;
  });
  for (const edge of sorted) {
    const [low, high] = range(edge);
    let lane = lanes.findIndex((taken) => taken.every(([l, h]) => high < l || low > h));
    if (lane < 0) {
      lane = lanes.length;
      lanes.push([]);
    }
    lanes[lane]!.push([low, high]);
    edge.lane = lane;
  }
  return lanes.length;
}

export function renderFlowchart(definition: ProcessDefinition, options: FlowchartOptions = {}): string {
  const prefix = (options.idPrefix ?? definition.id).replace(/[^A-Za-z0-9_-]/g, '-');
  const back = backTransitions(definition);
  const layerOf = layers(definition, back);
  const boxes = new Map<StageId, Box>();
  for (const stage of definition.stages) {
    const lines = stageLines(stage);
    const height = 2 * padding + lines.reduce((sum, line) => sum + line.size + lineGap, -lineGap);
    boxes.set(stage.id, {
      stage,
      layer: layerOf.get(stage.id)!,
      x: 0,
      y: 0,
      height,
      lines,
      right: [],
      left: [],
    });
  }

  const edges: Edge[] = [];
  for (const stage of definition.stages) {
    for (const transition of stage.next) {
      const from = boxes.get(stage.id)!;
      const to = boxes.get(transition.to)!;
      const kind = back.has(`${stage.id}>${transition.to}`)
        ? 'back'
        : to.layer - from.layer === 1
          ? 'down'
          : 'skip';
      edges.push({ from: stage.id, to: transition.to, transition, kind, lane: 0 });
    }
  }
  const skips = edges.filter((edge) => edge.kind === 'skip');
  const backs = edges.filter((edge) => edge.kind === 'back');
  const span = (edge: Edge): [number, number] => {
    const a = boxes.get(edge.from)!.layer;
    const b = boxes.get(edge.to)!.layer;
    return [Math.min(a, b), Math.max(a, b)];
  };
  const rightLanes = assignLanes(skips, span);
  const leftLanes = assignLanes(backs, span);

  // Ports along box sides for skip (right) and back (left) arrows. Arrows arriving
  // from above take the upper ports, inner lanes first; arrows leaving downwards
  // take the lower ports, outer lanes first — so lanes never cross at a box.
  for (const edge of skips) {
    boxes.get(edge.from)!.right.push(edge);
    boxes.get(edge.to)!.right.push(edge);
  }
  for (const edge of backs) {
    boxes.get(edge.from)!.left.push(edge);
    boxes.get(edge.to)!.left.push(edge);
  }
  for (const box of boxes.values()) {
    const order = (list: Edge[]) => {
      const otherLayer = (edge: Edge) => boxes.get(edge.from === box.stage.id ? edge.to : edge.from)!.layer;
      const fromAbove = list.filter((edge) => otherLayer(edge) < box.layer).sort((a, b) => a.lane - b.lane);
      const toBelow = list.filter((edge) => otherLayer(edge) > box.layer).sort((a, b) => b.lane - a.lane);
      return [...fromAbove, ...toBelow];
    };
    box.right = order(box.right);
    box.left = order(box.left);
    box.height = Math.max(box.height, (Math.max(box.right.length, box.left.length) + 1) * portSpacing);
  }

  // Vertical placement, layer by layer.
  const layerCount = Math.max(...[...boxes.values()].map((box) => box.layer)) + 1;
  const rows: Box[][] = Array.from({ length: layerCount }, () => []);
  for (const stage of definition.stages) rows[boxes.get(stage.id)!.layer]!.push(boxes.get(stage.id)!);
  const widest = Math.max(...rows.map((row) => row.length));
  // At least as wide as the legend.
  const contentWidth = Math.max(widest * boxWidth + (widest - 1) * columnGap, 400);
  const labelRoom = Math.max(
    0,
    ...skips.map((edge) => (edge.transition.label ? textWidth(edge.transition.label, smallSize) + 16 : 0)),
  );
  const leftLabelRoom = Math.max(
    0,
    ...backs.map((edge) => (edge.transition.label ? textWidth(edge.transition.label, smallSize) + 16 : 0)),
  );
  const leftArea = Math.max(leftLanes * laneGap + (leftLanes ? 12 : 0), leftLabelRoom);
  const rightArea = Math.max(rightLanes * laneGap + (rightLanes ? 12 : 0), labelRoom);
  const contentLeft = margin + leftArea;
  const titleLines = wrap(definition.title, titleSize, contentWidth + leftArea + rightArea);
  let y = margin + titleLines.length * (titleSize + 6) + 10;
  for (const row of rows) {
    const rowHeight = Math.max(...row.map((box) => box.height));
    const rowWidth = row.length * boxWidth + (row.length - 1) * columnGap;
    let x = contentLeft + (contentWidth - rowWidth) / 2;
    for (const box of row) {
      box.x = Math.round(x);
      box.y = Math.round(y + (rowHeight - box.height) / 2);
      x += boxWidth + columnGap;
    }
    y += rowHeight + layerGap;
  }
  const legendTop = y - layerGap + 28;
  const width = Math.round(contentLeft + contentWidth + rightArea + margin);
  const height = Math.round(legendTop + 40 + margin);
  const rightLaneX = (lane: number) => contentLeft + contentWidth + 12 + lane * laneGap;
  const leftLaneX = (lane: number) => contentLeft - 12 - lane * laneGap;

  const portY = (box: Box, side: 'right' | 'left', edge: Edge) => {
    const list = box[side];
    const position = (list.indexOf(edge) + 1) / (list.length + 1);
    return Math.round(box.y + box.height * position);
  };

  const out: string[] = [];
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId} ${descId}" lang="zh-CN" font-family="${escapeXml(fontFamily)}">`,
  );
  out.push(`<title id="${titleId}">${escapeXml(definition.title)}</title>`);
  out.push(`<desc id="${descId}">${escapeXml(describeProcess(definition))}</desc>`);
  out.push(
    '<defs>',
    `<marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colours.arrow}"/></marker>`,
    `<marker id="${prefix}-arrow-back" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colours.back}"/></marker>`,
    '</defs>',
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  titleLines.forEach((line, index) => {
    out.push(
      `<text x="${Math.round(width / 2)}" y="${margin + titleSize + index * (titleSize + 6)}" text-anchor="middle" font-size="${titleSize}" font-weight="bold" fill="${colours.text}" aria-hidden="true">${escapeXml(line)}</text>`,
    );
  });

  // Arrows first, boxes on top.
  out.push('<g class="transitions" fill="none" stroke-width="1.5">');
  for (const edge of edges) {
    const from = boxes.get(edge.from)!;
    const to = boxes.get(edge.to)!;
    const label = edge.transition.label;
    let d: string;
    let labelX = 0;
    let labelY = 0;
    let anchor: 'start' | 'end' = 'start';
    if (edge.kind === 'down') {
      const sx = from.x + boxWidth / 2;
      const sy = from.y + from.height;
      const tx = to.x + boxWidth / 2;
      const ty = to.y;
      const midY = Math.round(sy + (ty - sy) / 2);
      d = sx === tx ? `M${sx},${sy} V${ty}` : `M${sx},${sy} V${midY} H${tx} V${ty}`;
      labelX = tx + 8;
      labelY = midY + 4;
    } else if (edge.kind === 'skip') {
      const laneX = rightLaneX(edge.lane);
      const sy = portY(from, 'right', edge);
      const ty = portY(to, 'right', edge);
      d = `M${from.x + boxWidth},${sy} H${laneX} V${ty} H${to.x + boxWidth}`;
      const atSource = from.right.length <= to.right.length;
      labelX = (atSource ? from.x : to.x) + boxWidth + 6;
      labelY = (atSource ? sy : ty) - 4;
    } else {
      const laneX = leftLaneX(edge.lane);
      const sy = portY(from, 'left', edge);
      const ty = portY(to, 'left', edge);
      d = `M${from.x},${sy} H${laneX} V${ty} H${to.x}`;
      const atSource = from.left.length <= to.left.length;
      labelX = (atSource ? from.x : to.x) - 6;
      labelY = (atSource ? sy : ty) - 4;
      anchor = 'end';
    }
    const colour = edge.kind === 'back' ? colours.back : colours.arrow;
    const marker = edge.kind === 'back' ? `${prefix}-arrow-back` : `${prefix}-arrow`;
    const fromLabel = from.stage.label;
    const toLabel = to.stage.label;
    out.push(
      `<g class="transition" data-from="${edge.from}" data-to="${edge.to}"><title>${escapeXml(`${fromLabel} → ${toLabel}${label ? `（${label}）` : ''}`)}</title>`,
    );
    out.push(
      `<path d="${d}" stroke="${colour}"${edge.kind === 'back' ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#${marker})"/>`,
    );
    if (label)
      out.push(
        `<text x="${labelX}" y="${labelY}" text-anchor="${anchor}" font-size="${smallSize}" fill="${colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(label)}</text>`,
      );
    out.push('</g>');
  }
  out.push('</g>');

  out.push('<g class="stages">');
  for (const stage of definition.stages) {
    const box = boxes.get(stage.id)!;
    const dashed = stage.condition ? ' stroke-dasharray="6 4"' : '';
    const fill = stage.condition ? colours.conditionalFill : colours.fill;
    out.push(`<g class="stage" id="${prefix}-stage-${stage.id}" data-stage="${stage.id}">`);
    out.push(`<title>${escapeXml(stage.label)}</title>`);
    out.push(`<desc>${escapeXml(describeStage(stage))}</desc>`);
    out.push(
      `<rect x="${box.x}" y="${box.y}" width="${boxWidth}" height="${box.height}" rx="6" fill="${fill}" stroke="${colours.stroke}" stroke-width="1.5"${dashed}/>`,
    );
    let lineY = box.y + padding;
    for (const line of box.lines) {
      lineY += line.size;
      out.push(
        `<text x="${box.x + boxWidth / 2}" y="${lineY - 2}" text-anchor="middle" font-size="${line.size}"${line.weight === 'bold' ? ' font-weight="bold"' : ''} fill="${line.colour}">${escapeXml(line.text)}</text>`,
      );
      lineY += lineGap;
    }
    out.push('</g>');
  }
  out.push('</g>');

  // Legend.
  const lx = contentLeft;
  out.push(`<g class="legend" font-size="${smallSize}" fill="${colours.text}">`);
  out.push(
    `<rect x="${lx}" y="${legendTop}" width="28" height="16" rx="3" fill="${colours.fill}" stroke="${colours.stroke}"/>`,
    `<text x="${lx + 34}" y="${legendTop + 13}">必经环节</text>`,
    `<rect x="${lx + 110}" y="${legendTop}" width="28" height="16" rx="3" fill="${colours.conditionalFill}" stroke="${colours.stroke}" stroke-dasharray="6 4"/>`,
    `<text x="${lx + 144}" y="${legendTop + 13}">条件环节（虚线框）</text>`,
    `<text x="${lx + 280}" y="${legendTop + 13}" fill="${colours.recording}" font-weight="bold">● ${recordingRequirementLabels.mandatory}</text>`,
  );
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function describeStage(stage: StageDefinition): string {
  const parts = [`承办：${roleList(stage.actors)}`];
  if (stage.approvers?.length) parts.push(`审批：${roleList(stage.approvers)}`);
  if (stage.assistants?.length) parts.push(`协助：${roleList(stage.assistants)}`);
  if (stage.condition) parts.push(`条件：${conditionLabels[stage.condition]}`);
  if (stage.sources?.length) parts.push(`来源：${stage.sources.map((s) => s.label).join('、')}`);
  if (stage.outcomes?.length) parts.push(`结果：${stage.outcomes.map((o) => o.label).join('、')}`);
  if (stage.documents.length) parts.push(`文书：${stage.documents.join('、')}`);
  parts.push(`音像记录：${recordingRequirementLabels[stage.recording.requirement]}`);
  parts.push(`依据：${stage.legalBasis.join('、')}`);
  if (stage.note) parts.push(stage.note);
  return parts.join('；');
}

/** The chart as text: summary, every stage in order, every arrow. */
export function describeProcess(definition: ProcessDefinition): string {
  const labelOf = new Map(definition.stages.map((stage) => [stage.id, stage.label]));
  const stages = definition.stages
    .map((stage, index) => `${index + 1}. ${stage.label}${stage.condition ? '（条件环节）' : ''}`)
    .join('；');
  const arrows = definition.stages
    .flatMap((stage) =>
      stage.next.map(
        (t) => `${stage.label} → ${labelOf.get(t.to) ?? t.to}${t.label ? `（${t.label}）` : ''}`,
      ),
    )
    .join('；');
  return `${definition.summary} 环节：${stages}。流转：${arrows}。`;
}
