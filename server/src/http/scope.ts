/**
 * The one agency-scope filter. Most users see their own agency; the system
 * administrator also the agencies below it (whose accounts they administer);
 * supervisors the agencies their agency supervises and the subtrees below. A
 * record outside the scope answers 404, never 403: its existence must not leak.
 */
import { AppError } from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { UserIdentity } from './session.js';

export async function agencyScope(
  db: Kysely<DB>,
  user: Pick<UserIdentity, 'agencyId' | 'roles'>,
): Promise<string[]> {
  const supervises = user.roles.includes('supervisor');
  if (!supervises && !user.roles.includes('system_admin')) return [user.agencyId];
  const supervised = supervises
    ? sql`UNION SELECT agency_id FROM agency_supervision WHERE supervisor_agency_id = ${user.agencyId}::uuid`
    : sql``;
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE visible(id) AS (
      SELECT ${user.agencyId}::uuid
      ${supervised}
      UNION SELECT a.id FROM agency a JOIN visible v ON a.parent_id = v.id
    )
    SELECT id FROM visible`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * The agencies whose case work (cases, their evidence and documents) the user may see:
 * the own agency, and for supervisors the supervised ones. The system administrator's
 * subtree is for account administration only (SEC-4): holding another role besides does
 * not open the cases below.
 */
export function caseScope(db: Kysely<DB>, user: Pick<UserIdentity, 'agencyId' | 'roles'>): Promise<string[]> {
  return agencyScope(db, { agencyId: user.agencyId, roles: user.roles.filter((r) => r !== 'system_admin') });
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what}不存在`);
}

/**
 * Answers like NOT_FOUND, so nothing leaks, but marks an attempt to reach
 * another agency's record: the route layer writes it to the security audit trail.
 */
export class OutOfScopeError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what}不存在`);
  }
}

type Scope = typeof agencyScope;

export async function requireAgencyInScope(
  db: Kysely<DB>,
  user: UserIdentity,
  agencyId: string,
  what: string,
  scope: Scope = agencyScope,
): Promise<void> {
  if (!(await scope(db, user)).includes(agencyId)) throw new OutOfScopeError(what);
}

/** Throws NOT_FOUND unless the record exists and its agency is in the user's scope (`caseScope` for case work). */
export async function requireInScope<T extends { agency_id: string }>(
  db: Kysely<DB>,
  user: UserIdentity,
  record: T | undefined,
  what: string,
  scope: Scope = agencyScope,
): Promise<T> {
  if (!record) throw notFound(what);
  await requireAgencyInScope(db, user, record.agency_id, what, scope);
  return record;
}
