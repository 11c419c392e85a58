/**
 * The party as 行政处罚法 art. 59(一) has a decision name it (issue 17): a person by name, ID number,
 * address and phone; an organisation by name, 统一社会信用代码 (GB 32100 check), address and its
 * 法定代表人（负责人）. Registration in the field may know only a name; the rest is completed on the case
 * before 事先告知, which the gate at that move requires. Personal details are stored encrypted with a
 * masked copy; only the documents served on the party carry them whole.
 */
import {
  AppError,
  idNumberProblem,
  isValidCreditCode,
  maskAddress,
  maskIdNumber,
  maskPhone,
  partyMissing,
  phoneProblem,
} from '@zhifa/core';
import { z } from 'zod';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import { defineRoute } from '../../http/route.js';
import { ruleContext } from '../settings/rule-context.js';
import { type CaseRow, partyHeld } from './facts.js';
import { presentAfter } from './load.js';
import { idParams, partyBody, partyDetails } from './schema.js';
import { caseStream, lockCase, saveCase } from './service.js';

const details = z.strictObject(partyDetails);
type PartyDetails = z.output<typeof details>;
type PartyKind = 'individual' | 'organisation';

/** The columns for the details given, each checked and, where personal, encrypted and masked. */
export function partyColumns(kind: PartyKind, given: PartyDetails, cipher: FieldCipher, field: string) {
  const columns: Partial<
    Pick<
      CaseRow,
      | 'party_id_number_cipher'
      | 'party_id_number_masked'
      | 'party_address_cipher'
      | 'party_address_masked'
      | 'party_phone_cipher'
      | 'party_phone_masked'
      | 'party_representative'
    >
  > = {};
  if (given.idNumber !== undefined) {
    const value = given.idNumber.toUpperCase();
    const problem =
      kind === 'individual'
        ? idNumberProblem(value)
        : isValidCreditCode(value)
          ? null
          : '统一社会信用代码无效';
    if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: `${field}.idNumber` });
    columns.party_id_number_cipher = cipher.encrypt(value);
    columns.party_id_number_masked = maskIdNumber(value);
  }
  if (given.address !== undefined) {
    columns.party_address_cipher = cipher.encrypt(given.address);
    columns.party_address_masked = maskAddress(given.address);
  }
  if (given.phone !== undefined) {
    const value = given.phone.replace(/\s/g, '');
    const problem = phoneProblem(value);
    if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: `${field}.phone` });
    columns.party_phone_cipher = cipher.encrypt(value);
    columns.party_phone_masked = maskPhone(value);
  }
  if (given.representative !== undefined) {
    if (kind === 'individual')
      throw new AppError('VALIDATION_FAILED', '法定代表人（负责人）只适用于法人或其他组织', {
        field: `${field}.representative`,
      });
    columns.party_representative = given.representative;
  }
  return columns;
}

/** The party as the console shows it: masked, with what is still missing. */
export function presentParty(row: CaseRow) {
  return {
    kind: row.party_kind,
    name: row.party_name,
    idNumberMasked: row.party_id_number_masked,
    addressMasked: row.party_address_masked,
    phoneMasked: row.party_phone_masked,
    representative: row.party_representative,
    missing: partyMissing(row.party_kind, partyHeld(row)),
  };
}

/** The party's address in full, for the documents served on it. */
export const partyAddressOf = (row: CaseRow, cipher: FieldCipher) =>
  row.party_address_cipher ? cipher.decrypt(row.party_address_cipher) : undefined;

export const partyRoutes = [
  defineRoute({
    method: 'PATCH',
    url: '/api/cases/:id/party',
    access: 'case.handle',
    summary:
      '补充或更正当事人信息（身份证件号码或统一社会信用代码、住址、联系电话、法定代表人；事先告知前须齐全）',
    params: idParams,
    body: partyBody,
    handler: async ({ db, user, params, body, app, record }) => {
      const now = app.clock();
      const row = await lockCase(db, user, params.id, body.version);
      const { version: _version, ...given } = body;
      if (Object.keys(given).length === 0)
        throw new AppError('VALIDATION_FAILED', '请至少填写一项当事人信息', { field: 'body' });
      const columns = partyColumns(row.party_kind, given, app.cipher, 'body');
      await saveCase(db, row, columns, now, await ruleContext(db, now));
      await record({
        streamId: caseStream(row.id),
        agencyId: row.agency_id,
        kind: 'case.partyUpdated',
        payload: {
          ...(columns.party_id_number_masked && { idNumberMasked: columns.party_id_number_masked }),
          ...(columns.party_address_masked && { addressMasked: columns.party_address_masked }),
          ...(columns.party_phone_masked && { phoneMasked: columns.party_phone_masked }),
          ...(columns.party_representative && { representative: columns.party_representative }),
        },
      });
      return presentAfter(db, user, row.id, now);
    },
  }),
];
