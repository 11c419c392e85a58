/**
 * Demo 行政执法证件 and auxiliaries for the county's 综合行政执法大队: the demo
 * officers with logins, twenty generated officers without logins (person and
 * certificate rows only — no password hashes, so seeding stays fast), and a
 * few auxiliaries in the register. Names are generated from common characters;
 * ID numbers are synthetic, in the unassigned region 990121.
 *
 * Dates are relative to the seeding day, so the demo always shows: mostly
 * valid certificates, one expiring within 30 days, one suspended, one revoked,
 * one whose annual check is overdue.
 */
import {
  addCalendarDays,
  addYears,
  type IsoDate,
  idNumberCheckChar,
  maskIdNumber,
  shanghaiDateOf,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { CertificateEventKind, DB } from '../db/schema.js';

export const demoRegion = { code: '990121', name: '示例县' };
export const demoIssuingAuthority = '示例县人民政府';

const surnames = '马胡郭何高林罗梁宋唐许韩邓曹彭曾肖田董袁潘蒋蔡余杜叶程';
const givenNames = '建国志明海军伟华平强东文春新永立宏振德安';

/** An invented two- or three-character name; the same index always gives the same name. */
export function demoName(index: number): string {
  const surname = surnames[index % surnames.length]!;
  const first = givenNames[(index * 7) % givenNames.length]!;
  const second = givenNames[(index * 3 + 5) % givenNames.length]!;
  return index % 4 === 3 ? `${surname}${first}` : `${surname}${first}${second}`;
}

/** A synthetic 身份证号 in 990121 (birth 1975–1999), distinct from the demo users' numbers. */
function syntheticIdNumber(index: number): string {
  const birth = `${1975 + (index % 25)}${String((index % 12) + 1).padStart(2, '0')}${String(10 + (index % 18)).padStart(2, '0')}`;
  const first17 = `990121${birth}${String(600 + index).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export const demoCertificateNumber = (serial: number) => `JT-990121-${String(serial).padStart(4, '0')}`;

type Special = 'expiringSoon' | 'suspended' | 'revoked' | 'annualCheckOverdue';

interface DemoOfficer {
  name: string;
  unit: 'brigade' | 'squad1' | 'squad2';
  position: string;
  special?: Special;
}

/** Twenty generated officers of the brigade; a few with a certificate in a state worth showing. */
export const demoOfficers: DemoOfficer[] = Array.from({ length: 20 }, (_, i) => {
  const unit = i < 2 ? 'brigade' : i < 11 ? 'squad1' : 'squad2';
  const position = i === 0 ? '大队长' : i === 1 ? '副大队长' : i === 2 || i === 11 ? '副中队长' : '执法队员';
  const special: Special | undefined = (
    { 5: 'expiringSoon', 8: 'suspended', 13: 'revoked', 16: 'annualCheckOverdue' } as Record<number, Special>
  )[i];
  return { name: demoName(i), unit, position, ...(special && { special }) };
});

const demoAuxiliaries = [
  { name: demoName(40), unit: 'squad1', duties: '协助现场检查、信息采集和文书送达', assists: 3 },
  { name: demoName(41), unit: 'squad2', duties: '协助路面巡查、秩序维护和资料整理', assists: 12 },
  { name: demoName(42), unit: 'squad2', duties: '协助执法记录仪管理和案卷整理', assists: 14 },
] as const;

/** The next 31 March on or after today: the demo's annual check date. */
function nextMarch31(today: IsoDate): IsoDate {
  const thisYear = `${today.slice(0, 4)}-03-31`;
  return thisYear >= today ? thisYear : addYears(thisYear, 1);
}

export async function seedDemoCertificates(
  trx: Kysely<DB>,
  cipher: FieldCipher,
  now: Date,
  ids: {
    county: string;
    units: Map<string, string>;
    /** Person ids of the demo users, by username. */
    persons: Map<string, string>;
  },
): Promise<void> {
  const today = shanghaiDateOf(now);
  const annualCheck = nextMarch31(today);
  const unitId = (key: string) => ids.units.get(key)!;
  const generated = await trx
    .insertInto('person')
    .values(
      [
        ...demoOfficers.map((o, i) => ({
          name: o.name,
          unit: o.unit,
          position: o.position,
          kind: 'officer',
          i,
        })),
        ...demoAuxiliaries.map((a, i) => ({
          name: a.name,
          unit: a.unit,
          position: '协管员',
          kind: 'auxiliary',
          i: demoOfficers.length + i,
        })),
      ].map((p) => {
        const idNumber = syntheticIdNumber(p.i);
        return {
          agency_id: ids.county,
          unit_id: unitId(p.unit),
          name: p.name,
          kind: p.kind as 'officer' | 'auxiliary',
          position: p.position,
          id_number_cipher: cipher.encrypt(idNumber),
          id_number_digest: cipher.digest(idNumber),
          id_number_masked: maskIdNumber(idNumber),
        };
      }),
    )
    .returning('id')
    .execute();

  // The demo users who are officers hold certificates too: case handling checks them.
  const holders: { personId: string; special?: Special }[] = [
    ...['officer1', 'officer2', 'unithead1'].map((username) => ({ personId: ids.persons.get(username)! })),
    ...demoOfficers.map((o, i) => ({ personId: generated[i]!.id, ...(o.special && { special: o.special }) })),
  ];
  const rows = holders.map((holder, i) => {
    const validFrom = addYears(today, -(1 + (i % 4)));
    let validTo = addCalendarDays(addYears(validFrom, 5), -1);
    let annualCheckDue = annualCheck;
    if (holder.special === 'expiringSoon') {
      validTo = addCalendarDays(today, 20);
      annualCheckDue = validTo;
    }
    if (holder.special === 'annualCheckOverdue') annualCheckDue = addCalendarDays(today, -15);
    const state =
      holder.special === 'suspended' ? 'suspended' : holder.special === 'revoked' ? 'revoked' : 'active';
    return {
      agency_id: ids.county,
      person_id: holder.personId,
      number: demoCertificateNumber(i + 1),
      categories: ['交通运输'],
      region_code: demoRegion.code,
      region_name: demoRegion.name,
      valid_from: validFrom,
      valid_to: validTo,
      issuing_authority: demoIssuingAuthority,
      annual_check_due: annualCheckDue,
      state: state as 'active' | 'suspended' | 'revoked',
      revocation_kind: holder.special === 'revoked' ? ('revoked' as const) : null,
      state_reason:
        holder.special === 'suspended'
          ? '涉嫌违规执法，暂扣调查中'
          : holder.special === 'revoked'
            ? '严重违法执法，依法吊销'
            : '',
      issued_at: now,
      updated_at: now,
    };
  });
  const certificates = await trx
    .insertInto('certificate')
    .values(rows)
    .returning(['id', 'state', 'valid_from', 'state_reason'])
    .execute();
  const events: {
    certificate_id: string;
    kind: CertificateEventKind;
    occurred_on: string;
    reason: string;
  }[] = [];
  for (const c of certificates) {
    events.push({ certificate_id: c.id, kind: 'issued', occurred_on: c.valid_from, reason: '' });
    if (c.state !== 'active')
      events.push({
        certificate_id: c.id,
        kind: c.state === 'suspended' ? 'suspended' : 'revoked',
        occurred_on: addCalendarDays(today, -7),
        reason: c.state_reason,
      });
  }
  await trx
    .insertInto('certificate_event')
    .values(events.map((e) => ({ ...e, agency_id: ids.county, actor_id: null, recorded_at: now })))
    .execute();

  const auxiliaryRegister = [
    {
      personId: ids.persons.get('auxiliary1')!,
      duties: '协助现场检查和调查取证（不得单独执法）',
      assists: ids.persons.get('officer1')!,
    },
    ...demoAuxiliaries.map((a, i) => ({
      personId: generated[demoOfficers.length + i]!.id,
      duties: a.duties,
      assists: generated[a.assists]!.id,
    })),
  ];
  await trx
    .insertInto('auxiliary_register')
    .values(
      auxiliaryRegister.map((a) => ({
        agency_id: ids.county,
        person_id: a.personId,
        duties: a.duties,
        supervising_person_id: a.assists,
        registered_on: addYears(today, -1),
      })),
    )
    .execute();
}
