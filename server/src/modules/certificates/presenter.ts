/**
 * Certificates as the API shows them: with the status on today's date (derived
 * in core, never stored), the holder, and the actions the viewer may take.
 */
import { type CertificateState, certificateStanding, type IsoDate, type RevocationKind } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { mayTake } from '../../http/route.js';
import type { CurrentUser } from '../../http/session.js';
import { personKindLabels } from '../persons/routes.js';

export interface CertificateRow {
  id: string;
  agency_id: string;
  agency_name: string;
  person_id: string;
  person_name: string;
  person_kind: keyof typeof personKindLabels;
  person_position: string;
  person_active: boolean;
  left_enforcement_on: string | null;
  unit_id: string | null;
  unit_name: string | null;
  number: string;
  categories: string[];
  region_code: string;
  region_name: string;
  valid_from: string;
  valid_to: string;
  issuing_authority: string;
  annual_check_due: string;
  state: CertificateState;
  revocation_kind: RevocationKind | null;
  state_reason: string;
  issued_at: Date;
}

/** Every certificate column with its holder, unit and agency; callers add the where clauses. */
export function certificateQuery(db: Kysely<DB>) {
  return db
    .selectFrom('certificate as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('agency as a', 'a.id', 'c.agency_id')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .select([
      'c.id',
      'c.agency_id',
      'a.name as agency_name',
      'c.person_id',
      'p.name as person_name',
      'p.kind as person_kind',
      'p.position as person_position',
      'p.active as person_active',
      'p.left_enforcement_on',
      'p.unit_id',
      'n.name as unit_name',
      'c.number',
      'c.categories',
      'c.region_code',
      'c.region_name',
      'c.valid_from',
      'c.valid_to',
      'c.issuing_authority',
      'c.annual_check_due',
      'c.state',
      'c.revocation_kind',
      'c.state_reason',
      'c.issued_at',
    ]);
}

export function standingOf(row: CertificateRow, today: IsoDate) {
  return certificateStanding(
    {
      state: row.state,
      revocationKind: row.revocation_kind,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      annualCheckDue: row.annual_check_due,
    },
    today,
  );
}

/** Whether the holder is out of enforcement work: left it, or no longer active in the register. */
export const holderHasLeft = (row: CertificateRow) => row.left_enforcement_on !== null || !row.person_active;

export function presentCertificate(row: CertificateRow, viewer: CurrentUser, today: IsoDate) {
  const standing = standingOf(row, today);
  const manage = mayTake(viewer, 'certificate.manage');
  const live = row.state !== 'revoked';
  return {
    id: row.id,
    agency: { id: row.agency_id, name: row.agency_name },
    number: row.number,
    holder: {
      id: row.person_id,
      name: row.person_name,
      kind: row.person_kind,
      kindLabel: personKindLabels[row.person_kind],
      position: row.person_position,
      unit: row.unit_id ? { id: row.unit_id, name: row.unit_name } : null,
      active: row.person_active,
      leftEnforcementOn: row.left_enforcement_on,
    },
    categories: row.categories,
    region: { code: row.region_code, name: row.region_name },
    validFrom: row.valid_from,
    validTo: row.valid_to,
    issuingAuthority: row.issuing_authority,
    annualCheckDue: row.annual_check_due,
    state: row.state,
    revocationKind: row.revocation_kind,
    stateReason: row.state_reason,
    status: standing.status,
    statusReason: standing.reason,
    statusLabel: standing.label,
    issuedAt: row.issued_at,
    actions: {
      annualCheck: manage && live,
      suspend: manage && row.state === 'active',
      reinstate: manage && row.state === 'suspended',
      revoke: manage && live,
    },
  };
}

export type PresentedCertificate = ReturnType<typeof presentCertificate>;
