/** What a fact-recording step is, and the helpers steps share. */
import {
  type Action,
  AppError,
  type GuardResult,
  type IsoDate,
  isRefusal,
  type ProcessKind,
  type Refusal,
  type RuleContext,
  type StageId,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { CurrentUser } from '../../http/session.js';
import type { CaseRow, LoadedCase } from './facts.js';
import type { StepName, StoredFacts, stepBodies } from './schema.js';

export interface StepInput<N extends StepName> {
  db: Kysely<DB>;
  row: CaseRow;
  loaded: LoadedCase;
  input: z.output<(typeof stepBodies)[N]>;
  user: CurrentUser;
  rule: RuleContext;
}

export interface StepResult {
  stored: StoredFacts;
  /** What the ledger event carries: the section as stored. */
  section: unknown;
  refusals: Refusal[];
  /** The flags step sets the major column too. */
  major?: true;
}

export interface StepDefinition<N extends StepName = StepName> {
  name: N;
  path: string;
  summary: string;
  access: Action | readonly Action[];
  processes?: readonly ProcessKind[];
  stages?: readonly StageId[];
  /** Who takes the step in a process, where `access` names several (the decision: the head in 普通程序). */
  actorFor?(processKind: ProcessKind): Action;
  /** Whether the console offers the step to this user now (an approval: only to whoever's turn it is). */
  offeredTo?(loaded: LoadedCase, user: CurrentUser): boolean;
  apply(step: StepInput<N>): Promise<StepResult> | StepResult;
}

/** The two penalty procedures, whose steps are mostly shared. */
export const penalty = ['penaltyGeneral', 'penaltySimple'] as const;

export const refusals = (...results: GuardResult[]) => results.filter(isRefusal);

/** A date of something that has happened: not after today. */
export function past(date: IsoDate | undefined, rule: RuleContext, field: string): void {
  if (date !== undefined && date > rule.today)
    throw new AppError('VALIDATION_FAILED', '日期不能晚于今天', { field: `body.${field}` });
}

export function missing(message: string, field: string): never {
  throw new AppError('RULE_VIOLATION', `${message}（PROCESS）`, { field });
}

export const define = <N extends StepName>(step: StepDefinition<N>) => step as unknown as StepDefinition;
