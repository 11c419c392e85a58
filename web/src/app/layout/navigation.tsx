/** The console menu: each entry names the action a user needs to see it. */
import { CalendarOutlined, HomeOutlined, SettingOutlined } from '@ant-design/icons';
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
