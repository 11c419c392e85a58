/**
 * The demo jurisdiction: a province → city → county chain of transport
 * agencies, the county's 综合行政执法大队 with its squads and offices, and a
 * county justice bureau that supervises it. All names of people are invented.
 */
import {
  creditCodeCheckChar,
  defaultJurisdictionSettings,
  idNumberCheckChar,
  maskIdNumber,
  type Role,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { AgencyLevel, DB, PersonKind } from '../db/schema.js';
import { generatePassword, hashPassword } from '../modules/auth/passwords.js';
import { countUncountedClocks } from '../modules/cases/clocks.js';
import type { RenderDeps } from '../modules/documents/service.js';
import { seedDemoCases } from './cases.js';
import { seedDemoCertificates } from './certificates.js';
import { seedDemoLists } from './lists.js';
import { seedDemoPowerList } from './power-list.js';
import { seedDemoTraining } from './training.js';

interface DemoAgency {
  key: string;
  parent?: string;
  name: string;
  shortName: string;
  level: AgencyLevel;
  domain: string;
  regionCode: string;
  orgCode: string;
  /** The county bureau runs the demo deployment: it keeps the calendar, settings and law library (SEC-5). */
  ownsDeployment?: true;
}

// Region codes under 99, which GB/T 2260 leaves unassigned: no real place.
const agencies: DemoAgency[] = [
  {
    key: 'province',
    name: '示例省交通运输厅',
    shortName: '示交',
    level: 'province',
    domain: '交通运输',
    regionCode: '990000',
    orgCode: 'MB0000001',
  },
  {
    key: 'city',
    parent: 'province',
    name: '示例市交通运输局',
    shortName: '示市交',
    level: 'city',
    domain: '交通运输',
    regionCode: '990100',
    orgCode: 'MB0000002',
  },
  {
    key: 'county',
    parent: 'city',
    ownsDeployment: true,
    name: '示例县交通运输局',
    shortName: '示县交',
    level: 'county',
    domain: '交通运输',
    regionCode: '990121',
    orgCode: 'MB0000003',
  },
  {
    key: 'justice',
    name: '示例县司法局',
    shortName: '示县司',
    level: 'county',
    domain: '司法行政',
    regionCode: '990121',
    orgCode: 'MB0000004',
  },
];

const units: { key: string; parent?: string; name: string }[] = [
  { key: 'brigade', name: '综合行政执法大队' },
  { key: 'squad1', parent: 'brigade', name: '执法一中队' },
  { key: 'squad2', parent: 'brigade', name: '执法二中队' },
  { key: 'legal', name: '法制审核股' },
  { key: 'office', name: '办公室' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  agency: 'county' | 'justice';
  unit?: string;
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['system_admin'], agency: 'county', unit: 'office' },
  {
    username: 'secadmin',
    displayName: '安全管理员',
    roles: ['security_admin'],
    agency: 'county',
    unit: 'office',
  },
  {
    username: 'auditadmin',
    displayName: '审计管理员',
    roles: ['audit_admin'],
    agency: 'county',
    unit: 'office',
  },
  { username: 'officer1', displayName: '赵执法', roles: ['officer'], agency: 'county', unit: 'squad1' },
  { username: 'officer2', displayName: '钱执法', roles: ['officer'], agency: 'county', unit: 'squad1' },
  { username: 'auxiliary1', displayName: '孙辅助', roles: ['auxiliary'], agency: 'county', unit: 'squad1' },
  {
    username: 'unithead1',
    displayName: '李中队长',
    roles: ['unit_head', 'officer'],
    agency: 'county',
    unit: 'squad1',
  },
  {
    username: 'reviewer1',
    displayName: '周审核',
    roles: ['legal_reviewer'],
    agency: 'county',
    unit: 'legal',
  },
  {
    username: 'reviewer2',
    displayName: '吴审核',
    roles: ['legal_reviewer'],
    agency: 'county',
    unit: 'legal',
  },
  { username: 'head1', displayName: '郑局长', roles: ['agency_head'], agency: 'county' },
  { username: 'discloser1', displayName: '王公示', roles: ['discloser'], agency: 'county', unit: 'office' },
  { username: 'archivist1', displayName: '冯档案', roles: ['archivist'], agency: 'county', unit: 'office' },
  { username: 'supervisor1', displayName: '陈监督', roles: ['supervisor'], agency: 'justice' },
];

export const demoSettingsNote = '演示环境：暂不强制管理员启用双因素认证（生产部署请由安全管理员开启）';

export async function isSeeded(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('agency').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Loads the demo jurisdiction into an empty database. Returns the password the
 * demo users share (given, or generated here and shown to the operator once).
 */
function personKind(roles: readonly Role[]): PersonKind {
  if (roles.includes('officer')) return 'officer';
  if (roles.includes('auxiliary')) return 'auxiliary';
  if (roles.includes('legal_reviewer')) return 'reviewer';
  if (roles.includes('agency_head')) return 'head';
  return 'staff';
}

/** A synthetic 身份证号 in the unassigned region 990121, valid check character. */
function demoIdNumber(index: number): string {
  const first17 = `990121${1970 + index}0${(index % 9) + 1}1${index % 10}${String(index + 1).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * `deps` are the field cipher (ID numbers, signing keys) and the evidence store
 * the demo cases' recordings and documents are stored in.
 */
export async function seedDemo(
  db: Kysely<DB>,
  deps: RenderDeps,
  now: Date,
  password = generatePassword(),
): Promise<string> {
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(password)));
  await db.transaction().execute(async (trx) => {
    const agencyIds = new Map<string, string>();
    for (const a of agencies) {
      const first17 = `11${a.regionCode}${a.orgCode}`;
      const row = await trx
        .insertInto('agency')
        .values({
          parent_id: a.parent ? agencyIds.get(a.parent)! : null,
          name: a.name,
          short_name: a.shortName,
          level: a.level,
          domain: a.domain,
          credit_code: first17 + creditCodeCheckChar(first17),
          region_code: a.regionCode,
          owns_deployment: a.ownsDeployment ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      agencyIds.set(a.key, row.id);
    }
    await trx
      .insertInto('agency_supervision')
      .values({ supervisor_agency_id: agencyIds.get('justice')!, agency_id: agencyIds.get('county')! })
      .execute();
    const unitIds = new Map<string, string>();
    for (const u of units) {
      const row = await trx
        .insertInto('unit')
        .values({
          agency_id: agencyIds.get('county')!,
          parent_id: u.parent ? unitIds.get(u.parent)! : null,
          name: u.name,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(u.key, row.id);
    }
    const persons = await trx
      .insertInto('person')
      .values(
        demoUsers.map((u, i) => {
          const idNumber = demoIdNumber(i);
          return {
            agency_id: agencyIds.get(u.agency)!,
            unit_id: u.unit ? unitIds.get(u.unit)! : null,
            name: u.displayName,
            kind: personKind(u.roles),
            id_number_cipher: deps.cipher.encrypt(idNumber),
            id_number_digest: deps.cipher.digest(idNumber),
            id_number_masked: maskIdNumber(idNumber),
          };
        }),
      )
      .returning('id')
      .execute();
    await trx
      .insertInto('app_user')
      .values(
        demoUsers.map((u, i) => ({
          person_id: persons[i]!.id,
          agency_id: agencyIds.get(u.agency)!,
          unit_id: u.unit ? unitIds.get(u.unit)! : null,
          username: u.username,
          display_name: u.displayName,
          roles: u.roles,
          password_hash: hashes[i]!,
          password_changed_at: now,
        })),
      )
      .execute();
    await seedDemoCertificates(trx, deps.cipher, now, {
      county: agencyIds.get('county')!,
      units: unitIds,
      persons: new Map(demoUsers.map((u, i) => [u.username, persons[i]!.id])),
    });
    await seedDemoPowerList(trx, now, { county: agencyIds.get('county')!, units: unitIds });
    await seedDemoTraining(trx, now, {
      county: agencyIds.get('county')!,
      units: unitIds,
      persons: new Map(demoUsers.map((u, i) => [u.username, persons[i]!.id])),
    });
    await seedDemoLists(trx, now, { county: agencyIds.get('county')! });
    await seedDemoCases(trx, deps, now, {
      county: agencyIds.get('county')!,
      shortName: agencies.find((a) => a.key === 'county')!.shortName,
      persons: new Map(demoUsers.map((u, i) => [u.username, persons[i]!.id])),
    });
    // The demo's administrators share a printed password and have no authenticator
    // app yet; the relaxation is a visible settings version the security
    // administrator can revert.
    const settings = structuredClone(defaultJurisdictionSettings);
    settings.security.administratorTotpRequired = false;
    await trx
      .insertInto('settings_version')
      .values({ values: JSON.stringify(settings), changed_by: null, changed_at: now, note: demoSettingsNote })
      .execute();
    // The demo's cases were written directly: their clocks are counted under the final settings.
    await countUncountedClocks(trx, now);
  });
  return password;
}
