/**
 * 音像记录事项清单 (R5): an agency's own list of which steps of which process
 * need which kind of recording. Core's `stageRecordingRequirement` applies it:
 * a line overrides the definition's default (R4) except that nothing the
 * definition makes mandatory can be lowered — such a line is refused here, so
 * the list an agency reads is the list that is enforced.
 */
import {
  AppError,
  findStage,
  type ProcessKind,
  processDefinition,
  processKinds,
  type RecordingList,
  recordingKinds,
  recordingRequirements,
  stageIds,
  stageRecordingRequirement,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { text } from '../../http/fields.js';

/** The processes cases are handled in; licensing and expropriation have no cases yet. */
export const listedProcesses: readonly ProcessKind[] = [
  'penaltyGeneral',
  'penaltySimple',
  'seizure',
  'inspection',
];

export const recordingListEntry = z.strictObject({
  processKind: z.enum(processKinds),
  stage: z.enum(stageIds),
  requirement: z.enum(recordingRequirements),
  /** Kinds that satisfy the line; empty → the definition's kinds. */
  kinds: z.array(z.enum(recordingKinds)).max(recordingKinds.length),
  note: text(200, 0).optional(),
});
export type RecordingListEntry = z.infer<typeof recordingListEntry>;

const invalid = (index: number, field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { field: `body.entries.${index}.${field}` });

/** The list as it will be enforced, or a 422 naming the line at fault. */
export function checkedList(entries: readonly RecordingListEntry[]): RecordingListEntry[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const definition = processDefinition(entry.processKind);
    const stage = findStage(definition, entry.stage);
    if (!stage) throw invalid(index, 'stage', `${definition.title}没有该环节`);
    const key = `${entry.processKind}/${entry.stage}`;
    if (seen.has(key)) throw invalid(index, 'stage', `“${stage.label}”在清单中重复`);
    seen.add(key);
    if (stage.recording.requirement === 'mandatory' && entry.requirement !== 'mandatory')
      throw invalid(index, 'requirement', `“${stage.label}”依法应当全程音像记录（R4），清单不能降低要求`);
    if (new Set(entry.kinds).size !== entry.kinds.length) throw invalid(index, 'kinds', '记录方式重复');
    return { ...entry, kinds: [...entry.kinds] };
  });
}

export interface StoredRecordingList {
  version: number;
  entries: RecordingListEntry[];
  updatedAt: Date | null;
}

/** The lists of some agencies; an agency without one has version 0 and no lines. */
export async function loadRecordingLists(
  db: Kysely<DB>,
  agencyIds: readonly string[],
): Promise<Map<string, StoredRecordingList>> {
  const lists = new Map<string, StoredRecordingList>();
  for (const id of agencyIds) lists.set(id, { version: 0, entries: [], updatedAt: null });
  if (agencyIds.length === 0) return lists;
  const rows = await db
    .selectFrom('recording_list')
    .select(['agency_id', 'version', 'entries', 'updated_at'])
    .where('agency_id', 'in', [...new Set(agencyIds)])
    .execute();
  for (const row of rows)
    lists.set(row.agency_id, {
      version: row.version,
      entries: row.entries as RecordingListEntry[],
      updatedAt: new Date(row.updated_at),
    });
  return lists;
}

export const asRuleList = (entries: readonly RecordingListEntry[]): RecordingList =>
  entries.map(({ processKind, stage, requirement, kinds }) => ({ processKind, stage, requirement, kinds }));

/** Every stage of the listed processes: the definition's default, the agency's line, what applies. */
export function presentRecordingList(list: StoredRecordingList) {
  const rules = asRuleList(list.entries);
  return listedProcesses.map((kind) => {
    const definition = processDefinition(kind);
    return {
      processKind: kind,
      title: definition.title,
      stages: definition.stages.map((stage) => {
        const line = list.entries.find((e) => e.processKind === kind && e.stage === stage.id);
        const effective = stageRecordingRequirement(kind, stage.id, rules);
        return {
          stage: stage.id,
          label: stage.label,
          default: stage.recording,
          line: line ?? null,
          effective: { requirement: effective.requirement, kinds: effective.kinds, source: effective.source },
        };
      }),
    };
  });
}

/** Replaces the agency's list; 409 when someone saved a newer version first. */
export async function saveRecordingList(
  db: Kysely<DB>,
  input: {
    agencyId: string;
    expectedVersion: number;
    entries: RecordingListEntry[];
    userId: string;
    now: Date;
  },
): Promise<number> {
  const current = await db
    .selectFrom('recording_list')
    .select('version')
    .where('agency_id', '=', input.agencyId)
    .forUpdate()
    .executeTakeFirst();
  const version = current?.version ?? 0;
  const conflict = () =>
    new AppError('CONFLICT', `清单已被他人修改（当前为第 ${version} 版），请刷新后重试`, {
      field: 'body.expectedVersion',
    });
  if (version !== input.expectedVersion) throw conflict();
  const values = {
    entries: JSON.stringify(input.entries),
    version: version + 1,
    updated_by: input.userId,
    updated_at: input.now,
  };
  if (current)
    await db.updateTable('recording_list').set(values).where('agency_id', '=', input.agencyId).execute();
  else {
    // The first version: a concurrent first save inserts nothing here and is told to reload.
    const inserted = await db
      .insertInto('recording_list')
      .values({ agency_id: input.agencyId, ...values })
      .onConflict((oc) => oc.column('agency_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw conflict();
  }
  return version + 1;
}
