/**
 * The rule context every rule reads besides the case: the jurisdiction settings, the working-day
 * calendar and today. Settings and calendar are kept per process between requests behind one
 * version number that triggers bump on every change to them (migration 0018, issue 21).
 */
import {
  type JurisdictionSettings,
  type RuleContext,
  shanghaiDateOf,
  type WorkingDayCalendar,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { loadCalendar } from '../calendar/service.js';
import { currentSettings } from './service.js';

export async function ruleContext(db: Kysely<DB>, now: Date): Promise<RuleContext> {
  const { settings, calendar } = await ruleData(db);
  return {
    settings,
    calendar,
    today: shanghaiDateOf(now),
    options: { defenceDays: settings.penalty.defenceDays },
  };
}

interface RuleData {
  version: string;
  settings: JurisdictionSettings;
  calendar: WorkingDayCalendar;
}

/** The last rule data each database handle loaded outside a transaction, by the version it was read at. */
const keptRuleData = new WeakMap<Kysely<DB>, RuleData>();

/**
 * The settings and the calendar, kept between requests while their version (bumped by triggers,
 * migration 0018) stands. The version is read first: data read after it is at least as new, so a
 * change committed in between costs a reload, never a stale rule. A transaction reads its own.
 */
async function ruleData(db: Kysely<DB>): Promise<RuleData> {
  const { version } = await db.selectFrom('rule_data_version').select('version').executeTakeFirstOrThrow();
  const kept = db.isTransaction ? undefined : keptRuleData.get(db);
  if (kept?.version === version) return kept;
  const [settings, calendar] = await Promise.all([currentSettings(db), loadCalendar(db)]);
  const data = { version, settings, calendar };
  if (!db.isTransaction) keptRuleData.set(db, data);
  return data;
}
