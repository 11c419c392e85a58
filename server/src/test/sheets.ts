/**
 * What the .xlsx round-trip tests of the registers share: persons with
 * synthetic 身份证号 to name in a sheet, and a register's sheet through its
 * export and import routes — its rows as values by column key, and a sheet
 * written from such rows.
 */
import { idNumberCheckChar } from '@zhifa/core';
import { expect } from 'vitest';
import type { PersonKind } from '../db/schema.js';
import { type CellOut, readSheet, type SheetColumn, writeWorkbook } from '../xlsx/sheet.js';
import type { Session, TestApp } from './harness.js';

export type SheetRow = Record<string, CellOut>;

/** A row of the given columns with every cell empty, for a test to fill what it needs. */
export function blankRow<K extends string>(columns: readonly SheetColumn<K>[]): Record<K, CellOut> {
  return Object.fromEntries(columns.map((c) => [c.key, ''])) as Record<K, CellOut>;
}

/** 身份证号 in the unassigned region 990121, born on `born` (YYYYMMDD), each with the next serial and a valid check character. */
export function syntheticIdNumbers(born: string) {
  let serial = 0;
  return () => {
    serial += 1;
    const first17 = `990121${born}${String(serial).padStart(3, '0')}`;
    return first17 + idNumberCheckChar(first17);
  };
}

/** Registers a person in the person register; returns its id and masked number, with the whole number. */
export async function registerPerson(
  t: TestApp,
  session: Session,
  person: { name: string; kind: PersonKind; idNumber: string },
) {
  const response = await t.request(session, { method: 'POST', url: '/api/persons', payload: person });
  expect(response.statusCode, response.body).toBe(201);
  const { id, idNumberMasked } = response.json() as { id: string; idNumberMasked: string };
  return { id, idNumberMasked, idNumber: person.idNumber };
}

/**
 * A register's sheet through `<base>/export` and `<base>/import`, as the
 * context's session unless told otherwise (the context exists once the tests run).
 */
export function registerSheet(
  base: string,
  sheet: { name: string; columns: readonly SheetColumn[] },
  context: () => { t: TestApp; session: Session },
) {
  return {
    exportSheet: async (session = context().session) => {
      const response = await context().t.request(session, { method: 'GET', url: `${base}/export` });
      expect(response.statusCode, response.body).toBe(200);
      return response.rawPayload;
    },
    importSheet: (content: Buffer, dryRun = false, session = context().session) =>
      context().t.request(session, {
        method: 'POST',
        url: `${base}/import`,
        payload: { content: content.toString('base64'), dryRun },
      }),
    rowsOf: async (data: Buffer) =>
      (await readSheet(data, sheet.columns, { maxRows: 5_000 })).map((r) => ({ ...r.values }) as SheetRow),
    sheetOf: (rows: SheetRow[]) =>
      writeWorkbook([{ name: sheet.name, columns: sheet.columns, rows }], {
        creator: 'test',
        created: context().t.now(),
      }),
  };
}
