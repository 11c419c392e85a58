/** Online sessions: list and 强制下线 (the security administrator). */
import { api } from '../../app/api';

export interface OnlineSession {
  id: string;
  username: string;
  displayName: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
  /** The viewer's own session. */
  current: boolean;
  actions: { revoke: boolean };
}

export const sessionsApi = {
  list: () => api.get<{ items: OnlineSession[] }>('/api/security/sessions'),
  revoke: (id: string) => api.delete(`/api/security/sessions/${id}`),
};
