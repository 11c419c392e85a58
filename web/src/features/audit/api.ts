/** The security audit trail: filtered, paged reading and the CSV export (audit administrator only). */
import { api } from '../../app/api';

export type Outcome = 'success' | 'failure' | 'denied';

export interface AuditFilters {
  from?: string;
  to?: string;
  username?: string;
  event?: string;
  outcome?: Outcome;
}

export interface AuditEntry {
  id: number;
  occurredAt: string;
  username: string | null;
  ip: string;
  event: string;
  eventLabel: string;
  outcome: Outcome;
  outcomeLabel: string;
  target: string;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  /** A count from the database; may arrive as a string. */
  total: number | string;
  page: number;
  pageSize: number;
  items: AuditEntry[];
  /** Every event kind with its label, for the filter. */
  events: Record<string, string>;
}

export const auditApi = {
  list: (filters: AuditFilters, page: number, pageSize: number) =>
    api.get<AuditPage>('/api/audit', { ...filters, page, pageSize }),
};

/** A plain link: the browser sends the session cookie and saves the attachment. */
export function exportUrl(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/api/audit/export?${query}` : '/api/audit/export';
}

export const filterKeys = ['from', 'to', 'username', 'event', 'outcome'] as const;

export const outcomeOptions: { value: Outcome; label: string; color: string }[] = [
  { value: 'success', label: '成功', color: 'green' },
  { value: 'failure', label: '失败', color: 'orange' },
  { value: 'denied', label: '拒绝', color: 'red' },
];
