/** The signed-in user's own account: password and second factor. */
import { api } from '../../app/api';

export const accountApi = {
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/auth/password', { currentPassword, newPassword }),
  totpSetup: () => api.post<{ secret: string; uri: string }>('/api/auth/totp/setup'),
  totpEnable: (code: string) => api.post<void>('/api/auth/totp/enable', { code }),
  totpDisable: (password: string) => api.post<void>('/api/auth/totp/disable', { password }),
};

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type into an app. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
