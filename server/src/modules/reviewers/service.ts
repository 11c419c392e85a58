/**
 * 法制审核人员 (L2): the register of each agency's legal reviewers and the size
 * of the review body against its officers. A reviewer counts while their entry
 * has not ended (ended_on after today, or none) and the person is active;
 * officers are the agency's 执法人员 in post (the same people the training
 * requirement applies to).
 */
import {
  type IsoDate,
  type JurisdictionSettings,
  type ReviewerMembership,
  reviewerCapacity,
  reviewerMembershipLabels,
} from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

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
