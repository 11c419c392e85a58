/**
 * Persons in the cells of a register sheet (Q2 auxiliaries, L2 reviewers, P8
 * window boards). A sheet names a person the way paper does — by name — and
 * never carries a whole 身份证号: where several persons of the agency share a
 * name, the export adds the masked number (`张三（990***********1234）`) and the
 * import reads it back. An import may instead give the whole number, which is
 * matched by its keyed digest, as the person register does.
 */
import { AppError, idNumberProblem } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB, PersonKind } from '../../db/schema.js';
import { type ReadRow, type RowProblem, rowProblemsError, type SheetColumn } from '../../xlsx/sheet.js';

export interface SheetPerson {
  id: string;
  name: string;
  kind: PersonKind;
  active: boolean;
  position: string;
  unit_name: string | null;
  id_number_masked: string;
  id_number_digest: string;
}

/** What a register import did (or, on a dry run, would do). */
export interface RegisterImportOutcome {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

/** Where a problem with a person belongs: the name, or the number that tells namesakes apart. */
export type PersonLookup = { person: SheetPerson } | { problem: string; on: 'name' | 'idNumber' };

/** `姓名（身份证号）`: the number as exported (masked) or whole, in full- or half-width brackets. */
const tokenPattern = /^(.*?)\s*[（(]\s*([\dXx*]{3,18})\s*[)）]$/;

export class PersonDirectory {
  private readonly byId: Map<string, SheetPerson>;
  private readonly byName = new Map<string, SheetPerson[]>();

  constructor(
    readonly people: readonly SheetPerson[],
    /** The person register's keyed digest; without it a whole number is not looked up (an export). */
    private readonly digest?: (idNumber: string) => string,
  ) {
    this.byId = new Map(people.map((p) => [p.id, p]));
    for (const person of people) {
      const namesakes = this.byName.get(person.name) ?? [];
      namesakes.push(person);
      this.byName.set(person.name, namesakes);
    }
  }

  get(id: string): SheetPerson | undefined {
    return this.byId.get(id);
  }

  /** Whether the agency has another person of this person's name. */
  shared(id: string): boolean {
    const person = this.byId.get(id);
    return person !== undefined && (this.byName.get(person.name)?.length ?? 0) > 1;
  }

  /** How a cell names the person: the name, with the masked number when the name is shared. */
  label(id: string): string {
    const person = this.byId.get(id);
    if (!person) return '';
    return this.shared(id) ? `${person.name}（${person.id_number_masked}）` : person.name;
  }

  /** A cell written by `label` (or typed by hand) → its name and number, either possibly empty. */
  static parse(cell: string): { name: string; idNumber: string } {
    const text = cell.trim();
    const match = tokenPattern.exec(text);
    return match ? { name: match[1]!.trim(), idNumber: match[2]! } : { name: text, idNumber: '' };
  }

  /**
   * The person a row names: by name, narrowed by the number when given (masked
   * or whole). Among namesakes, `prefer` picks the one the column can mean (an
   * officer to lead an auxiliary, say); more than one left is a problem asking
   * for the number.
   */
  find(typed: string, idNumber: string, prefer?: (person: SheetPerson) => boolean): PersonLookup {
    const name = typed.normalize('NFC').trim(); // as the register stores names
    const number = idNumber.trim().toUpperCase();
    if (!name) return { problem: '不能为空', on: 'name' };
    const namesakes = this.byName.get(name) ?? [];
    let candidates: SheetPerson[];
    if (!number) {
      if (namesakes.length === 0)
        return { problem: `本机关人员名册中没有“${name}”，请先登记人员`, on: 'name' };
      candidates = namesakes;
    } else if (number.includes('*')) {
      candidates = namesakes.filter((p) => p.id_number_masked === number);
      if (candidates.length === 0)
        return { problem: `本机关人员名册中没有身份证号为 ${number} 的“${name}”`, on: 'idNumber' };
    } else {
      const problem = idNumberProblem(number);
      if (problem) return { problem: `${problem}（也可填写导出时的脱敏号码）`, on: 'idNumber' };
      const digest = this.digest?.(number);
      const person = this.people.find((p) => p.id_number_digest === digest);
      if (!person) return { problem: '本机关人员名册中没有该身份证号的人员', on: 'idNumber' };
      if (person.name !== name) return { problem: '与该身份证号登记的姓名不一致', on: 'name' };
      candidates = [person];
    }
    if (candidates.length > 1 && prefer) {
      const preferred = candidates.filter(prefer);
      if (preferred.length === 1) candidates = preferred;
    }
    if (candidates.length > 1)
      return {
        problem: `本机关有 ${candidates.length} 位“${name}”，请填写身份证号（可用导出的脱敏号码）以区分`,
        on: 'idNumber',
      };
    return { person: candidates[0]! };
  }
}

/** Every person of the agency, for naming them in a sheet and finding them again. */
export async function personDirectory(
  db: Kysely<DB>,
  agencyId: string,
  digest?: (idNumber: string) => string,
): Promise<PersonDirectory> {
  const people = await db
    .selectFrom('person as p')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'p.active',
      'p.position',
      'n.name as unit_name',
      'p.id_number_masked',
      'p.id_number_digest',
    ])
    .where('p.agency_id', '=', agencyId)
    .orderBy('p.name')
    .execute();
  return new PersonDirectory(people, digest);
}

/** Reads one row of a register import into what to write: a plan, 'unchanged', or nothing after reporting its problems. */
export type RowCheck<K extends string, Plan> = (
  row: ReadRow<K>,
  problem: (key: K, message: string) => void,
  /** Whether a problem of this row was reported. */
  failed: () => boolean,
) => Promise<Plan | 'unchanged' | undefined>;

/**
 * The frame of a register import (Q2, L2, P8): `check` reads each row into a
 * plan (or finds it changes nothing), reporting its problems by column; an
 * AppError it throws (the console's own checks) goes in the column `columnOf`
 * its field. Nothing is written unless every row is good, and then, unless a
 * dry run, `apply` carries out the plans in row order.
 */
export async function importRows<K extends string, Plan extends { kind: 'create' | 'update' }>(
  rows: readonly ReadRow<K>[],
  sheet: { columns: readonly SheetColumn<K>[]; what: string; columnOf: (field: string) => K },
  check: RowCheck<K, Plan>,
  apply: (plan: Plan) => Promise<void>,
  dryRun: boolean,
): Promise<RegisterImportOutcome> {
  const problems: RowProblem[] = [];
  const planned: Plan[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const before = problems.length;
    const problem = (key: K, message: string) =>
      problems.push({ row: row.row, column: sheet.columns.find((c) => c.key === key)!.header, message });
    try {
      const plan = await check(row, problem, () => problems.length > before);
      if (plan === 'unchanged') unchanged += 1;
      else if (plan) planned.push(plan);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem(sheet.columnOf(error.field ?? ''), error.message);
    }
  }
  if (problems.length > 0) throw rowProblemsError(problems, sheet.what);
  if (!dryRun) for (const plan of planned) await apply(plan);
  const created = planned.filter((p) => p.kind === 'create').length;
  return { rows: rows.length, created, updated: planned.length - created, unchanged, dryRun };
}
