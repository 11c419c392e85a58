/**
 * Roles (DESIGN.md "Who uses it") and the declarative policy: which role may
 * take which action. Scope (own agency, or subtree for supervisors) is applied
 * separately by the server's one scope filter; this table only says "may".
 */
export const roles = [
  'officer',
  'auxiliary',
  'unit_head',
  'legal_reviewer',
  'agency_head',
  'discloser',
  'archivist',
  'supervisor',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  officer: '执法人员',
  auxiliary: '执法辅助人员',
  unit_head: '承办机构负责人',
  legal_reviewer: '法制审核人员',
  agency_head: '机关负责人',
  discloser: '公示管理员',
  archivist: '档案管理员',
  supervisor: '监督人员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/** 三员分立: one user never holds two of these, nor any of these with a business role. */
export const administratorRoles: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];
/** Everything else: the roles that handle, decide, review, publish and keep cases and lists. */
export const businessRoles: readonly Role[] = roles.filter((role) => !administratorRoles.includes(role));

export const actions = [
  'calendar.read',
  'calendar.edit',
  'settings.read',
  'settings.edit',
  'settings.editSecurity',
  'agency.read',
  'agency.manage',
  'unit.manage',
  'user.read',
  'user.manage',
  'administratorAccount.manage',
  'person.read',
  'person.manage',
  'person.revealIdNumber',
  'session.manage',
  'audit.read',
  'ledger.read',
  'ledger.checkpoint',
  'evidence.upload',
  'evidence.read',
  'certificate.read',
  'certificate.manage',
  'certificate.completeCancellation',
  'law.read',
  'law.manage',
  'powerList.read',
  'powerList.edit',
  'powerList.review',
  'publication.publish',
  'training.read',
  'training.manage',
  'windowBoard.manage',
  'disclosureList.read',
  'disclosureList.edit',
  'document.render',
  'document.read',
  'document.download',
  'documentTemplate.manage',
  'recordingList.edit',
  'case.read',
  'case.handle',
  'case.assist',
  'case.approve',
  'case.decide',
  'case.review',
  'case.archive',
] as const;
export type Action = (typeof actions)[number];

const everyone: readonly Role[] = roles;

export const policy: Record<Action, readonly Role[]> = {
  'calendar.read': everyone,
  'calendar.edit': ['system_admin'],
  // Officers meet settings through the deadlines they produce, not this page.
  'settings.read': [
    'system_admin',
    'security_admin',
    'audit_admin',
    'agency_head',
    'legal_reviewer',
    'supervisor',
  ],
  // Business settings belong to the system administrator; security policy to the
  // security administrator only (三员分立).
  'settings.edit': ['system_admin'],
  'settings.editSecurity': ['security_admin'],
  'agency.read': everyone,
  'agency.manage': ['system_admin'],
  'unit.manage': ['system_admin'],
  'user.read': ['system_admin', 'security_admin', 'agency_head', 'supervisor'],
  // Accounts: the system administrator's — except those of the security and audit
  // administrators, which only the security administrator manages (三员分立; see accountAction).
  'user.manage': ['system_admin'],
  'administratorAccount.manage': ['security_admin'],
  'person.read': ['system_admin', 'agency_head', 'unit_head', 'legal_reviewer', 'supervisor'],
  'person.manage': ['system_admin'],
  // The whole 身份证号 only for whoever maintains the register; each view is audited.
  'person.revealIdNumber': ['system_admin'],
  'session.manage': ['security_admin'],
  // The audit trail is the audit administrator's alone: not even the system administrator reads it.
  'audit.read': ['audit_admin'],
  // The whole-process record: the audit administrator and the supervising justice bureau.
  'ledger.read': ['audit_admin', 'supervisor'],
  'ledger.checkpoint': ['audit_admin'],
  // Evidence is collected by those who handle cases; an auxiliary may collect it, never sign for it.
  'evidence.upload': ['officer', 'auxiliary', 'unit_head', 'legal_reviewer', 'agency_head'],
  // Reading adds those who keep, supervise and audit case files; every read is on the ledger.
  'evidence.read': [
    'officer',
    'auxiliary',
    'unit_head',
    'legal_reviewer',
    'agency_head',
    'archivist',
    'supervisor',
    'audit_admin',
  ],
  // 行政执法证件 (Q1, Q2): the register is kept by the system administrator, and the agency
  // head decides on suspension and revocation; the disclosure officer publishes the officer
  // list (P7); the supervising justice bureau reads it and handles cancellation requests.
  'certificate.read': [
    'system_admin',
    'agency_head',
    'unit_head',
    'legal_reviewer',
    'discloser',
    'supervisor',
  ],
  'certificate.manage': ['system_admin', 'agency_head'],
  'certificate.completeCancellation': ['supervisor'],
  // 法律法规库: statutes are public facts every role may read; the legal unit keeps the texts,
  // and the system administrator may load them.
  'law.read': everyone,
  'law.manage': ['legal_reviewer', 'system_admin'],
  // 权责清单 (P3): business staff read it (the security and audit administrators have no
  // business role); unit heads, the agency head and the legal unit draft it; a legal reviewer
  // who did not draft a version reviews its legality; the disclosure officer publishes (P1).
  'powerList.read': [
    'officer',
    'auxiliary',
    'unit_head',
    'legal_reviewer',
    'agency_head',
    'discloser',
    'archivist',
    'supervisor',
    'system_admin',
  ],
  'powerList.edit': ['unit_head', 'legal_reviewer', 'agency_head'],
  'powerList.review': ['legal_reviewer'],
  // 公示: review, publish, correct, return and withdraw whatever is published (P1, P10, P11).
  'publication.publish': ['discloser'],
  // 培训台账 (Q3): kept like the certificate register — by the system administrator, with the
  // agency head; unit heads follow their people's hours, the legal unit the legal courses, the
  // supervising justice bureau checks it.
  'training.read': ['system_admin', 'agency_head', 'unit_head', 'legal_reviewer', 'supervisor'],
  'training.manage': ['system_admin', 'agency_head'],
  // 窗口公示牌 (P8): what is published about each service window is the disclosure officer's
  // to keep, with the system administrator who keeps the register it draws on.
  'windowBoard.manage': ['system_admin', 'discloser'],
  // 事前公开 lists (P4, P5, X4, Q8): service guides, random-inspection items, discretion
  // benchmarks, exemptions. Business staff read them; unit heads, the legal unit and the agency
  // head draft them (采集); the disclosure officer reviews and publishes (publication.publish).
  'disclosureList.read': [
    'officer',
    'auxiliary',
    'unit_head',
    'legal_reviewer',
    'agency_head',
    'discloser',
    'archivist',
    'supervisor',
    'system_admin',
  ],
  'disclosureList.edit': ['unit_head', 'legal_reviewer', 'agency_head'],
  // 执法文书: those who handle cases render them (each kind also names who may sign it); an
  // auxiliary never signs. Reading adds those who keep, supervise and audit case files, as for
  // evidence; every download is on the ledger. The legal unit and the system administrator keep
  // the agency's templates.
  'document.render': ['officer', 'unit_head', 'agency_head'],
  'document.read': [
    'officer',
    'auxiliary',
    'unit_head',
    'legal_reviewer',
    'agency_head',
    'archivist',
    'supervisor',
    'audit_admin',
  ],
  // Downloading a document's file, which names the party fully, ID number included (SEC-14):
  // the heads, the legal reviewers and the archivists of the agency; an officer or auxiliary only
  // the documents of a case they are on, or an agency document they made or signed (the server
  // checks that). Supervisors and audit administrators see a document's details and its
  // download record, not the file.
  'document.download': ['unit_head', 'legal_reviewer', 'agency_head', 'archivist'],
  'documentTemplate.manage': ['legal_reviewer', 'system_admin'],
  // 音像记录事项清单 (R5): the agency's own rule for its cases, drafted by the legal unit and
  // the agency head; everyone who reads cases reads it (case.read).
  'recordingList.edit': ['legal_reviewer', 'agency_head'],
  // 案件办理 (N1–N11, R1–R9): case handlers, the heads who approve and decide, the legal
  // unit that reviews, the archivist who files, and the supervising justice bureau read cases.
  'case.read': [
    'officer',
    'auxiliary',
    'unit_head',
    'legal_reviewer',
    'agency_head',
    'archivist',
    'supervisor',
  ],
  // Registering a source, assigning officers, recording facts, moving a case on: certified
  // officers and the heads above them. An auxiliary never acts alone (Q2).
  'case.handle': ['officer', 'unit_head', 'agency_head'],
  // Adding 笔录 and linking evidence: the handlers, and auxiliaries assisting them — who never
  // count towards N1 and never sign.
  'case.assist': ['officer', 'auxiliary', 'unit_head', 'agency_head'],
  // Approving a stage (立案, 处理意见, 延长, 结案…): the unit head and the agency head.
  'case.approve': ['unit_head', 'agency_head'],
  // A general-procedure decision is the agency head's (行政处罚法 art. 57).
  'case.decide': ['agency_head'],
  // 法制审核 (L1): the legal reviewers, never on a case they handle (checked per case).
  'case.review': ['legal_reviewer'],
  // 归档: the archivist; an archived file is read-only.
  'case.archive': ['archivist'],
};

/**
 * What one deployment shares (SEC-5): the working-day calendar every deadline counts on, the
 * jurisdiction settings (business rules and security policy) and the law library every item and
 * document cites. One agency keeps them for all — the deployment's owner, marked on the agency
 * (`agency.owns_deployment`); the same roles elsewhere read them and may not write them.
 */
export const deploymentWideActions: readonly Action[] = [
  'calendar.edit',
  'settings.edit',
  'settings.editSecurity',
  'law.manage',
];

/** Who is asking: their roles, and whether their agency keeps what the deployment shares. */
export interface Holder {
  roles: readonly Role[];
  ownsDeployment: boolean;
}

/** The one test of "may": a role the policy names, and, for what the deployment shares, the owner's agency. */
export function mayTake(holder: Holder, action: Action): boolean {
  if (deploymentWideActions.includes(action) && !holder.ownsDeployment) return false;
  return policy[action].some((role) => holder.roles.includes(role));
}

export function allowedActions(holder: Holder): Action[] {
  return actions.filter((action) => mayTake(holder, action));
}

export function holdsConflictingAdministratorRoles(userRoles: readonly Role[]): boolean {
  return administratorRoles.filter((role) => userRoles.includes(role)).length > 1;
}

/** 三员分立: an administrator holding a business role could decide cases or publish. */
export function holdsAdministratorAndBusinessRoles(userRoles: readonly Role[]): boolean {
  return (
    userRoles.some((role) => administratorRoles.includes(role)) &&
    userRoles.some((role) => businessRoles.includes(role))
  );
}

/**
 * The action needed to manage an account with these roles: the security and audit
 * administrators are kept by the security administrator, so the system administrator
 * cannot reach the audit trail or the security policy by creating or resetting them.
 */
export function accountAction(accountRoles: readonly Role[]): Action {
  return accountRoles.includes('security_admin') || accountRoles.includes('audit_admin')
    ? 'administratorAccount.manage'
    : 'user.manage';
}
