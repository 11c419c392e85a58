/** The console menu: each entry names the action a user needs to see it. */
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  DesktopOutlined,
  FieldTimeOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  IdcardOutlined,
  NodeIndexOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Action, Me } from '../types';

export interface NavEntry {
  path: string;
  label: string;
  icon: ReactNode;
  action?: Action;
}

export const navigation: readonly NavEntry[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined /> },
  { path: '/cases', label: '案件办理', icon: <FolderOpenOutlined />, action: 'case.read' },
  { path: '/my-deadlines', label: '我的期限', icon: <FieldTimeOutlined />, action: 'case.read' },
  { path: '/recording-list', label: '音像记录清单', icon: <VideoCameraOutlined />, action: 'case.read' },
  { path: '/organisation', label: '执法主体与机构', icon: <ApartmentOutlined />, action: 'agency.read' },
  { path: '/persons', label: '人员名册', icon: <IdcardOutlined />, action: 'person.read' },
  { path: '/certificates', label: '执法证件', icon: <FileProtectOutlined />, action: 'certificate.read' },
  { path: '/auxiliaries', label: '辅助人员名册', icon: <UserSwitchOutlined />, action: 'person.read' },
  { path: '/training', label: '培训台账', icon: <ReadOutlined />, action: 'training.read' },
  { path: '/reviewers', label: '法制审核人员', icon: <SafetyOutlined />, action: 'person.read' },
  { path: '/window-boards', label: '窗口公示', icon: <ShopOutlined />, action: 'agency.read' },
  { path: '/power-list', label: '权责清单', icon: <UnorderedListOutlined />, action: 'powerList.read' },
  { path: '/laws', label: '法律法规库', icon: <BookOutlined />, action: 'law.read' },
  { path: '/flowcharts', label: '执法流程图', icon: <NodeIndexOutlined /> },
  { path: '/service-guides', label: '服务指南', icon: <FileTextOutlined />, action: 'disclosureList.read' },
  {
    path: '/inspection-items',
    label: '随机抽查事项',
    icon: <FileSearchOutlined />,
    action: 'disclosureList.read',
  },
  {
    path: '/discretion-benchmarks',
    label: '裁量基准',
    icon: <ProfileOutlined />,
    action: 'disclosureList.read',
  },
  { path: '/exemptions', label: '免罚清单', icon: <ScheduleOutlined />, action: 'disclosureList.read' },
  { path: '/users', label: '用户与角色', icon: <TeamOutlined />, action: 'user.read' },
  { path: '/sessions', label: '在线会话', icon: <DesktopOutlined />, action: 'session.manage' },
  { path: '/audit', label: '安全审计', icon: <AuditOutlined />, action: 'audit.read' },
  { path: '/ledger', label: '全过程记录', icon: <SafetyCertificateOutlined />, action: 'ledger.read' },
  { path: '/calendar', label: '工作日历', icon: <CalendarOutlined />, action: 'calendar.read' },
  { path: '/settings', label: '辖区设置', icon: <SettingOutlined />, action: 'settings.read' },
];

export function visibleNavigation(user: Me): NavEntry[] {
  return navigation.filter((entry) => !entry.action || user.actions.includes(entry.action));
}

/** The menu key for a location: the first path segment. */
export function selectedPath(pathname: string): string {
  const first = pathname.split('/').filter(Boolean)[0];
  return first ? `/${first}` : '/';
}
