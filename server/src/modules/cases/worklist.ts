/**
 * 工作台 (issue 16): what waits for the signed-in user today. A case waits at its stage for whoever
 * may take the move onward (the definition's actors and approvers, moveAction) or, at a stage with
 * an approval chain, for the approver whose turn it is: the unit head's and the agency head's approvals, the agency head's decisions, the legal reviewers' reviews, the
 * archivist's files; an officer's own open cases. Beside them, the cases whose agency clocks are
 * near or past their limits, and for the disclosure officer what waits to be published. Counted
 * and listed in the database (the clock rows and the case indexes), earliest due first.
 */
import {
  type Action,
  addCalendarDays,
  approvalChains,
  type IsoDate,
  mayTake,
  type ProcessKind,
  processDefinitions,
  processKinds,
  type Role,
  type StageId,
} from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { defineRoute } from '../../http/route.js';
import { agencyScope, caseScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { ruleContext } from '../settings/rule-context.js';
import { type CaseRow, loadCaseSummaries } from './facts.js';
import { casesByEarliestClock, clockRows, onTeam, personOf } from './list.js';
import { presentSummary } from './presenter.js';
import { isBackMove, moveAction } from './transitions.js';

/** Cases listed per section; the total says how many wait. */
export const worklistShown = 20;
/** A clock due within this many calendar days is "near" (the console's warning colour). */
export const nearDays = 3;

type CaseSection = 'approve' | 'decide' | 'review' | 'archive' | 'handle';
const sectionOf: Record<Action & `case.${string}`, CaseSection | undefined> = {
  'case.approve': 'approve',
  'case.decide': 'decide',
  'case.review': 'review',
  'case.archive': 'archive',
  'case.handle': 'handle',
  'case.read': undefined,
  'case.assist': undefined,
};
export const sectionLabels: Record<CaseSection | 'limits', string> = {
  approve: '待我审批',
  decide: '待我决定',
  review: '待法制审核',
  archive: '待归档',
  handle: '我承办的案件',
  limits: '临近或超过期限',
};

/** For each section, the (process, stage) pairs whose onward move needs its action. */
const waitingStages: Record<CaseSection, [ProcessKind, StageId][]> = (() => {
  const out: Record<CaseSection, [ProcessKind, StageId][]> = {
    approve: [],
    decide: [],
    review: [],
    archive: [],
    handle: [],
  };
  for (const kind of processKinds)
    for (const stage of processDefinitions[kind].stages) {
      const row = { process_kind: kind, stage: stage.id };
      const onward = stage.next.find((t) => !isBackMove(row, t.to));
      if (!onward) continue;
      const section = sectionOf[moveAction(row, onward.to) as keyof typeof sectionOf];
      if (section) out[section].push([kind, stage.id]);
    }
  return out;
})();

/** `(process_kind, stage) IN (…)`: the cases standing at one of these stages. */
const atStages = (pairs: [ProcessKind, StageId][]) =>
  sql<boolean>`(c.process_kind, c.stage) IN (${sql.join(pairs.map(([kind, stage]) => sql`(${kind}, ${stage})`))})`;

/** The stages with an approval chain (立案, 结案: 承办机构负责人 → 机关负责人), each approver in turn. */
const approved = (stage: StageId, role: Role) =>
  sql<boolean>`coalesce(c.facts -> 'approvals', '[]'::jsonb) @> ${JSON.stringify([{ stage, role }])}::jsonb`;
const allOf = (conditions: ReturnType<typeof approved>[]) =>
  conditions.length ? sql<boolean>`(${sql.join(conditions, sql` AND `)})` : sql<boolean>`true`;
const anyOf = (conditions: ReturnType<typeof approved>[]) =>
  conditions.length ? sql<boolean>`(${sql.join(conditions, sql` OR `)})` : sql<boolean>`false`;

/** At a chain stage whose approvals are not all given: the move onward waits on the chain. */
const chainPending = anyOf(
  approvalChains.map(
    ({ kind, stage, approvers }) =>
      sql<boolean>`((c.process_kind, c.stage) = (${kind}, ${stage}) AND NOT ${allOf(approvers.map((r) => approved(stage, r)))})`,
  ),
);

/** At a chain stage where it is one of `roles`' turn: everyone before it approved, it has not. */
const chainTurnOf = (roles: readonly Role[]) =>
  anyOf(
    approvalChains.flatMap(({ kind, stage, approvers }) =>
      approvers
        .map((role, index) => ({ role, before: approvers.slice(0, index) }))
        .filter(({ role }) => roles.includes(role))
        .map(
          ({ role, before }) =>
            sql<boolean>`((c.process_kind, c.stage) = (${kind}, ${stage}) AND ${allOf(before.map((r) => approved(stage, r)))} AND NOT ${approved(stage, role)})`,
        ),
    ),
  );

/**
 * The cases waiting in `section` for `user`: at a stage whose onward move is the section's, with
 * its approval chain complete; for approvers, also the chain stages where it is their turn.
 */
const waitsIn = (section: CaseSection, user: CurrentUser) => {
  const onward = sql<boolean>`(${atStages(waitingStages[section])} AND NOT ${chainPending})`;
  return section === 'approve' ? sql<boolean>`(${onward} OR ${chainTurnOf(user.roles)})` : onward;
};

export interface WorklistSection {
  id: CaseSection | 'limits';
  label: string;
  total: number;
  /** Of the total, those that are the user's work today (not waiting on the party). */
  ready: number;
  rows: CaseRow[];
  /** Rows waiting on the party's period. */
  waitingOnParty: Set<string>;
}

/**
 * The open cases of `scope` waiting in one section (with `personId`, the cases on that person's
 * team): how many, how many of them are ready — not waiting on the party (a defence,
 * hearing-request or payment period still running), which is not anyone's work yet — and the first
 * `worklistShown`, ready ones first, each by its earliest running clock.
 */
async function waiting(
  db: Kysely<DB>,
  user: CurrentUser,
  scope: string[],
  section: CaseSection,
  personId: string | null,
  today: IsoDate,
): Promise<Omit<WorklistSection, 'id' | 'label'>> {
  let q = db
    .selectFrom('enforcement_case as c')
    .where('c.agency_id', 'in', scope)
    .where('c.archived_at', 'is', null)
    .where(waitsIn(section, user));
  if (personId !== null) q = q.where(onTeam(personId, 'c.id'));
  const onParty = sql<boolean>`EXISTS (SELECT 1 FROM case_clock k WHERE k.case_id = c.id AND k.owner = 'party' AND k.due_on >= ${today})`;
  const { total, ready } = await q
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      sql<number>`count(*) FILTER (WHERE NOT ${onParty})`.as('ready'),
    ])
    .executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('c')
    .select(onParty.as('waiting_on_party'))
    .orderBy(onParty)
    // The earliest running clock first; cases without one after, oldest change first.
    .orderBy(sql`(SELECT min(k.due_on) FROM case_clock k WHERE k.case_id = c.id AND NOT k.lapses)`, (ob) =>
      ob.asc().nullsLast(),
    )
    .orderBy('c.updated_at', 'asc')
    .limit(worklistShown)
    .execute();
  return {
    total: Number(total),
    ready: Number(ready),
    rows,
    waitingOnParty: new Set(rows.filter((r) => r.waiting_on_party).map((r) => r.id)),
  };
}

/**
 * Open cases whose agency clocks are past due or due within `nearDays`, and fines the party has not
 * paid by their due day — the agency's next act (催告, 加处罚款, 申请强制执行; N8). A party's other
 * periods running are nobody's work yet.
 */
async function nearLimits(
  db: Kysely<DB>,
  scope: string[],
  personId: string | null,
  today: IsoDate,
): Promise<{ total: number; rows: CaseRow[] }> {
  let clocks = clockRows(db)
    .where('k.agency_id', 'in', scope)
    .where((eb) =>
      eb.or([
        eb('k.owner', '=', 'agency'),
        eb.and([eb('k.clock', '=', 'payment'), eb('k.due_on', '<', today)]),
      ]),
    )
    .where('k.paused', '=', false)
    .where('k.due_on', '<=', addCalendarDays(today, nearDays));
  if (personId !== null) clocks = clocks.where(onTeam(personId, 'k.case_id'));
  return casesByEarliestClock(db, clocks, worklistShown);
}

/** The sections of the user's worklist: one per case action the user may take, then the limits. */
export async function worklistSections(
  db: Kysely<DB>,
  user: CurrentUser,
  today: IsoDate,
): Promise<WorklistSection[]> {
  if (!mayTake(user, 'case.read')) return [];
  const scope = await caseScope(db, user);
  const personId = await personOf(db, user);
  const sections: WorklistSection[] = [];
  for (const [action, section] of Object.entries(sectionOf) as [Action, CaseSection | undefined][]) {
    if (!section || !mayTake(user, action)) continue;
    // Handling is the team's; approving, deciding, reviewing and archiving are the agency's.
    const mine = section === 'handle';
    if (mine && personId === null) continue;
    const found = await waiting(db, user, scope, section, mine ? personId : null, today);
    sections.push({ id: section, label: sectionLabels[section], ...found });
  }
  // Heads and supervisors watch the whole agency's limits; everyone else their own cases'.
  const wide =
    ['case.approve', 'case.decide'].some((a) => mayTake(user, a as Action)) ||
    user.roles.includes('supervisor');
  if (wide || personId !== null) {
    const found = await nearLimits(db, scope, wide ? null : personId, today);
    sections.push({
      id: 'limits',
      label: sectionLabels.limits,
      ...found,
      ready: found.total,
      waitingOnParty: new Set(),
    });
  }
  return sections;
}

/** For the disclosure officer: publications submitted and waiting, by kind of subject (P1). */
export async function waitingPublications(db: Kysely<DB>, user: CurrentUser) {
  if (!mayTake(user, 'publication.publish')) return [];
  return db
    .selectFrom('publication')
    .select(['subject_kind as kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('agency_id', 'in', await agencyScope(db, user))
    .where('state', '=', 'submitted')
    .groupBy('subject_kind')
    .orderBy('subject_kind')
    .execute();
}

export const worklistRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/me/worklist',
    access: 'signedIn',
    summary:
      '工作台待办：待审批、待决定、待法制审核、待归档、我承办的案件、临近或超过期限、待发布（各列最早到期的 20 件及总数）',
    handler: async ({ db, user, app }) => {
      const rule = await ruleContext(db, app.clock());
      const sections = await worklistSections(db, user, rule.today);
      const summaries = await loadCaseSummaries(
        db,
        sections.flatMap((s) => s.rows),
      );
      const byId = new Map(summaries.map((source) => [source.row.id, source]));
      return {
        today: rule.today,
        sections: sections.map(({ rows, waitingOnParty, ...section }) => ({
          ...section,
          items: rows.map((row) => ({
            ...presentSummary(byId.get(row.id)!, rule),
            waitingOnParty: waitingOnParty.has(row.id),
          })),
        })),
        publications: await waitingPublications(db, user),
      };
    },
  }),
];
