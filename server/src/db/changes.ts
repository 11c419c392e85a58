import { AppError } from '@zhifa/core';
import type { Updateable } from 'kysely';

/**
 * The columns a partial update sets: each input field that was given (not
 * undefined) under its column name. `null` is kept: it clears a column.
 * Column names are checked against the table; values are the validated input.
 * Nothing to change is a 400, not an empty UPDATE.
 */
export function changedColumns<Table, Input extends object = object>(
  input: Input,
  columns: { [K in keyof Input]?: keyof Table & string },
): Updateable<Table> {
  const set: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns) as [keyof Input, string][]) {
    if (input[field] !== undefined) set[column] = input[field];
  }
  if (Object.keys(set).length === 0)
    throw new AppError('VALIDATION_FAILED', '没有要修改的字段', { field: 'body' });
  return set as Updateable<Table>;
}
