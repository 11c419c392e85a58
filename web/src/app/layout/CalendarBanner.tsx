/**
 * The system administrator's and the supervisors' reminder that next year's
 * holiday arrangement is missing (from 1 November, a setting): deadlines that
 * reach that year are provisional until someone imports the State Council's notice.
 */
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../api';
import type { Me } from '../types';
import { useLoader } from '../use-loader';

interface CalendarStatus {
  years: number[];
  missing: number[];
  warnFrom: string;
  warning: boolean;
  message?: string;
}

const watchers = new Set(['system_admin', 'supervisor']);

export function CalendarBanner({ user }: { user: Me }) {
  const watching = user.roles.some((r) => watchers.has(r.role));
  const navigate = useNavigate();
  const { data } = useLoader(
    () => (watching ? api.get<CalendarStatus>('/api/calendar/status') : Promise.resolve(null)),
    [watching],
  );
  if (!data?.warning) return null;
  const admin = user.roles.some((r) => r.role === 'system_admin');
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="calendar-banner"
      title={data.message}
      action={
        admin ? (
          <Button size="small" onClick={() => navigate('/calendar')}>
            去导入
          </Button>
        ) : undefined
      }
    />
  );
}
