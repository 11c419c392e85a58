/** Shapes the API returns that the whole console shares. */

/** The actions the console checks; the server may list more (`Me.actions` is open-ended). */
export type Action =
  | 'calendar.read'
  | 'calendar.edit'
  | 'settings.read'
  | 'settings.edit'
  | 'settings.editSecurity'
  | 'agency.read'
  | 'agency.manage'
  | 'unit.manage'
  | 'user.read'
  | 'user.manage'
  | 'administratorAccount.manage'
  | 'person.read'
  | 'person.manage'
  | 'person.revealIdNumber'
  | 'session.manage'
  | 'audit.read'
  | 'ledger.read'
  | 'ledger.checkpoint'
  | 'certificate.read'
  | 'certificate.manage'
  | 'certificate.completeCancellation'
  | 'law.read'
  | 'law.manage'
  | 'powerList.read'
  | 'powerList.edit'
  | 'powerList.review'
  | 'publication.publish'
  | 'disclosureList.read'
  | 'disclosureList.edit'
  | 'training.read'
  | 'training.manage'
  | 'windowBoard.manage'
  | 'case.read'
  | 'case.handle'
  | 'case.assist'
  | 'evidence.upload'
  | 'document.render';

/**
 * A session that must first change its password (first login, reset, expiry) or,
 * for an administrator, enable the second factor. Until then it has no actions.
 */
export type Restriction = 'password' | 'totp';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  agency: { id: string; name: string; shortName: string };
  unit: { id: string; name: string } | null;
  roles: { role: string; label: string }[];
  actions: string[];
  restriction: Restriction | null;
  totpEnabled: boolean;
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface ErrorDetail {
  field: string;
  message: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  details?: ErrorDetail[];
}
