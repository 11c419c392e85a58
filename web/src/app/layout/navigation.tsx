/** The console menu: each entry names the action a user needs to see it. */
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  DesktopOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
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
  { path: '/organisation', label: '执法主体与机构', icon: <ApartmentOutlined />, action: 'agency.read' },
  { path: '/persons', label: '人员名册', icon: <IdcardOutlined />, action: 'person.read' },
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
