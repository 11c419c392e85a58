/**
 * Cases as the API shows them — the only way a case leaves the server: the
 * summary for lists, and the full case with its facts, team (with whether each
 * may count for N1 today), 笔录, evidence, running clocks, the moves out of the
 * current stage with what forbids each, and what the viewer may do.
 */
import {
  findStage,
  mayActAsCaseOfficer,
  processDefinition,
  type Refusal,
  type RuleContext,
  stageRecordingRequirement,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { mayTake } from '../../http/route.js';
import type { CurrentUser } from '../../http/session.js';
import { documentKinds } from '../documents/kinds.js';
import { mayDownload } from '../documents/service.js';
import { deadlinesOf } from './clocks.js';
import { producibleKinds } from './documents.js';
import type { CaseRow, CaseSummarySource, LoadedCase } from './facts.js';
import { caseItemOf } from './item.js';
import { presentParty } from './party.js';
import { steps } from './steps.js';
import { isBackMove, judgeMove } from './transitions.js';

const presentRefusal = (r: Refusal) => ({
  rule: r.rule,
  code: r.code,
  message: r.message,
  field: r.field ?? null,
  ...(r.details && { details: r.details }),
});

export function presentSummary(source: CaseSummarySource, rule: RuleContext) {
  const { row, lead } = source;
  const definition = processDefinition(row.process_kind);
  const deadlines = deadlinesOf(source, rule);
  return {
    id: row.id,
    caseNumber: row.case_number,
    title: row.title,
    processKind: row.process_kind,
    processTitle: definition.title,
    stage: row.stage,
    stageLabel: findStage(definition, row.stage)?.label ?? row.stage,
    stageOutcome: row.stage_outcome,
    party: { kind: row.party_kind, name: row.party_name },
    major: row.major,
    registeredOn: row.registered_on,
    lead,
    version: row.version,
    archivedAt: row.archived_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    overdue: deadlines.clocks.some((c) => c.overdue),
    warning: deadlines.clocks.some((c) => c.warning),
    nextDue: deadlines.clocks[0] ?? null,
  };
}

async function loadParts(db: Kysely<DB>, row: CaseRow) {
  const records = await db
    .selectFrom('case_record as r')
    .innerJoin('app_user as u', 'u.id', 'r.recorded_by')
    .select(['r.id', 'r.kind', 'r.stage', 'r.content', 'r.made_at', 'r.recorded_at', 'u.display_name'])
    .where('r.case_id', '=', row.id)
    .orderBy('r.made_at')
    .execute();
  const evidence = await db
    .selectFrom('case_evidence as c')
    .innerJoin('evidence as e', 'e.id', 'c.evidence_id')
    .innerJoin('app_user as u', 'u.id', 'c.linked_by')
    .select([
      'c.id',
      'c.evidence_id',
      'c.stage',
      'c.party_name',
      'c.recording_kind',
      'c.description',
      'c.linked_at',
      'e.media_type',
      'e.original_name',
      'e.size',
      'e.sha256',
      'e.captured_at',
      'u.display_name',
    ])
    .where('c.case_id', '=', row.id)
    .orderBy('c.linked_at')
    .execute();
  return { records, evidence };
}

/** The whole case for its page. */
export async function presentCase(db: Kysely<DB>, loaded: LoadedCase, user: CurrentUser, rule: RuleContext) {
  const { row, stored, team, facts } = loaded;
  const definition = processDefinition(row.process_kind);
  const stage = findStage(definition, row.stage);
  const { records, evidence } = await loadParts(db, row);
  const downloads = await mayDownload(db, user, {
    stream_id: `case:${row.id}`,
    created_by: null,
    signer_id: '',
  });
  const open = !row.archived_at;
  const moves = open
    ? (stage?.next ?? []).map((edge) => {
        // A move restricted to outcomes is judged as if its first outcome were recorded.
        const outcome = loaded.row.stage_outcome ?? edge.outcomes?.[0];
        const verdict = judgeMove(loaded, edge.to, outcome, rule);
        const outcomes = edge.outcomes ?? null;
        return {
          to: edge.to,
          label: verdict.label,
          // A move back (退回补充调查, 重新告知, 送法制审核) names its reason.
          back: isBackMove(row, edge.to),
          outcomes,
          action: verdict.action,
          mayAct: mayTake(user, verdict.action),
          allowed: verdict.refusals.length === 0,
          refusals: verdict.refusals.map(presentRefusal),
          lateness: verdict.lateness.map(presentRefusal),
        };
      })
    : [];
  const item = facts.item;
  return {
    ...presentSummary({ row, facts, lead: team.find((m) => m.role === 'lead')?.name ?? null }, rule),
    source: row.source,
    sourceNote: row.source_note,
    party: presentParty(row),
    enforcementItemId: row.enforcement_item_id,
    /** The violation's item: its fine by law and the articles it cites, each linked to its text. */
    item: await caseItemOf(db, row.enforcement_item_id, rule.today),
    scope: item ?? null,
    completedStages: row.completed_stages,
    stageOutcomes: stage?.outcomes ?? [],
    /** R4/R5: what recording this stage needs, by the agency's list or the definition. */
    stageRecording: stageRecordingRequirement(row.process_kind, row.stage, loaded.recordingList),
    facts: stored,
    officers: team.map((m) => ({
      personId: m.id,
      name: m.name,
      role: m.role,
      personKind: m.personKind,
      /** N1: may this person count as one of the two officers today? */
      qualification: item
        ? mayActAsCaseOfficer(m, item, rule.today)
        : { allowed: false, reason: 'noScope', message: '缺少执法事项', certificateNumber: null },
    })),
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      stage: r.stage,
      content: r.content,
      madeAt: r.made_at.toISOString(),
      recordedAt: r.recorded_at.toISOString(),
      recordedBy: r.display_name,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      evidenceId: e.evidence_id,
      stage: e.stage,
      partyName: e.party_name,
      recordingKind: e.recording_kind,
      description: e.description,
      mediaType: e.media_type,
      originalName: e.original_name,
      size: e.size,
      sha256: e.sha256,
      capturedAt: e.captured_at.toISOString(),
      linkedAt: e.linked_at.toISOString(),
      linkedBy: e.display_name,
      contentUrl: `/api/evidence/${e.evidence_id}/content`,
    })),
    deadlines: deadlinesOf(loaded, rule),
    /**
     * 执法文书 rendered on the case's stream, oldest first; `contentUrl` is null for a viewer who
     * may read but not download them (SEC-14: they name the party fully).
     */
    documents: loaded.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      number: d.number,
      signer: { id: d.signerId, name: d.signerName },
      signedAt: d.signedAt.toISOString(),
      contentUrl: downloads || d.signerId === user.id ? `/api/documents/${d.id}/content` : null,
    })),
    moves,
    actions: {
      handle: open && mayTake(user, 'case.handle'),
      assist: open && mayTake(user, 'case.assist'),
      approve: open && mayTake(user, 'case.approve'),
      review: open && mayTake(user, 'case.review'),
      /** Kinds of document the case's stages reached produce and the viewer may sign. */
      documents:
        open && user.agencyId === row.agency_id && mayTake(user, 'document.render')
          ? producibleKinds(loaded).filter((kind) =>
              (documentKinds[kind].signerRoles as readonly string[]).some((r) =>
                user.roles.includes(r as never),
              ),
            )
          : [],
      steps: open
        ? steps
            .filter(
              (s) =>
                (!s.processes || s.processes.includes(row.process_kind)) &&
                (!s.stages || s.stages.includes(row.stage)) &&
                (typeof s.access === 'string' ? [s.access] : s.access).some((a) => mayTake(user, a)) &&
                (!s.actorFor || mayTake(user, s.actorFor(row.process_kind))) &&
                (!s.offeredTo || s.offeredTo(loaded, user)),
            )
            .map((s) => s.name)
        : [],
    },
  };
}
