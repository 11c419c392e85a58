/**
 * Every kind of ledger event with the schema of its payload: one typed payload
 * per kind, so a stream can be read back without guessing.
 */
import { z } from 'zod';

const json = z.json();

export const ledgerPayloadSchemas = {
  'settings.changed': z.strictObject({
    version: z.number().int(),
    changed: z.array(z.string()),
    note: z.string(),
  }),
  'calendar.changed': z.strictObject({ target: z.string(), change: json }),
  'agency.created': z.strictObject({ name: z.string(), creditCode: z.string() }),
  'agency.updated': z.strictObject({ change: json }),
  'unit.created': z.strictObject({ name: z.string() }),
  'unit.updated': z.strictObject({ change: json }),
  'person.created': z.strictObject({ name: z.string(), kind: z.string() }),
  'person.updated': z.strictObject({ change: json }),
  'user.created': z.strictObject({ username: z.string(), roles: z.array(z.string()) }),
  'user.updated': z.strictObject({ change: json }),
  'user.passwordReset': z.strictObject({}),
  // Chain of custody (R7): what was stored, and each time anyone looked at it.
  'evidence.stored': z.strictObject({
    sha256: z.string(),
    sm3: z.string(),
    size: z.number().int(),
    mediaType: z.string(),
    originalName: z.string().nullable(),
    capturedBy: z.string(),
    capturedAt: z.string(),
    location: z.string().nullable(),
    deviceId: z.string().nullable(),
    durationSeconds: z.number().nullable(),
  }),
  'evidence.accessed': z.strictObject({
    access: z.enum(['metadata', 'view', 'download']),
    /** The byte range served (`bytes=first-last`), or null for the whole file. */
    range: z.string().nullable(),
  }),
  'test.note': z.strictObject({ text: z.string() }),
} as const;

export type LedgerEventKind = keyof typeof ledgerPayloadSchemas;
export type LedgerPayload<K extends LedgerEventKind> = z.input<(typeof ledgerPayloadSchemas)[K]>;
