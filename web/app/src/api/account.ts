import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MfaStatus, TotpSetup } from '../../../../shared/domain/users/user.schema';
import { api, apiRequest } from './client';

/** The signed-in user's own account: their authenticator app (TOTP). */
export type { MfaStatus, TotpSetup } from '../../../../shared/domain/users/user.schema';

const mfaKey = ['me', 'mfa'] as const;

export function useMfaStatus() {
  return useQuery({
    queryKey: mfaKey,
    queryFn: ({ signal }) => api.get<MfaStatus>('/api/me/mfa', undefined, signal),
  });
}

/** Starts a set-up: a new secret for the app (not in force until a code of it is verified). */
export function useBeginTotp() {
  return useMutation({
    mutationFn: () => apiRequest<TotpSetup>('POST', '/api/me/mfa/totp', { body: {}, withAccessToken: true }),
  });
}

export function useVerifyTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest<MfaStatus>('POST', '/api/me/mfa/totp/verify', { body: { code }, withAccessToken: true }),
    onSuccess: (status) => client.setQueryData(mfaKey, status),
  });
}
