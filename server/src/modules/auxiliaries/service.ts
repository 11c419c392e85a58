/**
 * 执法辅助人员名册 (Q2): reading the register, registering an auxiliary and
 * changing an entry — one way for the console and the sheet import. The checks
 * are separate from the writes, so an import can run them on every row before
 * it writes anything; every write goes on the person's ledger stream.
 */
import { AppError, type IsoDate } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { changedColumns } from '../../db/changes.js';
import type { AuxiliaryRegisterTable, DB, PersonKind } from '../../db/schema.js';
import type { Recorder } from '../publication/service.js';

export async function loadAuxiliaries(db: Kysely<DB>, agencyIds: string[], ids?: string[]) {
  if (agencyIds.length === 0 || ids?.length === 0) return [];
  let query = db
    .selectFrom('auxiliary_register as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .leftJoin('person as s', 's.id', 'r.supervising_person_id')
    .select([
      'r.id',
      'r.agency_id',
      'r.person_id',
      'p.name',
      'p.position',
      'p.active',
      'p.unit_id',
      'n.name as unit_name',
      'r.duties',
      'r.supervising_person_id',
      's.name as supervising_name',
      'r.registered_on',
      'r.ended_on',
    ])
    .where('r.agency_id', 'in', agencyIds)
    .orderBy('n.name')
    .orderBy('p.name');
  if (ids) query = query.where('r.id', 'in', ids);
  return query.execute();
}

export type AuxiliaryRow = Awaited<ReturnType<typeof loadAuxiliaries>>[number];

export interface NewAuxiliary {
  duties: string;
  supervisingPersonId: string | null;
  registeredOn: IsoDate;
}

/** A change to an entry: the fields given are set, `null` clears. */
export interface AuxiliaryChange {
  duties?: string;
  supervisingPersonId?: string | null;
  endedOn?: IsoDate | null;
}

interface Registrant {
  id: string;
  agency_id: string;
  kind: PersonKind;
}

interface Entry {
  id: string;
  agency_id: string;
  person_id: string;
  registered_on: string;
}

/** Q2: the assisting officer belongs to the same agency and is not an auxiliary. */
async function checkSupervisor(db: Kysely<DB>, agencyId: string, personId: string | null | undefined) {
  if (!personId) return;
  const person = await db
    .selectFrom('person')
    .select(['agency_id', 'kind'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (person?.agency_id !== agencyId)
    throw new AppError('VALIDATION_FAILED', '带领的执法人员不属于该执法主体', {
      field: 'body.supervisingPersonId',
    });
  if (person.kind === 'auxiliary')
    throw new AppError('RULE_VIOLATION', '辅助人员须由执法人员带领，不能由另一名辅助人员带领', {
      field: 'body.supervisingPersonId',
    });
}

/** Whether the person may be registered as given; throws the first problem. */
export async function checkRegistration(db: Kysely<DB>, person: Registrant, input: NewAuxiliary) {
  if (person.kind !== 'auxiliary')
    throw new AppError('RULE_VIOLATION', '只有人员类别为“执法辅助人员”的人员才能登记入辅助人员名册', {
      field: 'body.personId',
    });
  await checkSupervisor(db, person.agency_id, input.supervisingPersonId);
  const taken = await db
    .selectFrom('auxiliary_register')
    .select('id')
    .where('person_id', '=', person.id)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', '该人员已在辅助人员名册中', { field: 'body.personId' });
}

export async function registerAuxiliary(
  db: Kysely<DB>,
  record: Recorder,
  person: Registrant,
  input: NewAuxiliary,
): Promise<string> {
  await checkRegistration(db, person, input);
  const row = await db
    .insertInto('auxiliary_register')
    .values({
      agency_id: person.agency_id,
      person_id: person.id,
      duties: input.duties,
      supervising_person_id: input.supervisingPersonId,
      registered_on: input.registeredOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await record({
    streamId: `person:${person.id}`,
    agencyId: person.agency_id,
    kind: 'auxiliary.registered',
    payload: {
      duties: input.duties,
      supervisingPersonId: input.supervisingPersonId,
      registeredOn: input.registeredOn,
    },
  });
  return row.id;
}

/** Whether the change may be made to the entry; throws the first problem. */
export async function checkChange(
  db: Kysely<DB>,
  entry: Pick<Entry, 'agency_id' | 'registered_on'>,
  change: AuxiliaryChange,
) {
  await checkSupervisor(db, entry.agency_id, change.supervisingPersonId);
  if (change.endedOn && change.endedOn < entry.registered_on)
    throw new AppError('VALIDATION_FAILED', '离岗日期不能早于登记日期', { field: 'body.endedOn' });
}

export async function changeAuxiliary(
  db: Kysely<DB>,
  record: Recorder,
  entry: Entry,
  change: AuxiliaryChange,
) {
  await checkChange(db, entry, change);
  await db
    .updateTable('auxiliary_register')
    .set(
      changedColumns<AuxiliaryRegisterTable>(change, {
        duties: 'duties',
        supervisingPersonId: 'supervising_person_id',
        endedOn: 'ended_on',
      }),
    )
    .where('id', '=', entry.id)
    .execute();
  await record({
    streamId: `person:${entry.person_id}`,
    agencyId: entry.agency_id,
    kind: 'auxiliary.updated',
    payload: { change: { ...change } },
  });
}
