/**
 * 法制审核人员 (L2): the register of each agency's legal reviewers and the size
 * of the review body against its officers. A reviewer counts while their entry
 * has not ended (ended_on after today, or none) and the person is active;
 * officers are the agency's 执法人员 in post (the same people the training
 * requirement applies to).
 */
import {
  AppError,
  type IsoDate,
  type JurisdictionSettings,
  type ReviewerMembership,
  reviewerCapacity,
  reviewerMembershipLabels,
} from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB, PersonKind } from '../../db/schema.js';
import type { Recorder } from '../publication/service.js';

export async function loadReviewers(db: Kysely<DB>, agencyIds: string[], ids?: string[]) {
  if (agencyIds.length === 0 || ids?.length === 0) return [];
  let query = db
    .selectFrom('reviewer_register as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .innerJoin('agency as a', 'a.id', 'r.agency_id')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .select([
      'r.id',
      'r.agency_id',
      'a.name as agency_name',
      'r.person_id',
      'p.name',
      'p.kind',
      'p.position',
      'p.active',
      'n.name as unit_name',
      'r.membership',
      'r.qualification',
      'r.appointed_on',
      'r.ended_on',
    ])
    .where('r.agency_id', 'in', agencyIds)
    .orderBy('a.name')
    .orderBy('n.name')
    .orderBy('p.name');
  if (ids) query = query.where('r.id', 'in', ids);
  return query.execute();
}

export type ReviewerRow = Awaited<ReturnType<typeof loadReviewers>>[number];

/** Whether the entry counts on `today`: not ended, and the person still active. */
export const servesOn = (row: Pick<ReviewerRow, 'ended_on' | 'active'>, today: IsoDate) =>
  row.active && (row.ended_on === null || row.ended_on > today);

export function presentReviewer(row: ReviewerRow, today: IsoDate, edit: boolean) {
  return {
    id: row.id,
    agency: { id: row.agency_id, name: row.agency_name },
    person: { id: row.person_id, name: row.name, kind: row.kind, position: row.position, active: row.active },
    unit: row.unit_name,
    membership: row.membership,
    membershipLabel: reviewerMembershipLabels[row.membership],
    qualification: row.qualification,
    appointedOn: row.appointed_on,
    endedOn: row.ended_on,
    serving: servesOn(row, today),
    actions: { edit },
  };
}

/** L2 for each agency: officers in post, reviewers serving today, and the rule's verdict. */
export async function capacityOf(
  db: Kysely<DB>,
  agencyIds: string[],
  today: IsoDate,
  settings: JurisdictionSettings,
) {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('agency as a')
    .select([
      'a.id',
      'a.name',
      sql<number>`(SELECT count(*) FROM person p WHERE p.agency_id = a.id AND p.kind = 'officer'
        AND p.active AND p.left_enforcement_on IS NULL)::int`.as('officers'),
      sql<number>`(SELECT count(*) FROM reviewer_register r JOIN person p ON p.id = r.person_id
        WHERE r.agency_id = a.id AND p.active AND (r.ended_on IS NULL OR r.ended_on > ${today}::date))::int`.as(
        'reviewers',
      ),
    ])
    .where('a.id', 'in', agencyIds)
    .orderBy('a.region_code')
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({
    agency: { id: r.id, name: r.name },
    ...reviewerCapacity(r.officers, r.reviewers, settings.legalReview),
  }));
}

export interface ReviewerInput {
  membership: ReviewerMembership;
  qualification: string;
  appointedOn: IsoDate;
}

/** A change to an entry: the fields given are set, `null` clears the end date. */
export interface ReviewerChange {
  membership?: ReviewerMembership;
  qualification?: string;
  endedOn?: IsoDate | null;
}

interface Candidate {
  id: string;
  agency_id: string;
  kind: PersonKind;
  active: boolean;
}

interface Entry {
  id: string;
  agency_id: string;
  person_id: string;
  appointed_on: string;
}

/**
 * Whether the person may join the register (an import runs this on every row
 * before writing; registration runs it again): no auxiliary, nobody out of
 * post, nobody twice. Throws the first problem.
 */
export async function checkRegistration(db: Kysely<DB>, person: Candidate) {
  if (person.kind === 'auxiliary')
    throw new AppError('RULE_VIOLATION', '执法辅助人员不能担任法制审核人员', { field: 'body.personId' });
  if (!person.active)
    throw new AppError('RULE_VIOLATION', '该人员已不在职，不能登记为法制审核人员', {
      field: 'body.personId',
    });
  const taken = await db
    .selectFrom('reviewer_register')
    .select('id')
    .where('person_id', '=', person.id)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', '该人员已在法制审核人员名单中', { field: 'body.personId' });
}

export async function registerReviewer(
  db: Kysely<DB>,
  record: Recorder,
  person: Candidate,
  input: ReviewerInput,
): Promise<string> {
  await checkRegistration(db, person);
  const row = await db
    .insertInto('reviewer_register')
    .values({
      agency_id: person.agency_id,
      person_id: person.id,
      membership: input.membership,
      qualification: input.qualification,
      appointed_on: input.appointedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await record({
    streamId: `person:${person.id}`,
    agencyId: person.agency_id,
    kind: 'reviewer.registered',
    payload: {
      membership: input.membership,
      qualification: input.qualification,
      appointedOn: input.appointedOn,
    },
  });
  return row.id;
}

/** Whether the change may be made to the entry; throws the first problem. */
export function checkChange(entry: Pick<Entry, 'appointed_on'>, change: ReviewerChange) {
  if (change.endedOn && change.endedOn < entry.appointed_on)
    throw new AppError('VALIDATION_FAILED', '结束日期不能早于任职日期', { field: 'body.endedOn' });
  if (Object.values(change).every((value) => value === undefined))
    throw new AppError('VALIDATION_FAILED', '没有要修改的字段', { field: 'body' });
}

export async function changeReviewer(db: Kysely<DB>, record: Recorder, entry: Entry, change: ReviewerChange) {
  checkChange(entry, change);
  const set = {
    ...(change.membership !== undefined && { membership: change.membership }),
    ...(change.qualification !== undefined && { qualification: change.qualification }),
    ...(change.endedOn !== undefined && { ended_on: change.endedOn }),
  };
  await db.updateTable('reviewer_register').set(set).where('id', '=', entry.id).execute();
  await record({
    streamId: `person:${entry.person_id}`,
    agencyId: entry.agency_id,
    kind: 'reviewer.updated',
    payload: { change: { ...change } },
  });
}

/** The public list (P7): who serves today, with unit, position and qualification — never an ID number. */
export async function publishedReviewers(db: Kysely<DB>, agencyId: string, today: IsoDate) {
  const rows = await loadReviewers(db, [agencyId]);
  return rows
    .filter((r) => servesOn(r, today))
    .map((r) => ({
      name: r.name,
      unit: r.unit_name,
      position: r.position,
      membership: reviewerMembershipLabels[r.membership],
      qualification: r.qualification,
    }));
}

export type PublishedReviewer = Awaited<ReturnType<typeof publishedReviewers>>[number];
