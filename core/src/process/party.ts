/**
 * The party as a decision must name it (行政处罚法 art. 59(一): 当事人的姓名或者名称、地址): a person by
 * name, ID number, address and phone; an organisation by name, 统一社会信用代码, address and its
 * 法定代表人（负责人）. Registration may know only the name; 事先告知 may not go out before the rest.
 */
import type { CaseFacts, PartyKind } from './facts.js';
import { allowed, type GuardResult, refuse } from './result.js';

/** Which of the party's details the case holds (the values themselves stay encrypted on the server). */
export interface PartyHeld {
  idNumber: boolean;
  address: boolean;
  phone: boolean;
  representative: boolean;
}

/** What the case still lacks of the party, as the document forms name it. */
export function partyMissing(kind: PartyKind, held: PartyHeld): string[] {
  const needs: [keyof PartyHeld, string][] =
    kind === 'individual'
      ? [
          ['idNumber', '身份证件号码'],
          ['address', '住址'],
          ['phone', '联系电话'],
        ]
      : [
          ['idNumber', '统一社会信用代码'],
          ['address', '住所（地址）'],
          ['representative', '法定代表人（负责人）'],
        ];
  return needs.filter(([detail]) => !held[detail]).map(([, label]) => label);
}

/** R2 / art. 59(一): the 事先告知书 and the decision name the party fully, so 事先告知 waits until the case can. */
export function checkPartyIdentified(facts: CaseFacts): GuardResult {
  const held = facts.party?.held;
  if (!facts.party || !held) return allowed;
  const missing = partyMissing(facts.party.kind, held);
  if (missing.length === 0) return allowed;
  return refuse(
    'R2',
    'PARTY_INCOMPLETE',
    `当事人信息不全，缺少${missing.join('、')}：事先告知书和处罚决定书须载明当事人的姓名或者名称、身份证件号码或统一社会信用代码、地址（行政处罚法第五十九条第一款第（一）项），请先补充当事人信息`,
    { field: 'party' },
  );
}
