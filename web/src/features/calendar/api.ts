/** Calendar endpoints and their shapes. */
import { api } from '../../app/api';

export type DayKind = 'holiday' | 'workday';

export interface CalendarYear {
  year: number;
  source: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  updatedAt: string;
}

export interface CalendarView {
  year: number;
  hasData: boolean;
  years: CalendarYear[];
  days: CalendarDay[];
  /** A year without data as the law alone gives it: statutory holidays, days the arrangement may change. */
  estimate?: { holidays: Omit<CalendarDay, 'updatedAt'>[]; mayRest: string[]; mayWork: string[] } | null;
  actions: { edit: boolean };
}

/** Open cases whose deadlines a calendar change moved, and the notices their officers got. */
export interface Told {
  cases: number;
  notices: number;
}

export interface ImportResult {
  years: number[];
  days: number;
  told?: Told;
}

/** "；3 个案件的期限随之变化，已通知承办人员", or nothing when none moved. */
export function toldText(told: Told | undefined): string {
  return told?.cases ? `；${told.cases} 个案件的期限随之变化，已通知承办人员（${told.notices} 人次）` : '';
}

export interface CalendarEntry {
  date: string;
  kind: DayKind;
  name: string;
}

/** The preview of a State Council notice against the stored calendar (POST /api/calendar/import-notice). */
export interface NoticePreview {
  year: number;
  kind: 'arrangement' | 'adjustment' | 'extension';
  sections: { name: string; line: number; holidays: string[]; workdays: string[]; extendedTo?: string }[];
  entries: CalendarEntry[];
  changes: {
    year: number;
    isNew: boolean;
    added: CalendarEntry[];
    removed: CalendarEntry[];
    changed: { date: string; before: CalendarEntry; after: CalendarEntry }[];
  }[];
  skipped: CalendarEntry[];
  notes: string[];
  saved: boolean;
  imported?: ImportResult;
  told?: Told;
}

export const calendarApi = {
  view: (year?: number) => api.get<CalendarView>('/api/calendar', { year }),
  workdaysAfter: (date: string, count: number) =>
    api.get<{
      date: string;
      count: number;
      result: string;
      provisional?: { earliest: string; latest: string; reason: string };
    }>('/api/calendar/workdays-after', { date, count }),
  addYear: (year: number) => api.post<ImportResult>('/api/calendar/years', { year }),
  importFile: (format: 'json' | 'csv', content: string, fileName?: string) =>
    api.post<ImportResult>('/api/calendar/import', { format, content, fileName }),
  importNotice: (content: string, fileName: string | undefined, confirm: boolean) =>
    api.post<NoticePreview>('/api/calendar/import-notice', { content, fileName, confirm }),
  setDay: (date: string, kind: DayKind, name: string) =>
    api.put<{ date: string; kind: DayKind; name: string }>(`/api/calendar/days/${date}`, { kind, name }),
  removeDay: (date: string) => api.delete(`/api/calendar/days/${date}`),
};

export const kindLabels: Record<DayKind, { short: string; long: string; color: string }> = {
  holiday: { short: '休', long: '法定节假日', color: 'red' },
  workday: { short: '班', long: '调休上班日', color: 'orange' },
};

/** Where a year's data came from, in words. */
export function sourceLabel(source: string): string {
  if (source === 'chinese-days') return '内置数据（chinese-days）';
  if (source === 'manual') return '手工维护';
  if (source.startsWith('import:')) return `导入文件 ${source.slice('import:'.length)}`;
  if (source.startsWith('notice:')) return `国务院通知 ${source.slice('notice:'.length)}`;
  return source;
}

export const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
