import type { User, UserManager } from 'oidc-client-ts';
import { createContext, useContext } from 'react';
import type { Permission, Role } from '../api/types';

export interface AuthState {
  manager: UserManager;
  /** False until the stored session (if any) has been read. */
  ready: boolean;
  user: User | null;
  name: string;
  email: string;
  roles: Role[];
  can(permission: Permission): boolean;
  /** Go to the provider's sign-in page; come back to `returnTo` (a console path) afterwards. */
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
  /**
   * The token is marked `custom:mfa_enrol` (an admin or sysadmin without TOTP): the API answers
   * nothing but the Account security page until the user enrols and gets a new token.
   */
  mfaEnrolmentRequired: boolean;
  /** A new token without a new sign-in (refresh, or the provider's session); false when that failed. */
  refreshSession(): Promise<boolean>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
