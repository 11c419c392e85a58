/**
 * Puts the server's field errors on form fields. The API names fields by path
 * (`body.settings.security.lockoutFailures`); a form names them by arrays
 * (`['security', 'lockoutFailures']`). Errors on fields the form does not have
 * are returned so the caller can show them elsewhere.
 */
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api';

export type FieldPath = (string | number)[];

/**
 * @param prefix the part of the API path the form does not repeat, e.g. `body` or `body.settings`
 * @param known whether a form field exists for a path
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  prefixes: string[],
  known: (path: FieldPath) => boolean,
): string[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details.length
    ? error.details
    : error.field
      ? [{ field: error.field, message: error.message }]
      : [];
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const detail of details) {
    const name = toFieldPath(detail.field, prefixes);
    if (!name || !known(name)) {
      unplaced.push(detail.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unplaced;
}

function toFieldPath(field: string, prefixes: string[]): FieldPath | null {
  for (const prefix of [...prefixes].sort((a, b) => b.length - a.length)) {
    if (field.startsWith(`${prefix}.`)) return field.slice(prefix.length + 1).split('.');
  }
  return null;
}

/**
 * Puts field errors on the form and returns what is left to say above it: the
 * unplaced messages, or the error's own message when no field took it; null
 * when every message now sits on its field.
 */
export function formFailure(
  form: FormInstance,
  error: unknown,
  known: (path: FieldPath) => boolean,
  prefixes: string[] = ['body'],
): string | null {
  const unplaced = applyFieldErrors(form, error, prefixes, known);
  if (unplaced.length) return unplaced.join('；');
  if (!form.getFieldsError().some((f) => f.errors.length)) return errorMessage(error);
  return null;
}
