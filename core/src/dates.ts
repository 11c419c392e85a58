/**
 * Calendar dates as ISO strings (YYYY-MM-DD). All law-relevant dates are
 * Asia/Shanghai calendar dates; arithmetic runs on UTC midnights so no local
 * time zone or daylight-saving rule can shift a day.
 */
import { AppError } from './errors.js';

export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function parseIsoDate(value: string, field = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw new AppError('VALIDATION_FAILED', `日期格式应为 YYYY-MM-DD 且为有效日期：${value}`, { field });
  }
  return value;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const time = Date.parse(`${date}T00:00:00Z`) + days * dayMs;
  return new Date(time).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Orders ISO dates (code-unit order is date order; localeCompare's collation is slower and not needed). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date at an instant; the clock is always passed in. */
export function shanghaiDateOf(instant: Date): IsoDate {
  return shanghaiDate.format(instant);
}
