/** 执法证件 endpoints and shapes. Status is derived by the server for today; the console only shows it. */
import { api } from '../../app/api';

export type CertificateStatus = 'valid' | 'notYetValid' | 'expired' | 'suspended' | 'revoked';
export type RevocationKind = 'revoked' | 'cancelled';

export interface Certificate {
  id: string;
  agency: { id: string; name: string };
  number: string;
  holder: {
    id: string;
    name: string;
    kind: string;
    kindLabel: string;
    position: string;
    unit: { id: string; name: string | null } | null;
    active: boolean;
    leftEnforcementOn: string | null;
  };
  categories: string[];
  region: { code: string; name: string };
  validFrom: string;
  validTo: string;
  issuingAuthority: string;
  annualCheckDue: string;
  state: 'active' | 'suspended' | 'revoked';
  revocationKind: RevocationKind | null;
  stateReason: string;
  status: CertificateStatus;
  statusReason: string;
  statusLabel: string;
  issuedAt: string;
  actions: { annualCheck: boolean; suspend: boolean; reinstate: boolean; revoke: boolean };
}

export interface CertificateDetail extends Certificate {
  history: {
    id: number;
    kind: string;
    occurredOn: string;
    reason: string;
    recordedAt: string;
    actor: string | null;
  }[];
  cancellation: {
    id: string;
    reason: string;
    requestedOn: string;
    addressedTo: string | null;
    completedAt: string | null;
    completionNote: string;
  } | null;
  /** The portal page the QR code opens, and the QR code as an SVG data URL. */
  verification: { url: string; qrCode: string };
}

export interface CertificateList {
  today: string;
  items: Certificate[];
  categories: string[];
  actions: { issue: boolean };
}

export interface Cleanup {
  today: string;
  withinDays: number;
  expiringSoon: Certificate[];
  annualCheckOverdue: Certificate[];
  holdersLeft: Certificate[];
  holdersAuxiliary: Certificate[];
}

export interface Cancellation {
  id: string;
  certificateId: string;
  number: string;
  holderName: string;
  agencyName: string;
  addressedTo: string | null;
  reason: string;
  requestedOn: string;
  completedAt: string | null;
  completedBy: string | null;
  completionNote: string;
  actions: { complete: boolean };
}

export interface NewCertificate {
  personId: string;
  number: string;
  categories: string[];
  regionCode: string;
  regionName: string;
  validFrom: string;
  validTo: string;
  issuingAuthority: string;
  annualCheckDue?: string;
}

export interface AnnualCheck {
  result: 'passed' | 'failed';
  checkedOn: string;
  note: string;
}

export const certificatesExportUrl = '/api/certificates/export';

export interface CertificateImportOutcome {
  rows: number;
  issued: number;
  unchanged: number;
  dryRun: boolean;
}

export const certificatesApi = {
  importSheet: (content: string, dryRun: boolean) =>
    api.post<CertificateImportOutcome>('/api/certificates/import', { content, dryRun }),
  list: () => api.get<CertificateList>('/api/certificates'),
  get: (id: string) => api.get<CertificateDetail>(`/api/certificates/${id}`),
  cleanup: (withinDays: number) => api.get<Cleanup>('/api/certificates/cleanup', { withinDays }),
  issue: (input: NewCertificate) => api.post<Certificate>('/api/certificates', input),
  annualCheck: (id: string, input: AnnualCheck) =>
    api.post<Certificate>(`/api/certificates/${id}/annual-check`, input),
  suspend: (id: string, reason: string) =>
    api.post<Certificate>(`/api/certificates/${id}/suspend`, { reason }),
  reinstate: (id: string, reason: string) =>
    api.post<Certificate>(`/api/certificates/${id}/reinstate`, { reason }),
  revoke: (id: string, kind: RevocationKind, reason: string) =>
    api.post<Certificate>(`/api/certificates/${id}/revoke`, { kind, reason }),
  leaveEnforcement: (personId: string, leftOn: string, reason: string) =>
    api.post<{ cancelled: { number: string }[] }>(`/api/persons/${personId}/leave-enforcement`, {
      leftOn,
      reason,
    }),
  cancellations: () => api.get<{ items: Cancellation[] }>('/api/certificate-cancellations'),
  completeCancellation: (id: string, note: string) =>
    api.post<{ id: string }>(`/api/certificate-cancellations/${id}/complete`, { note }),
};

/** Tag colours; the tag always carries the status in words too. */
export const statusColors: Record<CertificateStatus, string> = {
  valid: 'success',
  notYetValid: 'default',
  expired: 'warning',
  suspended: 'orange',
  revoked: 'error',
};

export const statusOptions: { value: CertificateStatus; label: string }[] = [
  { value: 'valid', label: '有效' },
  { value: 'notYetValid', label: '尚未生效' },
  { value: 'expired', label: '已过期' },
  { value: 'suspended', label: '暂停使用' },
  { value: 'revoked', label: '已吊销/注销' },
];

export const historyLabels: Record<string, string> = {
  issued: '发证',
  annualCheckPassed: '年审合格',
  annualCheckFailed: '年审不合格',
  suspended: '暂扣',
  reinstated: '恢复使用',
  revoked: '吊销',
  cancelled: '注销',
};
