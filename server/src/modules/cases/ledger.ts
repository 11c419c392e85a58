/**
 * The ledger events of a case (stream case:<id>), one typed payload per kind.
 * Spread into server/src/ledger/kinds.ts. A step's payload is the input as
 * stored, plus the missed duties (non-blocking refusals: N6, N7, a late
 * hearing request) recorded with it.
 */
import { z } from 'zod';

const json = z.json();
/** A non-blocking refusal kept with the act: the act happened, late. */
const lateness = z.array(z.strictObject({ rule: z.string(), code: z.string(), message: z.string() }));

export const caseLedgerPayloadSchemas = {
  'case.registered': z.strictObject({
    processKind: z.string(),
    title: z.string(),
    source: z.string(),
    partyKind: z.string(),
    partyName: z.string(),
    partyIdNumberMasked: z.string().nullable(),
    /** Given at registration (issue 17); masked, as the ledger holds no personal detail whole. */
    partyAddressMasked: z.string().nullable().optional(),
    partyPhoneMasked: z.string().nullable().optional(),
    partyRepresentative: z.string().nullable().optional(),
    enforcementItemId: z.string().nullable(),
    discoveredOn: z.string(),
    violation: json,
    stage: z.string(),
  }),
  /** The violation named as an item of the agency's 权责清单 (issue 17). */
  'case.itemLinked': z.strictObject({ enforcementItemId: z.string() }),
  /** The party completed or corrected on the case (art. 59(一)): what changed, masked. */
  'case.partyUpdated': z.strictObject({
    idNumberMasked: z.string().optional(),
    addressMasked: z.string().optional(),
    phoneMasked: z.string().optional(),
    representative: z.string().optional(),
  }),
  'case.officersAssigned': z.strictObject({
    officers: z.array(z.strictObject({ personId: z.string(), name: z.string(), role: z.string() })),
  }),
  'case.recordAdded': z.strictObject({
    recordId: z.string(),
    kind: z.string(),
    stage: z.string(),
    madeAt: z.string(),
    content: json,
  }),
  /** `evidenceId` by that name: a ledger package of the case carries the file (kinds.ts). */
  'case.evidenceLinked': z.strictObject({
    evidenceId: z.string(),
    stage: z.string(),
    recordingKind: z.string().nullable(),
    partyName: z.string().nullable(),
    description: z.string(),
  }),
  /** A look at linked evidence (R7), also on the evidence's own stream: who saw which file of the case. */
  'case.evidenceAccessed': z.strictObject({
    evidenceId: z.string(),
    access: z.enum(['metadata', 'view', 'download']),
    range: z.string().nullable(),
  }),
  /** One fact-recording step (steps.ts): which, at which stage, the section as stored. */
  'case.factsRecorded': z.strictObject({
    step: z.enum([
      'flags',
      'proposal',
      'priorNotice',
      'defence',
      'hearing',
      'legalReview',
      'deliberation',
      'decision',
      'service',
      'payment',
      'timeLimitExtension',
      'paymentPlan',
      'majorFiling',
      'pause',
      'resume',
      'seizureApproval',
      'seizure',
      'seizureExtension',
      'seizureDisposal',
      'executionEnded',
      'approval',
    ]),
    stage: z.string(),
    section: json,
    lateness,
  }),
  'case.transitioned': z.strictObject({
    from: z.string(),
    to: z.string(),
    outcome: z.string().nullable(),
    caseNumber: z.string().nullable(),
    lateness,
    /** A move back: why (issue 16), and the decision it withdrew, if one was recorded. */
    reason: z.string().optional(),
    withdrawnDecision: json.optional(),
  }),
} as const;
