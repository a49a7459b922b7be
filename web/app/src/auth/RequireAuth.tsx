import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin';
import { useAuth } from './auth-context';
import { SignInPage } from './SignInPage';

/** The page an admin or sysadmin without TOTP is kept on (the API answers nothing else). */
export const ACCOUNT_SECURITY_PATH = '/account/security';

/**
 * Signed-out visitors see the sign-in page in place, so the deep link survives the round trip.
 * A user who must set up an authenticator app first is sent to the Account security page.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { ready, user, mfaEnrolmentRequired } = useAuth();
  const { pathname } = useLocation();
  if (!ready) return <FullPageSpin />;
  if (!user) return <SignInPage />;
  if (mfaEnrolmentRequired && pathname !== ACCOUNT_SECURITY_PATH)
    return <Navigate to={ACCOUNT_SECURITY_PATH} replace />;
  return children;
}
