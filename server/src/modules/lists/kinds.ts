/**
 * The four 事前公开 lists (P2) and what an entry of each holds: 服务指南 (P5),
 * 随机抽查事项 (P4, Q9), 行政处罚裁量基准 (X4) and 免罚清单事项 (Q8). One zod
 * schema per kind is both the API's body and the reading of the stored JSON
 * (`list_entry_version.content`); the rules that need more than a schema (a
 * promised time limit within the statutory one, a benchmark inside the
 * statutory range) are in service.ts and core.
 */
import {
  circumstanceLevelLabels,
  circumstanceLevels,
  exemptionKindBasis,
  exemptionKindLabels,
  exemptionKinds,
  inspectionMethodLabels,
  inspectionMethods,
  samplingRatioProblem,
} from '@zhifa/core';
import { z } from 'zod';
import type { ListKind } from '../../db/schema.js';
import { text, uuid } from '../../http/fields.js';

export type { ListKind };
export const listKinds = ['serviceGuide', 'inspectionItem', 'discretionBenchmark', 'exemption'] as const;

const count = z.number().int().min(0).max(99);
const days = z.number().int().min(1).max(3650);
const yuan = z.number().int().min(0).max(10_000_000_000);

/** Fields every kind has; title, enforcement item and cited articles are columns, not content. */
export const commonFields = {
  title: text(200),
  /** The 权责清单 item the entry belongs to, if the agency keeps one. */
  enforcementItemId: uuid.nullable().default(null),
  /** Articles of the law library it cites (optional: the text basis is what is published). */
  basisArticleIds: z
    .array(uuid)
    .max(50)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, { message: '引用的条文重复' }),
  changeNote: text(500, 0).default(''),
};

const guideContent = {
  basis: text(4000),
  acceptingBody: text(200),
  approvingBody: text(200),
  conditions: text(4000),
  materials: z
    .array(
      z.strictObject({
        name: text(200),
        originals: count.default(0),
        copies: count.default(0),
        note: text(500, 0).default(''),
      }),
    )
    .min(1, { message: '至少列出一项申请材料' })
    .max(100),
  steps: z
    .array(z.strictObject({ name: text(100), description: text(1000, 0).default('') }))
    .min(1, { message: '至少列出一个办理环节' })
    .max(50),
  /** Working days (工作日). */
  statutoryLimitDays: days,
  promisedLimitDays: days,
  limitNote: text(500, 0).default(''),
  fees: text(1000),
  supervision: text(1000),
  accountability: text(1000),
  remedies: text(1000),
  officeHours: text(200),
  address: text(200),
  phone: text(50),
};

const inspectionContent = {
  inspectingBody: text(200),
  basis: text(4000),
  targets: text(1000),
  inspectionContent: text(4000),
  samplingRatioPercent: z.number().superRefine((value, ctx) => {
    const problem = samplingRatioProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  methods: z
    .array(z.enum(inspectionMethods))
    .min(1, { message: '至少选择一种检查方式' })
    .max(inspectionMethods.length)
    .refine((list) => new Set(list).size === list.length, { message: '检查方式重复' }),
  frequency: text(200),
  note: text(1000, 0).default(''),
};

const benchmarkContent = {
  violatedProvision: text(2000),
  penaltyProvision: text(2000),
  statutoryPenalty: text(2000),
  circumstances: z
    .array(
      z.strictObject({
        level: z.enum(circumstanceLevels),
        description: text(1000),
        fineMinYuan: yuan,
        fineMaxYuan: yuan,
        otherMeasures: text(500, 0).default(''),
      }),
    )
    .min(1, { message: '至少规定一种情节的裁量幅度' })
    .max(circumstanceLevels.length),
  note: text(1000, 0).default(''),
};

const exemptionContent = {
  violatedProvision: text(2000),
  exemptionKind: z.enum(exemptionKinds),
  conditions: text(2000),
  /** Defaults to the paragraph of 行政处罚法 art. 33 that gives the ground. */
  exemptionBasis: text(1000, 0).default(''),
  measures: text(1000),
  note: text(1000, 0).default(''),
};

export const contentShapes = {
  serviceGuide: guideContent,
  inspectionItem: inspectionContent,
  discretionBenchmark: benchmarkContent,
  exemption: exemptionContent,
} as const;

/** What the API accepts for each kind: the common fields and the kind's own. */
export const bodySchemas = {
  serviceGuide: z.strictObject({ ...commonFields, ...guideContent }),
  inspectionItem: z.strictObject({ ...commonFields, ...inspectionContent }),
  discretionBenchmark: z.strictObject({ ...commonFields, ...benchmarkContent }),
  exemption: z.strictObject({ ...commonFields, ...exemptionContent }),
} as const;

/** Creating names the agency when the user's scope holds more than one (a system administrator's). */
const agencyField = { agencyId: uuid.optional() };
export const createSchemas = {
  serviceGuide: bodySchemas.serviceGuide.extend(agencyField),
  inspectionItem: bodySchemas.inspectionItem.extend(agencyField),
  discretionBenchmark: bodySchemas.discretionBenchmark.extend(agencyField),
  exemption: bodySchemas.exemption.extend(agencyField),
} as const;

/** How stored content is read back: the kind's own fields, as saved. */
export const contentSchemas = {
  serviceGuide: z.object(guideContent),
  inspectionItem: z.object(inspectionContent),
  discretionBenchmark: z.object(benchmarkContent),
  exemption: z.object(exemptionContent),
} as const;

export type ListBody<K extends ListKind> = z.output<(typeof bodySchemas)[K]>;
export type ListContent<K extends ListKind> = z.output<(typeof contentSchemas)[K]>;
export type AnyListBody = ListBody<ListKind>;
export type AnyListContent = ListContent<ListKind>;

export interface KindInfo {
  /** The console API's path: /api/<path>. */
  path: string;
  /** 服务指南, as a noun in messages (“服务指南不存在”). */
  noun: string;
  /** The list as a whole, as the portal titles it. */
  listTitle: string;
  /** The portal's path. */
  portalPath: string;
}

export const kindInfo: Record<ListKind, KindInfo> = {
  serviceGuide: { path: 'service-guides', noun: '服务指南', listTitle: '服务指南', portalPath: '/guides' },
  inspectionItem: {
    path: 'inspection-items',
    noun: '随机抽查事项',
    listTitle: '随机抽查事项清单',
    portalPath: '/inspections',
  },
  discretionBenchmark: {
    path: 'discretion-benchmarks',
    noun: '裁量基准',
    listTitle: '行政处罚裁量基准',
    portalPath: '/benchmarks',
  },
  exemption: {
    path: 'exemptions',
    noun: '免罚清单事项',
    listTitle: '轻微违法行为免罚清单',
    portalPath: '/exemptions',
  },
};

/** Splits a body into the columns every kind has and the kind's own content. */
export function splitBody(kind: ListKind, body: AnyListBody) {
  const { title, enforcementItemId, basisArticleIds, changeNote, ...rest } = body;
  const content = { ...rest } as Record<string, unknown>;
  if (kind === 'exemption' && !content.exemptionBasis)
    content.exemptionBasis = exemptionKindBasis[content.exemptionKind as keyof typeof exemptionKindBasis];
  return { title, enforcementItemId, basisArticleIds, changeNote, content };
}

/** Every string of a JSON value, depth first. */
function strings(value: unknown, out: string[]) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out);
}

/**
 * The text the portal searches: the title, every text of the content and the
 * Chinese words of its enumerations (现场检查, 首违不罚, 较重…), so a search by
 * any published word finds the entry.
 */
export function searchText(kind: ListKind, title: string, content: Record<string, unknown>): string {
  const out = [title];
  strings(content, out);
  if (kind === 'inspectionItem')
    for (const method of (content.methods as string[] | undefined) ?? [])
      out.push(inspectionMethodLabels[method as keyof typeof inspectionMethodLabels] ?? method);
  if (kind === 'exemption')
    out.push(exemptionKindLabels[content.exemptionKind as keyof typeof exemptionKindLabels] ?? '');
  if (kind === 'discretionBenchmark')
    for (const c of (content.circumstances as { level: string }[] | undefined) ?? [])
      out.push(circumstanceLevelLabels[c.level as keyof typeof circumstanceLevelLabels] ?? c.level);
  return normaliseForSearch(out.join('\n')).slice(0, 100_000);
}

/** NFC, upper-case Latin letters, full-width ASCII folded: the form both sides of a search take. */
export function normaliseForSearch(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\p{Cc}\p{Cs}]/gu, ' ');
}
