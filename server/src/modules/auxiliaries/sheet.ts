/**
 * The auxiliary register as a sheet (Q2): one row per auxiliary of the agency,
 * the person named by name and masked 身份证号, the assisting officer by name
 * (with the masked number where two share a name). The same layout imports into
 * the caller's agency: a row for a person already on the register updates the
 * entry where it differs, any other row registers the person (who must be in
 * the person register as an auxiliary). Every row is checked by the same rules
 * as the console before anything is written, and nothing is written unless
 * every row is good. Entries the sheet leaves out are left alone.
 */
import type { IsoDate } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { isoDate, text } from '../../http/fields.js';
import { type CellOut, readSheet, type SheetColumn, writeWorkbook } from '../../xlsx/sheet.js';
import {
  importRows,
  PersonDirectory,
  personDirectory,
  type RegisterImportOutcome,
  type RowCheck,
  type SheetPerson,
} from '../persons/sheet-cells.js';
import type { Recorder } from '../publication/service.js';
import {
  type AuxiliaryChange,
  type AuxiliaryRow,
  changeAuxiliary,
  checkChange,
  checkRegistration,
  loadAuxiliaries,
  type NewAuxiliary,
  registerAuxiliary,
} from './service.js';

type Key = 'name' | 'idNumber' | 'unit' | 'duties' | 'supervisor' | 'registeredOn' | 'endedOn';

/** Columns that can clear a value are required, so a sheet without them cannot clear it by accident. */
export const auxiliaryColumns: readonly SheetColumn<Key>[] = [
  { key: 'name', header: '姓名', width: 10, required: true },
  { key: 'idNumber', header: '身份证号', width: 20 },
  { key: 'unit', header: '所在机构', width: 14, exportOnly: true },
  { key: 'duties', header: '岗位职责', width: 36, required: true },
  { key: 'supervisor', header: '带领的执法人员', width: 16, required: true },
  { key: 'registeredOn', header: '登记日期', width: 12 },
  { key: 'endedOn', header: '离岗日期', width: 12, required: true },
];
export const auxiliarySheetName = '执法辅助人员名册';

const rowSchema = z.object({
  duties: text(500),
  registeredOn: isoDate.optional(),
  endedOn: isoDate.optional(),
});

/** Which column an error of the shared checks belongs to. */
const columnOfField: Record<string, Key> = {
  'body.personId': 'name',
  'body.duties': 'duties',
  'body.supervisingPersonId': 'supervisor',
  'body.endedOn': 'endedOn',
};

export async function exportAuxiliaries(db: Kysely<DB>, agencyId: string, now: Date) {
  const directory = await personDirectory(db, agencyId);
  const rows = (await loadAuxiliaries(db, [agencyId])).map(
    (row): Record<Key, CellOut> => ({
      name: row.name,
      idNumber: directory.get(row.person_id)?.id_number_masked ?? '',
      unit: row.unit_name ?? '',
      duties: row.duties,
      supervisor: row.supervising_person_id ? directory.label(row.supervising_person_id) : '',
      registeredOn: row.registered_on,
      endedOn: row.ended_on ?? '',
    }),
  );
  return writeWorkbook([{ name: auxiliarySheetName, columns: auxiliaryColumns, rows }], {
    creator: 'zhifa',
    created: now,
  });
}

type Planned =
  | { kind: 'create'; person: SheetPerson; input: NewAuxiliary; endedOn: IsoDate | null }
  | { kind: 'update'; entry: AuxiliaryRow; change: AuxiliaryChange };

/** What differs between the entry and the row: the fields a PATCH would send. */
function changeOf(
  entry: AuxiliaryRow,
  row: Omit<NewAuxiliary, 'registeredOn'> & { endedOn: IsoDate | null },
) {
  const change: AuxiliaryChange = {};
  if (row.duties !== entry.duties) change.duties = row.duties;
  if (row.supervisingPersonId !== entry.supervising_person_id)
    change.supervisingPersonId = row.supervisingPersonId;
  if (row.endedOn !== entry.ended_on) change.endedOn = row.endedOn;
  return change;
}

export async function importAuxiliaries(
  db: Kysely<DB>,
  record: Recorder,
  input: { agencyId: string; data: Buffer; dryRun: boolean },
  context: { today: IsoDate; digest: (idNumber: string) => string },
): Promise<RegisterImportOutcome> {
  const rows = await readSheet(input.data, auxiliaryColumns, {
    maxRows: 2_000,
    sheetName: auxiliarySheetName,
  });
  const directory = await personDirectory(db, input.agencyId, context.digest);
  const entries = new Map((await loadAuxiliaries(db, [input.agencyId])).map((e) => [e.person_id, e]));
  const seen = new Map<string, number>();

  const check: RowCheck<Key, Planned> = async ({ row, values }, problem, failed) => {
    const parsed = rowSchema.safeParse({
      duties: values.duties,
      registeredOn: values.registeredOn || undefined,
      endedOn: values.endedOn || undefined,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) problem(issue.path[0] as Key, issue.message);
    const found = directory.find(
      values.name,
      values.idNumber,
      (p) => p.kind === 'auxiliary' || entries.has(p.id),
    );
    if ('problem' in found) problem(found.on, found.problem);
    let supervisor: SheetPerson | null = null;
    if (values.supervisor) {
      const named = PersonDirectory.parse(values.supervisor);
      const lookup = directory.find(named.name, named.idNumber, (p) => p.kind !== 'auxiliary');
      if ('problem' in lookup) problem('supervisor', lookup.problem);
      else supervisor = lookup.person;
    }
    if (failed() || !parsed.success || 'problem' in found) return;
    const { person } = found;
    const earlier = seen.get(person.id);
    if (earlier !== undefined) {
      problem('name', `与第${earlier}行是同一人`);
      return;
    }
    seen.set(person.id, row);
    const content = {
      duties: parsed.data.duties,
      supervisingPersonId: supervisor?.id ?? null,
      endedOn: parsed.data.endedOn ?? null,
    };
    const entry = entries.get(person.id);
    if (entry) {
      if (parsed.data.registeredOn && parsed.data.registeredOn !== entry.registered_on) {
        problem('registeredOn', `登记日期不能修改（名册中为 ${entry.registered_on}）`);
        return;
      }
      const change = changeOf(entry, content);
      if (Object.keys(change).length === 0) return 'unchanged';
      await checkChange(db, entry, change);
      return { kind: 'update', entry, change };
    }
    const registration: NewAuxiliary = {
      duties: content.duties,
      supervisingPersonId: content.supervisingPersonId,
      registeredOn: parsed.data.registeredOn ?? context.today,
    };
    const registrant = { id: person.id, agency_id: input.agencyId, kind: person.kind };
    await checkRegistration(db, registrant, registration);
    if (content.endedOn)
      await checkChange(
        db,
        { agency_id: input.agencyId, registered_on: registration.registeredOn },
        { endedOn: content.endedOn },
      );
    return { kind: 'create', person, input: registration, endedOn: content.endedOn };
  };

  const apply = async (plan: Planned) => {
    if (plan.kind === 'update') return changeAuxiliary(db, record, plan.entry, plan.change);
    const registrant = { id: plan.person.id, agency_id: input.agencyId, kind: plan.person.kind };
    const id = await registerAuxiliary(db, record, registrant, plan.input);
    if (plan.endedOn)
      await changeAuxiliary(
        db,
        record,
        { id, agency_id: input.agencyId, person_id: plan.person.id, registered_on: plan.input.registeredOn },
        { endedOn: plan.endedOn },
      );
  };

  return importRows(
    rows,
    { columns: auxiliaryColumns, what: '辅助人员', columnOf: (field) => columnOfField[field] ?? 'name' },
    check,
    apply,
    input.dryRun,
  );
}
