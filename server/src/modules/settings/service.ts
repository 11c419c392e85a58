/**
 * The one accessor for jurisdiction settings, and the only way to change them.
 * Every change is a new version row with who, when and why; nothing is updated
 * in place, so the history is the table.
 */
import {
  AppError,
  changedSettingPaths,
  defaultJurisdictionSettings,
  type JurisdictionSettings,
  mergeOverDefaults,
  settingLabels,
  statuteRefusals,
  withinStatute,
} from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

const settingsLockKey = 7_001;

export async function currentSettings(db: Kysely<DB>): Promise<JurisdictionSettings> {
  const latest = await db
    .selectFrom('settings_version')
    .select('values')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  // A value stored before the statute's bounds were checked is read as the statute fixes it.
  return latest ? withinStatute(mergeOverDefaults(latest.values)) : defaultJurisdictionSettings;
}

export async function currentSettingsVersion(db: Kysely<DB>): Promise<number> {
  const latest = await db
    .selectFrom('settings_version')
    .select('version')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest?.version ?? 0;
}

export interface SettingsChange {
  settings: JurisdictionSettings;
  expectedVersion: number;
  note: string;
  changedBy: string;
  /** Whether the caller may change the security section (security administrator only). */
  maySetSecurity: boolean;
  /** Whether the caller may change the other sections (system administrator only). */
  maySetBusiness: boolean;
}

export async function changeSettings(db: Kysely<DB>, change: SettingsChange, now: Date) {
  // Serialise writers so two administrators cannot both build on the same version.
  await sql`SELECT pg_advisory_xact_lock(${settingsLockKey})`.execute(db);
  const version = await currentSettingsVersion(db);
  if (version !== change.expectedVersion) {
    throw new AppError('CONFLICT', `设置已被他人修改（当前版本 ${version}），请刷新后重试`, {
      field: 'body.expectedVersion',
    });
  }
  const before = await currentSettings(db);
  const changed = changedSettingPaths(before, change.settings);
  if (changed.length === 0)
    throw new AppError('VALIDATION_FAILED', '没有任何设置被修改', { field: 'body.settings' });
  const forbidden = changed.find((path) =>
    path.startsWith('security.') ? !change.maySetSecurity : !change.maySetBusiness,
  );
  if (forbidden) {
    const who = forbidden.startsWith('security.') ? '安全管理员' : '系统管理员';
    throw new AppError('FORBIDDEN', `只有${who}可以修改“${settingLabels[forbidden] ?? forbidden}”`, {
      field: `body.settings.${forbidden}`,
    });
  }
  const loosened = statuteRefusals(change.settings)[0];
  if (loosened)
    throw new AppError('RULE_VIOLATION', loosened.message, { field: `body.settings.${loosened.path}` });
  const row = await db
    .insertInto('settings_version')
    .values({
      values: JSON.stringify(change.settings),
      changed_by: change.changedBy,
      changed_at: now,
      note: change.note,
    })
    .returning(['version', 'changed_at'])
    .executeTakeFirstOrThrow();
  return { version: row.version, changedAt: row.changed_at, changed };
}

export async function settingsHistory(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('settings_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.values', 'v.changed_at', 'v.note', 'u.username', 'u.display_name'])
    .orderBy('v.version', 'asc')
    .execute();
  let previous = defaultJurisdictionSettings;
  const history = rows.map((row) => {
    const settings = mergeOverDefaults(row.values);
    const entry = {
      version: row.version,
      changedAt: row.changed_at,
      changedBy: row.username ? { username: row.username, displayName: row.display_name } : null,
      note: row.note,
      changes: changedSettingPaths(previous, settings).map((path) => ({
        path,
        from: valueAt(previous, path),
        to: valueAt(settings, path),
      })),
    };
    previous = settings;
    return entry;
  });
  return history.reverse();
}

function valueAt(settings: JurisdictionSettings, path: string): unknown {
  const [section, key] = path.split('.') as [keyof JurisdictionSettings, string];
  return (settings[section] as Record<string, unknown>)[key];
}
