/**
 * The certificate register as a sheet (Q1): one row per certificate with its
 * status on the day of export. The same layout imports into an agency: a row
 * whose number the agency already holds with the same content is left alone,
 * a new number issues a certificate to the person of that name (and unit, when
 * two share a name); anything else is a problem reported by row and column, and
 * nothing is written unless every row is good. Changes to an issued certificate
 * (annual check, suspension, revocation) are actions with reasons, not sheet edits.
 */
import { certificateStatusLabels, type IsoDate } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { isoDate, text } from '../../http/fields.js';
import {
  type CellOut,
  type RowProblem,
  readSheet,
  rowProblemsError,
  type SheetColumn,
  splitCell,
  writeWorkbook,
} from '../../xlsx/sheet.js';
import type { Recorder } from '../publication/service.js';
import { type CertificateRow, certificateQuery, standingOf } from './presenter.js';
import { categories, certificateNumber, regionCode } from './schema.js';
import { issueCertificate, issuedEvent } from './service.js';

type Key =
  | 'number'
  | 'name'
  | 'unit'
  | 'categories'
  | 'regionCode'
  | 'regionName'
  | 'validFrom'
  | 'validTo'
  | 'issuingAuthority'
  | 'annualCheckDue'
  | 'status';

export const certificateColumns: readonly SheetColumn<Key>[] = [
  { key: 'number', header: '证件编号', width: 18, required: true },
  { key: 'name', header: '姓名', width: 10, required: true },
  { key: 'unit', header: '所在机构', width: 16 },
  { key: 'categories', header: '执法类别', width: 16, required: true },
  { key: 'regionCode', header: '执法区域代码', width: 12, required: true },
  { key: 'regionName', header: '执法区域', width: 12, required: true },
  { key: 'validFrom', header: '有效期起', width: 12, required: true },
  { key: 'validTo', header: '有效期止', width: 12, required: true },
  { key: 'issuingAuthority', header: '发证机关', width: 20, required: true },
  { key: 'annualCheckDue', header: '年审截止日', width: 12 },
  { key: 'status', header: '状态', width: 16, exportOnly: true },
];

const rowSchema = z.object({
  number: certificateNumber,
  name: text(50),
  unit: z.string().max(100),
  categories,
  regionCode,
  regionName: text(50),
  validFrom: isoDate,
  validTo: isoDate,
  issuingAuthority: text(100),
  annualCheckDue: isoDate.optional(),
});

export async function exportCertificates(db: Kysely<DB>, agencyIds: string[], today: IsoDate, now: Date) {
  const rows =
    agencyIds.length === 0
      ? []
      : ((await certificateQuery(db)
          .where('c.agency_id', 'in', agencyIds)
          .orderBy('c.number')
          .execute()) as CertificateRow[]);
  const out = rows.map(
    (row): Record<Key, CellOut> => ({
      number: row.number,
      name: row.person_name,
      unit: row.unit_name ?? '',
      categories: row.categories.join('、'),
      regionCode: row.region_code,
      regionName: row.region_name,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      issuingAuthority: row.issuing_authority,
      annualCheckDue: row.annual_check_due,
      status: standingOf(row, today).label || certificateStatusLabels[standingOf(row, today).status],
    }),
  );
  return writeWorkbook([{ name: '行政执法证件', columns: certificateColumns, rows: out }], {
    creator: 'zhifa',
    created: now,
  });
}

export async function importCertificates(
  db: Kysely<DB>,
  record: Recorder,
  input: { agencyId: string; data: Buffer; dryRun: boolean },
  actor: { id: string; now: Date; today: IsoDate },
) {
  const rows = await readSheet(input.data, certificateColumns, { maxRows: 2_000 });
  const people = await db
    .selectFrom('person as p')
    .leftJoin('unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.agency_id',
      'p.name',
      'p.kind',
      'p.active',
      'p.left_enforcement_on',
      'u.name as unit_name',
    ])
    .where('p.agency_id', '=', input.agencyId)
    .execute();
  const held = new Map(
    ((await certificateQuery(db).execute()) as CertificateRow[]).map((row) => [row.number, row]),
  );
  const problems: RowProblem[] = [];
  const toIssue: { holder: (typeof people)[number]; content: z.output<typeof rowSchema> }[] = [];
  const seen = new Set<string>();
  let unchanged = 0;

  for (const { row, values } of rows) {
    const headerOf = (key: string) => certificateColumns.find((c) => c.key === key)?.header ?? key;
    const parsed = rowSchema.safeParse({
      ...values,
      categories: splitCell(values.categories),
      annualCheckDue: values.annualCheckDue || undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ row, column: headerOf(String(issue.path[0])), message: issue.message });
      continue;
    }
    const content = parsed.data;
    if (seen.has(content.number)) {
      problems.push({ row, column: '证件编号', message: '与前面的行重复' });
      continue;
    }
    seen.add(content.number);
    const existing = held.get(content.number);
    if (existing) {
      if (existing.agency_id === input.agencyId && sameContent(existing, content)) unchanged += 1;
      else
        problems.push({
          row,
          column: '证件编号',
          message:
            existing.agency_id === input.agencyId
              ? '该证件已登记且内容不同：年审、暂扣、吊销等变更请在证件页面办理'
              : '该证件编号已由其他机关登记',
        });
      continue;
    }
    const named = people.filter(
      (p) => p.name === content.name && (!content.unit || p.unit_name === content.unit),
    );
    if (named.length !== 1) {
      problems.push({
        row,
        column: named.length === 0 ? '姓名' : '所在机构',
        message:
          named.length === 0
            ? `本机关人员名册中没有${content.unit ? `${content.unit}的` : ''}“${content.name}”，请先登记人员`
            : `本机关有 ${named.length} 位“${content.name}”，请填写所在机构以区分`,
      });
      continue;
    }
    toIssue.push({ holder: named[0]!, content });
  }
  if (problems.length > 0) throw rowProblemsError(problems, '证件');
  if (!input.dryRun) {
    for (const { holder, content } of toIssue) {
      const body = { ...content, personId: holder.id };
      const issued = await issueCertificate(db, holder, body, actor);
      await record(issuedEvent(issued, holder, body));
    }
  }
  return { rows: rows.length, issued: toIssue.length, unchanged, dryRun: input.dryRun };
}

function sameContent(row: CertificateRow, content: z.output<typeof rowSchema>) {
  return (
    row.person_name === content.name &&
    row.categories.join('、') === content.categories.join('、') &&
    row.region_code === content.regionCode &&
    row.region_name === content.regionName &&
    row.valid_from === content.validFrom &&
    row.valid_to === content.validTo &&
    row.issuing_authority === content.issuingAuthority &&
    (!content.annualCheckDue || row.annual_check_due === content.annualCheckDue)
  );
}
