/** Groups consecutive special days of the same kind and name: 10月1日–7日 国庆节 休. */
import type { CalendarDay, DayKind } from './api';

export interface DayRange {
  from: string;
  to: string;
  kind: DayKind;
  name: string;
  length: number;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function groupRanges(days: readonly Pick<CalendarDay, 'date' | 'kind' | 'name'>[]): DayRange[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const ranges: DayRange[] = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (
      last &&
      last.kind === day.kind &&
      last.name === day.name &&
      dayNumber(day.date) - dayNumber(last.to) === 1
    ) {
      last.to = day.date;
      last.length += 1;
    } else {
      ranges.push({ from: day.date, to: day.date, kind: day.kind, name: day.name, length: 1 });
    }
  }
  return ranges;
}

/** "10月1日" or "10月1日–7日" or "12月31日–1月2日". */
export function rangeLabel(range: DayRange): string {
  const [, fromMonth, fromDay] = range.from.split('-').map(Number);
  const [, toMonth, toDay] = range.to.split('-').map(Number);
  const start = `${fromMonth}月${fromDay}日`;
  if (range.from === range.to) return start;
  return fromMonth === toMonth ? `${start}–${toDay}日` : `${start}–${toMonth}月${toDay}日`;
}
