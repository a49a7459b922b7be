import type { ReactNode } from 'react';
import { FullPageSpin } from '../components/FullPageSpin';
import { useAuth } from './auth-context';
import { SignInPage } from './SignInPage';

/** Signed-out visitors see the sign-in page in place, so the deep link survives the round trip. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { ready, user } = useAuth();
  if (!ready) return <FullPageSpin />;
  if (!user) return <SignInPage />;
  return children;
}
