/**
 * The agency a request is about: the one it names (which must be in the user's
 * scope, else 404), or the user's own. For pages that show one agency at a time
 * (training ledger, reviewers, window boards, profile).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notFound, requireAgencyInScope } from './scope.js';
import type { CurrentUser } from './session.js';

export async function targetAgency(db: Kysely<DB>, user: CurrentUser, agencyId: string | undefined) {
  const id = agencyId ?? user.agencyId;
  await requireAgencyInScope(db, user, id, '执法主体');
  const agency = await db.selectFrom('agency').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!agency) throw notFound('执法主体');
  return agency;
}
