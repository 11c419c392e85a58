/**
 * The plan of a case's 执法文书 (`GET /api/cases/:id/documents/kinds`, docs/decisions/0013):
 * for each kind the case may produce now, what `caseFields` fills from the case
 * (shown read-only, never typed again) and what is still needed.
 */
import type { DocumentKindId } from '@zhifa/core';
import type { CurrentUser } from '../../http/session.js';
import { type DocumentKindSpec, documentKinds, type FieldSpec, type ListSpec } from '../documents/kinds.js';
import { caseFields, type FillContext, recordKindOf } from './case-fields.js';
import { producibleKinds } from './documents.js';
import type { LoadedCase } from './facts.js';

/** One kind the case may produce now, as the console offers it. */
export interface DocumentPlanEntry {
  kind: DocumentKindId;
  title: string;
  /** Whether the viewer holds a signer role of the kind (the signer is whoever renders it). */
  maySign: boolean;
  /** Fields the case fills, as the document will show them: read-only, never sent back. */
  filled: { name: string; label: string; value: string }[];
  /** Fields and lists the case does not hold: the only data the caller passes. */
  needed: FieldSpec[];
  neededLists: ListSpec[];
  /** For 询问笔录 and 现场笔录: the kind of 笔录 the document is made from (`recordId`). */
  recordKind?: string;
}

/**
 * The documents the case may produce now (its reached stages, PROCESS), each
 * split into what `caseFields` fills from the case and what is still needed.
 * Nothing for an archived case. A 笔录 document's fields come from the record
 * chosen at rendering, so here they are listed as needed. The party's ID number
 * is shown masked, as everywhere in the console; the document carries it whole.
 */
export async function documentPlan(
  loaded: LoadedCase,
  ctx: FillContext,
  user: Pick<CurrentUser, 'roles'>,
): Promise<DocumentPlanEntry[]> {
  if (loaded.row.archived_at) return [];
  const plan: DocumentPlanEntry[] = [];
  for (const kind of producibleKinds(loaded)) {
    const spec: DocumentKindSpec = documentKinds[kind];
    const values = await caseFields(kind, loaded, ctx);
    if (values.partyId !== undefined) values.partyId = loaded.row.party_id_number_masked ?? undefined;
    if (values.partyAddress !== undefined) values.partyAddress = loaded.row.party_address_masked ?? undefined;
    const shown = (name: string) => typeof values[name] === 'string' && values[name] !== '';
    const recordKind = recordKindOf[kind];
    plan.push({
      kind,
      title: spec.title,
      maySign: spec.signerRoles.some((role) => user.roles.includes(role)),
      filled: spec.fields
        .filter((f) => shown(f.name))
        .map((f) => ({ name: f.name, label: f.label, value: values[f.name] as string })),
      needed: spec.fields.filter((f) => !shown(f.name)),
      neededLists: spec.lists.filter((l) => !Object.hasOwn(values, l.name)),
      ...(recordKind && { recordKind }),
    });
  }
  return plan;
}
