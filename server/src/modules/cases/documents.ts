/**
 * 执法文书 of a case (docs/decisions/0012, 0013): which kinds the case may
 * produce now (the stages it reached, per core's process definition) and the
 * file standard checked before 归档 (ARCHIVE). The fields filled from what the
 * case holds are in case-fields.ts; the console's plan is in document-plan.ts.
 */
import {
  AppError,
  type ArchiveFacts,
  checkArchiveComplete,
  type DocumentKindId,
  documentKindsPossible,
  documentKindTitles,
  findStage,
  missingDocuments,
  processDefinition,
  requiredDocuments,
  type StageId,
} from '@zhifa/core';
import type { LoadedCase } from './facts.js';

/** The stages a case has reached: completed ones and the current one. */
export const stagesReached = (loaded: LoadedCase): StageId[] => [
  ...loaded.row.completed_stages,
  loaded.row.stage,
];

/**
 * Kinds made only when the case records what they report (core's
 * `factDocumentKinds`, the two decisions of 决定, one per outcome, and the
 * release of a seizure): why the case may not produce one yet, or nothing.
 */
const factMissing: Partial<Record<DocumentKindId, (loaded: LoadedCase) => string | undefined>> = {
  penaltyDecision: ({ stored }) =>
    stored.decision?.outcome === 'penalty' ? undefined : '尚未记录给予行政处罚的决定',
  noPenaltyDecision: ({ stored }) =>
    stored.decision?.outcome === 'noPenalty' ? undefined : '尚未记录不予行政处罚的决定',
  seizureRelease: ({ stored }) =>
    stored.seizure?.disposalOutcome === 'release' ? undefined : '尚未记录解除查封扣押的处理决定',
  paymentPlanApproval: ({ stored }) =>
    stored.payment?.deferral || stored.payment?.instalments ? undefined : '尚未批准延期或分期缴纳罚款',
  majorFilingReport: ({ row, stored }) =>
    row.major && stored.decision?.outcome === 'penalty' ? undefined : '只有重大案件的行政处罚决定须备案',
};

/** Kinds the case may produce now: those of the stages reached whose facts are recorded. */
export const producibleKinds = (loaded: LoadedCase) =>
  documentKindsPossible(loaded.row.process_kind, stagesReached(loaded)).filter(
    (kind) => !factMissing[kind]?.(loaded),
  );

/** PROCESS: a kind no stage reached produces is refused, naming the stages that would. */
export function requireProducible(loaded: LoadedCase, kind: DocumentKindId): void {
  if (producibleKinds(loaded).includes(kind)) return;
  const missing = documentKindsPossible(loaded.row.process_kind, stagesReached(loaded)).includes(kind)
    ? factMissing[kind]?.(loaded)
    : undefined;
  if (missing)
    throw new AppError('RULE_VIOLATION', `${missing}，不制作${documentKindTitles[kind]}（PROCESS）`, {
      field: 'body.kind',
    });
  const definition = processDefinition(loaded.row.process_kind);
  const current = findStage(definition, loaded.row.stage)?.label ?? loaded.row.stage;
  throw new AppError(
    'RULE_VIOLATION',
    `案件处于“${current}”环节，${definition.title}已办理的环节不制作${documentKindTitles[kind]}（PROCESS）`,
    { field: 'body.kind' },
  );
}

/** What the file standard reads about the case. */
export function archiveFactsOf(loaded: LoadedCase): ArchiveFacts {
  const { row, stored } = loaded;
  const reached = stagesReached(loaded);
  const facts: ArchiveFacts = { processKind: row.process_kind, stagesReached: reached };
  if (stored.decision) facts.decisionOutcome = stored.decision.outcome;
  if (stored.hearing?.heldOn || reached.includes('hear')) facts.hearingHeld = true;
  if (stored.seizure?.extensions.some((e) => e.approved)) facts.seizureExtended = true;
  if (stored.seizure?.disposalOutcome) facts.disposalOutcome = stored.seizure.disposalOutcome;
  if (row.process_kind === 'inspection') {
    const outcome = row.stage === 'handle' ? row.stage_outcome : null;
    if (outcome) facts.inspectionOutcome = outcome;
  }
  return facts;
}

/** The archive check for the console: each required document, whether the file holds it, and which. */
export function archiveCheck(loaded: LoadedCase) {
  const required = requiredDocuments(archiveFactsOf(loaded));
  const missing = new Set(
    missingDocuments(
      required,
      loaded.documents.map((d) => d.kind),
    ),
  );
  const items = required.map((entry) => ({
    label: entry.label,
    anyOf: entry.anyOf,
    present: !missing.has(entry),
    documents: loaded.documents
      .filter((d) => entry.anyOf.includes(d.kind as DocumentKindId))
      .map((d) => ({ id: d.id, kind: d.kind, number: d.number })),
  }));
  return {
    complete: missing.size === 0,
    required: items,
    missing: items.filter((i) => !i.present).map((i) => i.label),
  };
}

/** ARCHIVE as a refusal for moves into 归档. */
export const archiveRefusal = (loaded: LoadedCase) =>
  checkArchiveComplete(
    archiveFactsOf(loaded),
    loaded.documents.map((d) => d.kind),
  );
