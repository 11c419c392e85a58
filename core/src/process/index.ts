export {
  countingFor,
  type DateBounds,
  dateBounds,
  daysLeft,
  latestNoticeDay,
  periodBounds,
  periodEnd,
} from './days.js';
export * from './deadlines.js';
export * from './definitions.js';
export * from './documents.js';
export * from './facts.js';
export * from './flowchart.js';
export * from './gates.js';
export * from './guards.js';
export * from './money.js';
export * from './party.js';
export * from './payment.js';
export * from './penalty-rules.js';
export {
  type ClockId,
  clockIds,
  type DayCounting,
  type DayCountingPolicy,
  defaultProcessRuleOptions,
  type GuardResult,
  isRefusal,
  type ProcessRuleOptions,
  type Refusal,
  type RefusalCode,
  type RequirementId,
  type RuleContext,
  refusalCodes,
  refusalsOf,
  refusalToAppError,
  refuse,
  statutoryDayCounting,
} from './result.js';
export * from './seizure.js';
export * from './time-limits.js';
export * from './types.js';
