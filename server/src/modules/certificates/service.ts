/**
 * 行政执法证件 use cases (Q1): issue, annual check, suspend, reinstate, revoke,
 * and the leaving workflow that cancels a person's certificates and sends a
 * cancellation request (注销申请) to the supervising justice bureau. Each takes
 * the transaction, the input and today's date; the route records ledger events.
 */
import {
  AppError,
  addYears,
  type CertificateState,
  type IsoDate,
  nextAnnualCheckDue,
  type RevocationKind,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { CertificateEventKind, DB } from '../../db/schema.js';

export interface NewCertificate {
  personId: string;
  number: string;
  categories: string[];
  regionCode: string;
  regionName: string;
  validFrom: IsoDate;
  validTo: IsoDate;
  issuingAuthority: string;
  annualCheckDue?: IsoDate | undefined;
}

interface Actor {
  id: string | null;
  now: Date;
  today: IsoDate;
}

export async function recordCertificateEvent(
  db: Kysely<DB>,
  certificate: { id: string; agency_id: string },
  kind: CertificateEventKind,
  occurredOn: IsoDate,
  reason: string,
  actor: Actor,
): Promise<void> {
  await db
    .insertInto('certificate_event')
    .values({
      certificate_id: certificate.id,
      agency_id: certificate.agency_id,
      kind,
      occurred_on: occurredOn,
      reason,
      actor_id: actor.id,
      recorded_at: actor.now,
    })
    .execute();
}

/** Q2: auxiliaries never get a certificate; nor does someone who has left enforcement work. */
export async function issueCertificate(
  db: Kysely<DB>,
  holder: {
    id: string;
    agency_id: string;
    kind: string;
    active: boolean;
    left_enforcement_on: string | null;
  },
  input: NewCertificate,
  actor: Actor,
) {
  if (holder.kind === 'auxiliary')
    throw new AppError('RULE_VIOLATION', '执法辅助人员不得申领行政执法证件（不得独立执法）', {
      field: 'body.personId',
    });
  if (!holder.active || holder.left_enforcement_on !== null)
    throw new AppError('RULE_VIOLATION', '该人员已不在执法岗位，不能发放行政执法证件', {
      field: 'body.personId',
    });
  if (input.validTo < input.validFrom)
    throw new AppError('VALIDATION_FAILED', '有效期截止日不能早于起始日', { field: 'body.validTo' });
  const annualCheckDue = input.annualCheckDue ?? addYears(input.validFrom, 1);
  if (annualCheckDue < input.validFrom)
    throw new AppError('VALIDATION_FAILED', '年审日期不能早于有效期起始日', { field: 'body.annualCheckDue' });
  const taken = await db
    .selectFrom('certificate')
    .select('id')
    .where('number', '=', input.number)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `证件编号已存在：${input.number}`, { field: 'body.number' });
  const row = await db
    .insertInto('certificate')
    .values({
      agency_id: holder.agency_id,
      person_id: holder.id,
      number: input.number,
      categories: input.categories,
      region_code: input.regionCode,
      region_name: input.regionName,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      issuing_authority: input.issuingAuthority,
      annual_check_due: annualCheckDue,
      issued_at: actor.now,
      updated_at: actor.now,
    })
    .returning(['id', 'agency_id'])
    .executeTakeFirstOrThrow();
  await recordCertificateEvent(db, row, 'issued', input.validFrom, '', actor);
  return { ...row, annualCheckDue };
}

/** The ledger event of an issue, as the route and the sheet import record it. */
export function issuedEvent(
  issued: { id: string; agency_id: string; annualCheckDue: IsoDate },
  holder: { id: string; name: string },
  input: NewCertificate,
) {
  return {
    streamId: `certificate:${issued.id}`,
    agencyId: issued.agency_id,
    kind: 'certificate.issued' as const,
    payload: {
      number: input.number,
      personId: holder.id,
      personName: holder.name,
      categories: input.categories,
      regionCode: input.regionCode,
      regionName: input.regionName,
      validFrom: input.validFrom,
      validTo: input.validTo,
      issuingAuthority: input.issuingAuthority,
      annualCheckDue: issued.annualCheckDue,
    },
  };
}

export interface LoadedCertificate {
  id: string;
  agency_id: string;
  state: CertificateState;
  annual_check_due: string;
  number: string;
}

const stateWords: Record<CertificateState, string> = {
  active: '在用',
  suspended: '已暂扣',
  revoked: '已吊销或注销',
};

function requireState(certificate: LoadedCertificate, allowed: CertificateState[], doing: string) {
  if (!allowed.includes(certificate.state))
    throw new AppError('RULE_VIOLATION', `证件${stateWords[certificate.state]}，不能${doing}`);
}

async function setState(
  db: Kysely<DB>,
  certificate: LoadedCertificate,
  state: CertificateState,
  reason: string,
  revocationKind: RevocationKind | null,
  now: Date,
) {
  await db
    .updateTable('certificate')
    .set({ state, state_reason: reason, revocation_kind: revocationKind, updated_at: now })
    .where('id', '=', certificate.id)
    .execute();
}

export async function recordAnnualCheck(
  db: Kysely<DB>,
  certificate: LoadedCertificate,
  input: { result: 'passed' | 'failed'; checkedOn: IsoDate; nextDue?: IsoDate | undefined; note: string },
  actor: Actor,
): Promise<{ nextDue: IsoDate | null }> {
  requireState(certificate, ['active', 'suspended'], '年审');
  if (input.checkedOn > actor.today)
    throw new AppError('VALIDATION_FAILED', '年审日期不能晚于今天', { field: 'body.checkedOn' });
  if (input.result === 'failed') {
    if (input.nextDue)
      throw new AppError('VALIDATION_FAILED', '年审不合格时不设下次年审日期', { field: 'body.nextDue' });
    // A failed check suspends the certificate until someone reinstates it.
    const reason = input.note ? `年审不合格：${input.note}` : '年审不合格';
    await setState(db, certificate, 'suspended', reason, null, actor.now);
    await recordCertificateEvent(db, certificate, 'annualCheckFailed', input.checkedOn, input.note, actor);
    return { nextDue: null };
  }
  const nextDue = input.nextDue ?? nextAnnualCheckDue(certificate.annual_check_due, input.checkedOn);
  if (nextDue <= input.checkedOn)
    throw new AppError('VALIDATION_FAILED', '下次年审日期应晚于本次年审日期', { field: 'body.nextDue' });
  await db
    .updateTable('certificate')
    .set({ annual_check_due: nextDue, updated_at: actor.now })
    .where('id', '=', certificate.id)
    .execute();
  await recordCertificateEvent(db, certificate, 'annualCheckPassed', input.checkedOn, input.note, actor);
  return { nextDue };
}

export async function suspendCertificate(
  db: Kysely<DB>,
  certificate: LoadedCertificate,
  reason: string,
  actor: Actor,
) {
  requireState(certificate, ['active'], '暂扣');
  await setState(db, certificate, 'suspended', reason, null, actor.now);
  await recordCertificateEvent(db, certificate, 'suspended', actor.today, reason, actor);
}

export async function reinstateCertificate(
  db: Kysely<DB>,
  certificate: LoadedCertificate,
  reason: string,
  actor: Actor,
) {
  requireState(certificate, ['suspended'], '恢复使用');
  await setState(db, certificate, 'active', '', null, actor.now);
  await recordCertificateEvent(db, certificate, 'reinstated', actor.today, reason, actor);
}

export async function revokeCertificate(
  db: Kysely<DB>,
  certificate: LoadedCertificate,
  kind: RevocationKind,
  reason: string,
  actor: Actor,
) {
  requireState(certificate, ['active', 'suspended'], kind === 'revoked' ? '吊销' : '注销');
  await setState(db, certificate, 'revoked', reason, kind, actor.now);
  await recordCertificateEvent(db, certificate, kind, actor.today, reason, actor);
}

/** The justice bureau that supervises the agency (the first, if several): where 注销申请 go. */
export async function supervisingAgencyOf(db: Kysely<DB>, agencyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('agency_supervision')
    .select('supervisor_agency_id')
    .where('agency_id', '=', agencyId)
    .orderBy('supervisor_agency_id')
    .limit(1)
    .executeTakeFirst();
  return row?.supervisor_agency_id ?? null;
}

/**
 * Q1 "cancel on leaving": marks the person as out of enforcement work, cancels
 * (注销) every certificate still standing at once — the public check shows it
 * immediately — and files one cancellation request per certificate with the
 * supervising justice bureau, which confirms it has cancelled the certificate.
 */
export async function leaveEnforcement(
  db: Kysely<DB>,
  person: { id: string; agency_id: string; left_enforcement_on: string | null },
  input: { leftOn: IsoDate; reason: string },
  actor: Actor,
) {
  if (person.left_enforcement_on !== null)
    throw new AppError('RULE_VIOLATION', `该人员已于 ${person.left_enforcement_on} 调离执法岗位`);
  if (input.leftOn > actor.today)
    throw new AppError('VALIDATION_FAILED', '调离日期不能晚于今天', { field: 'body.leftOn' });
  await db
    .updateTable('person')
    .set({ left_enforcement_on: input.leftOn })
    .where('id', '=', person.id)
    .execute();
  const standing = await db
    .selectFrom('certificate')
    .select(['id', 'agency_id', 'state', 'annual_check_due', 'number'])
    .where('person_id', '=', person.id)
    .where('state', '<>', 'revoked')
    .orderBy('number')
    .execute();
  const addressedTo = await supervisingAgencyOf(db, person.agency_id);
  const reason = `调离执法岗位：${input.reason}`;
  const cancellations: { certificate: LoadedCertificate; cancellationId: string }[] = [];
  for (const certificate of standing) {
    await revokeCertificate(db, certificate, 'cancelled', reason, actor);
    const cancellation = await db
      .insertInto('certificate_cancellation')
      .values({
        agency_id: certificate.agency_id,
        certificate_id: certificate.id,
        addressed_to_agency_id: addressedTo,
        reason,
        requested_on: actor.today,
        requested_by: actor.id,
        requested_at: actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    cancellations.push({ certificate, cancellationId: cancellation.id });
  }
  return { addressedTo, reason, cancellations };
}
