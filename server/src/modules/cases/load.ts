/** Loading a case the user may see, and presenting it after a change. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { caseScope, requireInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { ruleContext } from '../settings/rule-context.js';
import { loadCaseFacts } from './facts.js';
import { presentCase } from './presenter.js';

export { idParams } from './schema.js';

/** The case if it is in the user's scope, with everything the rules read. */
export async function loadOne(db: Kysely<DB>, user: CurrentUser, id: string) {
  const row = await db.selectFrom('enforcement_case').selectAll().where('id', '=', id).executeTakeFirst();
  await requireInScope(db, user, row, '案件', caseScope);
  return (await loadCaseFacts(db, [row!])).get(row!.id)!;
}

/** The case as its page shows it (after a change: read in the change's transaction). */
export async function presentAfter(db: Kysely<DB>, user: CurrentUser, id: string, now: Date) {
  return presentCase(db, await loadOne(db, user, id), user, await ruleContext(db, now));
}
