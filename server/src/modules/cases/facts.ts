/**
 * Assembles core's CaseFacts from the case's rows: the stored fact sections,
 * the officers with their certificates (the certificate rule's inputs), the
 * recordings linked from the evidence store, and the item's scope (category and
 * region). The rule context (settings, calendar, today) is settings/rule-context.ts.
 */
import {
  type CaseFacts,
  type CaseOfficerCandidate,
  type EnforcementItemScope,
  type Investigator,
  type IsoDate,
  type JurisdictionSettings,
  type LeadTimes,
  type LinkedRecording,
  type PartyHeld,
  shanghaiDateOf,
} from '@zhifa/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { CaseOfficerRole, DB, EnforcementCaseTable, PersonKind } from '../../db/schema.js';
import { asRuleList, loadRecordingLists } from '../recording-lists/service.js';
import { type StoredFacts, storedFactsSchema } from './schema.js';

export type CaseRow = Selectable<EnforcementCaseTable>;

export interface TeamMember extends Investigator {
  role: CaseOfficerRole;
  personKind: PersonKind;
}

/** Deadline warnings from the settings (core's clocks take them as a parameter). */
export function leadTimes(settings: JurisdictionSettings): LeadTimes {
  const w = settings.deadlineWarnings;
  return {
    caseTimeLimit: w.caseTimeLimitDays,
    defence: w.partyPeriodDays,
    hearingRequest: w.partyPeriodDays,
    hearingNotice: w.agencyDutyDays,
    service: w.agencyDutyDays,
    payment: w.paymentDays,
    seizure: w.seizureDays,
    majorFiling: w.agencyDutyDays,
  };
}

/** Which of the details art. 59(一) needs the case holds (each stored encrypted, with a masked copy). */
export const partyHeld = (row: CaseRow): PartyHeld => ({
  idNumber: row.party_id_number_masked !== null,
  address: row.party_address_masked !== null,
  phone: row.party_phone_masked !== null,
  representative: row.party_representative !== null,
});

/**
 * Validated stored facts, kept per database handle by case and version: a case's facts change only
 * with its version (saveCase), and validating every row of every list on every read was a quarter
 * of a list's CPU (BENCHMARKS.md, issue 21). Frozen, so no caller can change what another reads.
 */
const validatedFacts = new WeakMap<Kysely<DB>, LRUCache<string, StoredFacts>>();

export function storedFactsOf(db: Kysely<DB>, row: Pick<CaseRow, 'id' | 'version' | 'facts'>): StoredFacts {
  let kept = validatedFacts.get(db);
  if (!kept) {
    kept = new LRUCache({ max: 20_000 });
    validatedFacts.set(db, kept);
  }
  const key = `${row.id}:${row.version}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const raw = typeof row.facts === 'string' ? JSON.parse(row.facts) : row.facts;
  const facts = deepFreeze(storedFactsSchema.parse(raw ?? {}));
  kept.set(key, facts);
  return facts;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The officers of cases, each with every certificate they hold: what N1 reads. */
export async function loadTeams(db: Kysely<DB>, caseIds: readonly string[]) {
  const teams = new Map<string, TeamMember[]>();
  if (caseIds.length === 0) return teams;
  const members = await db
    .selectFrom('case_officer as o')
    .innerJoin('person as p', 'p.id', 'o.person_id')
    .select(['o.case_id', 'o.person_id', 'o.role', 'p.name', 'p.kind', 'p.active', 'p.left_enforcement_on'])
    .where('o.case_id', 'in', caseIds)
    .orderBy('o.assigned_at')
    .orderBy('p.name')
    .execute();
  const personIds = [...new Set(members.map((m) => m.person_id))];
  const certificates =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('certificate')
          .select([
            'person_id',
            'number',
            'categories',
            'region_code',
            'state',
            'revocation_kind',
            'valid_from',
            'valid_to',
            'annual_check_due',
          ])
          .where('person_id', 'in', personIds)
          .execute();
  const held = new Map<string, CaseOfficerCandidate['certificates'][number][]>();
  for (const c of certificates) {
    const list = held.get(c.person_id) ?? [];
    list.push({
      number: c.number,
      categories: c.categories,
      regionCode: c.region_code,
      state: c.state,
      revocationKind: c.revocation_kind,
      validFrom: c.valid_from,
      validTo: c.valid_to,
      annualCheckDue: c.annual_check_due,
    });
    held.set(c.person_id, list);
  }
  const rank: Record<CaseOfficerRole, number> = { lead: 0, assisting: 1, assistant: 2 };
  for (const m of members) {
    const list = teams.get(m.case_id) ?? [];
    list.push({
      id: m.person_id,
      name: m.name,
      role: m.role,
      personKind: m.kind,
      kind: m.kind,
      active: m.active && m.left_enforcement_on === null,
      certificates: held.get(m.person_id) ?? [],
    });
    teams.set(m.case_id, list);
  }
  for (const list of teams.values()) list.sort((a, b) => rank[a.role] - rank[b.role]);
  return teams;
}

export async function loadRecordings(db: Kysely<DB>, caseIds: readonly string[]) {
  const recordings = new Map<string, LinkedRecording[]>();
  if (caseIds.length === 0) return recordings;
  const rows = await db
    .selectFrom('case_evidence')
    .select(['case_id', 'evidence_id', 'stage', 'recording_kind'])
    .where('case_id', 'in', caseIds)
    .where('recording_kind', 'is not', null)
    .execute();
  for (const r of rows) {
    const list = recordings.get(r.case_id) ?? [];
    list.push({ id: r.evidence_id, stage: r.stage, kind: r.recording_kind! });
    recordings.set(r.case_id, list);
  }
  return recordings;
}

/**
 * The scope the certificates must cover: the item's category (its latest
 * version), or the agency's domain when no item is linked; the agency's region.
 */
export async function loadScopes(db: Kysely<DB>, rows: readonly CaseRow[]) {
  const scopes = new Map<string, EnforcementItemScope>();
  if (rows.length === 0) return scopes;
  const agencies = await db
    .selectFrom('agency')
    .select(['id', 'domain', 'region_code'])
    .where('id', 'in', [...new Set(rows.map((r) => r.agency_id))])
    .execute();
  const itemIds = [...new Set(rows.flatMap((r) => (r.enforcement_item_id ? [r.enforcement_item_id] : [])))];
  const items =
    itemIds.length === 0
      ? []
      : await db
          .selectFrom('enforcement_item as i')
          .innerJoin('enforcement_item_version as v', (join) =>
            join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.latest_version'),
          )
          .select(['i.id', 'v.category'])
          .where('i.id', 'in', itemIds)
          .execute();
  for (const row of rows) {
    const agency = agencies.find((a) => a.id === row.agency_id)!;
    const item = items.find((i) => i.id === row.enforcement_item_id);
    scopes.set(row.id, { category: item?.category ?? agency.domain, regionCode: agency.region_code });
  }
  return scopes;
}

export function assembleFacts(
  row: CaseRow,
  stored: StoredFacts,
  team: readonly TeamMember[],
  recordings: readonly LinkedRecording[],
  item: EnforcementItemScope | undefined,
): CaseFacts {
  const facts: CaseFacts = {
    processKind: row.process_kind,
    currentStage: row.stage,
    completedStages: row.completed_stages,
    party: {
      kind: row.party_kind,
      held: partyHeld(row),
    },
    investigators: team.map(({ role: _role, personKind: _kind, ...person }) => person),
    recordings,
    major: row.major,
    complexOrMajor: stored.complexOrMajor === true,
  };
  if (row.stage_outcome !== null) facts.currentOutcome = row.stage_outcome;
  if (item) facts.item = item;
  if (row.registered_on) facts.registeredOn = row.registered_on;
  const { seizure, seizureApproval, payment, legalReview, service, majorFiling, executionEnded, ...rest } =
    stored;
  Object.assign(facts, rest);
  if (majorFiling) facts.majorFiledOn = majorFiling.filedOn;
  if (executionEnded)
    facts.executionEnded = { endedOn: executionEnded.endedOn, reason: executionEnded.reason };
  if (service) facts.service = { servedOn: service.servedOn };
  if (legalReview) {
    const { reviewerName: _n, opinion: _o, ...review } = legalReview;
    facts.legalReview = review;
  }
  // Only approved plans are stored (the step is the agency head's approval, N8).
  if (payment)
    facts.payment = {
      fineFen: payment.fineFen,
      payments: payment.payments,
      ...(payment.deferral && { deferral: { approved: true, until: payment.deferral.until } }),
      ...(payment.instalments && { instalments: { approved: true, parts: payment.instalments.parts } }),
    };
  if (seizure)
    facts.seizure = {
      approval: seizureApproval
        ? { approved: true, approvedOn: seizureApproval.approvedOn, emergency: seizureApproval.emergency }
        : { approved: false, emergency: seizure.emergency },
      decidedOn: seizure.decidedOn,
      termDays: seizure.termDays,
      extensions: seizure.extensions,
      ...(seizure.disposedOn && { disposedOn: seizure.disposedOn }),
    };
  return facts;
}

export interface CaseDocument {
  id: string;
  kind: string;
  title: string;
  number: string | null;
  signerId: string;
  signerName: string;
  signedAt: Date;
}

/** The documents rendered on the cases' streams (case:<id>), oldest first: the file standard reads them. */
export async function loadDocuments(db: Kysely<DB>, caseIds: readonly string[]) {
  const documents = new Map<string, CaseDocument[]>();
  if (caseIds.length === 0) return documents;
  // In the order they were recorded on the stream (several may share a time).
  const rows = await db
    .selectFrom('document as d')
    .innerJoin('ledger_event as e', (join) =>
      join
        .onRef('e.stream_id', '=', 'd.stream_id')
        .on('e.kind', '=', 'document.rendered')
        .on(sql`e.payload->>'documentId'`, '=', sql`d.id::text`),
    )
    .select([
      'd.id',
      'd.stream_id',
      'd.kind',
      'd.title',
      'd.number',
      'd.signer_id',
      'd.signer_name',
      'd.signed_at',
    ])
    .where(
      'd.stream_id',
      'in',
      caseIds.map((id) => `case:${id}`),
    )
    .orderBy('e.stream_id')
    .orderBy('e.seq')
    .execute();
  for (const r of rows) {
    const caseId = r.stream_id.slice('case:'.length);
    const list = documents.get(caseId) ?? [];
    list.push({
      id: r.id,
      kind: r.kind,
      title: r.title,
      number: r.number,
      signerId: r.signer_id,
      signerName: r.signer_name,
      signedAt: r.signed_at,
    });
    documents.set(caseId, list);
  }
  return documents;
}

/** Everything the rules need about some cases, in a few queries. */
export async function loadCaseFacts(db: Kysely<DB>, rows: readonly CaseRow[]) {
  const ids = rows.map((r) => r.id);
  // One after another: PGlite has one connection.
  const teams = await loadTeams(db, ids);
  const recordings = await loadRecordings(db, ids);
  const scopes = await loadScopes(db, rows);
  const documents = await loadDocuments(db, ids);
  const lists = await loadRecordingLists(
    db,
    rows.map((r) => r.agency_id),
  );
  return new Map(
    rows.map((row) => {
      const stored = storedFactsOf(db, row);
      const team = teams.get(row.id) ?? [];
      const facts = assembleFacts(row, stored, team, recordings.get(row.id) ?? [], scopes.get(row.id));
      /** R5: the agency's 音像记录事项清单, applied by every recording check. */
      const recordingList = asRuleList(lists.get(row.agency_id)?.entries ?? []);
      return [
        row.id,
        { row, stored, team, facts, recordingList, documents: documents.get(row.id) ?? [] },
      ] as const;
    }),
  );
}

/**
 * The facts a case's clocks count from: the stored facts and the case row alone. The team's
 * certificates, the recordings and the scope, which the full load reads for the case page's
 * rules, do not move a deadline.
 */
export const clockFactsOf = (db: Kysely<DB>, row: CaseRow): CaseFacts =>
  assembleFacts(row, storedFactsOf(db, row), [], [], undefined);

/** What a row of a list shows: the facts its clocks count from, and its lead's name. */
export interface CaseSummarySource {
  row: CaseRow;
  facts: CaseFacts;
  lead: string | null;
}

/** The list's load, one query beside the rows: the clock facts, and the lead's name. */
export async function loadCaseSummaries(
  db: Kysely<DB>,
  rows: readonly CaseRow[],
): Promise<CaseSummarySource[]> {
  const leads = rows.length
    ? await db
        .selectFrom('case_officer as o')
        .innerJoin('person as p', 'p.id', 'o.person_id')
        .select(['o.case_id', 'p.name'])
        .where(
          'o.case_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('o.role', '=', 'lead')
        .execute()
    : [];
  const leadOf = new Map(leads.map((l) => [l.case_id, l.name]));
  return rows.map((row) => ({
    row,
    facts: clockFactsOf(db, row),
    lead: leadOf.get(row.id) ?? null,
  }));
}

export type LoadedCase = NonNullable<ReturnType<Awaited<ReturnType<typeof loadCaseFacts>>['get']>>;

export const todayOf = (now: Date): IsoDate => shanghaiDateOf(now);
