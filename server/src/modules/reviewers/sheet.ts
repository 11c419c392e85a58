/**
 * The legal reviewer register as a sheet (L2): one row per reviewer of the
 * agency, the person named by name and masked 身份证号, the membership by its
 * label, and whether they serve on the day of export. The same layout imports
 * into the caller's agency: a row for a person already on the register updates
 * membership, qualification or end date where they differ, any other row
 * registers the person (the same rules as the console: no auxiliary, nobody out
 * of post). Nothing is written unless every row is good; entries the sheet
 * leaves out are left alone.
 */
import { type IsoDate, type ReviewerMembership, reviewerMembershipLabels } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { isoDate, text } from '../../http/fields.js';
import { type CellOut, readSheet, type SheetColumn, writeWorkbook } from '../../xlsx/sheet.js';
import {
  importRows,
  personDirectory,
  type RegisterImportOutcome,
  type RowCheck,
  type SheetPerson,
} from '../persons/sheet-cells.js';
import type { Recorder } from '../publication/service.js';
import {
  changeReviewer,
  checkChange,
  checkRegistration,
  loadReviewers,
  type ReviewerChange,
  type ReviewerInput,
  type ReviewerRow,
  registerReviewer,
  servesOn,
} from './service.js';

type Key =
  | 'name'
  | 'idNumber'
  | 'unit'
  | 'position'
  | 'membership'
  | 'qualification'
  | 'appointedOn'
  | 'endedOn'
  | 'status';

/** Columns that can clear a value are required, so a sheet without them cannot clear it by accident. */
export const reviewerColumns: readonly SheetColumn<Key>[] = [
  { key: 'name', header: '姓名', width: 10, required: true },
  { key: 'idNumber', header: '身份证号', width: 20 },
  { key: 'unit', header: '所在机构', width: 14, exportOnly: true },
  { key: 'position', header: '职务', width: 12, exportOnly: true },
  { key: 'membership', header: '类别', width: 16, required: true },
  { key: 'qualification', header: '资格', width: 24, required: true },
  { key: 'appointedOn', header: '任职日期', width: 12 },
  { key: 'endedOn', header: '结束日期', width: 12, required: true },
  { key: 'status', header: '状态', width: 10, exportOnly: true },
];
export const reviewerSheetName = '法制审核人员名单';

const membershipByText = new Map<string, ReviewerMembership>(
  (Object.entries(reviewerMembershipLabels) as [ReviewerMembership, string][]).flatMap(([value, label]) => [
    [label, value],
    [value, value],
  ]),
);

const rowSchema = z.object({
  qualification: text(100, 0),
  appointedOn: isoDate.optional(),
  endedOn: isoDate.optional(),
});

/** Which column an error of the shared checks belongs to. */
const columnOfField: Record<string, Key> = {
  'body.personId': 'name',
  'body.membership': 'membership',
  'body.qualification': 'qualification',
  'body.endedOn': 'endedOn',
};

export async function exportReviewers(db: Kysely<DB>, agencyId: string, today: IsoDate, now: Date) {
  const directory = await personDirectory(db, agencyId);
  const rows = (await loadReviewers(db, [agencyId])).map(
    (row): Record<Key, CellOut> => ({
      name: row.name,
      idNumber: directory.get(row.person_id)?.id_number_masked ?? '',
      unit: row.unit_name ?? '',
      position: row.position,
      membership: reviewerMembershipLabels[row.membership],
      qualification: row.qualification,
      appointedOn: row.appointed_on,
      endedOn: row.ended_on ?? '',
      status: servesOn(row, today) ? '在任' : row.active ? '已离任' : '不在职',
    }),
  );
  return writeWorkbook([{ name: reviewerSheetName, columns: reviewerColumns, rows }], {
    creator: 'zhifa',
    created: now,
  });
}

type Planned =
  | { kind: 'create'; person: SheetPerson; input: ReviewerInput; endedOn: IsoDate | null }
  | { kind: 'update'; entry: ReviewerRow; change: ReviewerChange };

export async function importReviewers(
  db: Kysely<DB>,
  record: Recorder,
  input: { agencyId: string; data: Buffer; dryRun: boolean },
  context: { today: IsoDate; digest: (idNumber: string) => string },
): Promise<RegisterImportOutcome> {
  const rows = await readSheet(input.data, reviewerColumns, { maxRows: 2_000, sheetName: reviewerSheetName });
  const directory = await personDirectory(db, input.agencyId, context.digest);
  const entries = new Map((await loadReviewers(db, [input.agencyId])).map((e) => [e.person_id, e]));
  const seen = new Map<string, number>();

  const check: RowCheck<Key, Planned> = async ({ row, values }, problem, failed) => {
    const parsed = rowSchema.safeParse({
      qualification: values.qualification,
      appointedOn: values.appointedOn || undefined,
      endedOn: values.endedOn || undefined,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) problem(issue.path[0] as Key, issue.message);
    const membership = membershipByText.get(values.membership);
    if (!membership)
      problem(
        'membership',
        values.membership
          ? `应为：${Object.values(reviewerMembershipLabels).join('、')}`
          : `不能为空（${Object.values(reviewerMembershipLabels).join('、')}）`,
      );
    const found = directory.find(
      values.name,
      values.idNumber,
      (p) => entries.has(p.id) || (p.kind !== 'auxiliary' && p.active),
    );
    if ('problem' in found) problem(found.on, found.problem);
    if (failed() || !parsed.success || !membership || 'problem' in found) return;
    const { person } = found;
    const earlier = seen.get(person.id);
    if (earlier !== undefined) {
      problem('name', `与第${earlier}行是同一人`);
      return;
    }
    seen.set(person.id, row);
    const { qualification, appointedOn } = parsed.data;
    const endedOn = parsed.data.endedOn ?? null;
    const entry = entries.get(person.id);
    if (entry) {
      if (appointedOn && appointedOn !== entry.appointed_on) {
        problem('appointedOn', `任职日期不能修改（名单中为 ${entry.appointed_on}）`);
        return;
      }
      const change: ReviewerChange = {};
      if (membership !== entry.membership) change.membership = membership;
      if (qualification !== entry.qualification) change.qualification = qualification;
      if (endedOn !== entry.ended_on) change.endedOn = endedOn;
      if (Object.keys(change).length === 0) return 'unchanged';
      checkChange(entry, change);
      return { kind: 'update', entry, change };
    }
    const registration: ReviewerInput = {
      membership,
      qualification,
      appointedOn: appointedOn ?? context.today,
    };
    await checkRegistration(db, { ...person, agency_id: input.agencyId });
    if (endedOn) checkChange({ appointed_on: registration.appointedOn }, { endedOn });
    return { kind: 'create', person, input: registration, endedOn };
  };

  const apply = async (plan: Planned) => {
    if (plan.kind === 'update') return changeReviewer(db, record, plan.entry, plan.change);
    const candidate = { ...plan.person, agency_id: input.agencyId };
    const id = await registerReviewer(db, record, candidate, plan.input);
    if (plan.endedOn)
      await changeReviewer(
        db,
        record,
        { id, agency_id: input.agencyId, person_id: plan.person.id, appointed_on: plan.input.appointedOn },
        { endedOn: plan.endedOn },
      );
  };

  return importRows(
    rows,
    { columns: reviewerColumns, what: '审核人员', columnOf: (field) => columnOfField[field] ?? 'name' },
    check,
    apply,
    input.dryRun,
  );
}
