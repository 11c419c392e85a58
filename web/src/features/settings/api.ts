/** Jurisdiction settings endpoints and their shapes. */
import { api } from '../../app/api';

/** A setting is a number (days, yuan, percent, count) or a yes/no policy switch. */
export type SettingValue = number | boolean;

/** `{ section: { key: value } }`. */
export type Settings = Record<string, Record<string, SettingValue>>;

export interface SettingsView {
  version: number;
  settings: Settings;
  labels: Record<string, string>;
  /** Section titles in display order. */
  sectionLabels: Record<string, string>;
  actions: { edit: boolean; editSecurity: boolean };
  /** By setting path: the statute's value, which the setting may only tighten, and its article. */
  statuteBounds: Record<string, { bound: 'max' | 'min'; value: number; article: string }>;
}

export interface SettingsChange {
  path: string;
  from: unknown;
  to: unknown;
}

export interface HistoryItem {
  version: number;
  changedAt: string;
  changedBy: { username: string; displayName: string } | null;
  note: string;
  changes: SettingsChange[];
}

export const settingsApi = {
  view: () => api.get<SettingsView>('/api/settings'),
  history: () => api.get<{ items: HistoryItem[] }>('/api/settings/history'),
  save: (expectedVersion: number, note: string, settings: Settings) =>
    api.put<{ version: number; changedAt: string; changed: string[] }>('/api/settings', {
      expectedVersion,
      note,
      settings,
    }),
};

/** Section titles in the order the page shows them; unknown sections follow under their key. */
export function orderedSections(settings: Settings, sectionLabels: Record<string, string>): string[] {
  const known = Object.keys(sectionLabels).filter((s) => s in settings);
  const extra = Object.keys(settings).filter((s) => !(s in sectionLabels));
  return [...known, ...extra];
}

/** Security policy belongs to the security administrator; everything else to the system administrator. */
export function mayEditSection(section: string, actions: SettingsView['actions']): boolean {
  return section === 'security' ? actions.editSecurity : actions.edit;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'number' ? value.toLocaleString('zh-CN') : String(value);
}
