import { useQueryClient } from '@tanstack/react-query';
import type { User, UserManager } from 'oidc-client-ts';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { configureApiAuth } from '../api/client';
import type { RuntimeConfig } from '../runtime-config';
import { AuthContext, type AuthState } from './auth-context';
import { can, displayNameOf, rolesOf } from './claims';
import { createUserManager } from './user-manager';

/** A session whose tokens expired is renewed silently if the provider allows it, else forgotten. */
async function currentUser(manager: UserManager): Promise<User | null> {
  const user = await manager.getUser();
  if (!user?.expired) return user;
  try {
    return await manager.signinSilent();
  } catch {
    await manager.removeUser();
    return null;
  }
}

export function AuthProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const queryClient = useQueryClient();
  // Created once, and wired to the API client before any child can issue a request.
  const [manager] = useState(() => {
    const created = createUserManager(config.oidc);
    configureApiAuth({
      idToken: async () => (await currentUser(created))?.id_token ?? null,
      accessToken: async () => (await currentUser(created))?.access_token ?? null,
      unauthorized: () => void created.removeUser(),
    });
    return created;
  });
  const [session, setSession] = useState<{ ready: boolean; user: User | null }>({ ready: false, user: null });

  useEffect(() => {
    let active = true;
    currentUser(manager).then(
      (user) => active && setSession({ ready: true, user }),
      () => active && setSession({ ready: true, user: null }),
    );
    const loaded = (user: User) => setSession({ ready: true, user });
    const unloaded = () => {
      setSession({ ready: true, user: null });
      queryClient.clear();
    };
    const expired = () => void manager.removeUser();
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(unloaded);
    manager.events.addAccessTokenExpired(expired);
    return () => {
      active = false;
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(unloaded);
      manager.events.removeAccessTokenExpired(expired);
    };
  }, [manager, queryClient]);

  const value = useMemo<AuthState>(() => {
    const roles = rolesOf(session.user);
    return {
      manager,
      ready: session.ready,
      user: session.user,
      name: displayNameOf(session.user),
      email: session.user?.profile.email ?? '',
      roles,
      can: (permission) => can(roles, permission),
      signIn: (returnTo) => manager.signinRedirect({ state: { returnTo } }),
      signOut: async () => {
        if (config.oidc.logoutUrl) {
          // Cognito publishes no end_session_endpoint: forget the tokens here, then end the hosted
          // UI's session at its /logout, which sends the browser back to the console.
          await manager.removeUser();
          window.location.assign(config.oidc.logoutUrl);
          return;
        }
        try {
          await manager.signoutRedirect({ id_token_hint: session.user?.id_token });
        } catch {
          // The provider has no end-session endpoint: end it here.
          await manager.removeUser();
        }
      },
      mfaEnrolmentRequired: session.user?.profile['custom:mfa_enrol'] === 'true',
      refreshSession: async () => {
        try {
          return (await manager.signinSilent()) !== null;
        } catch {
          return false;
        }
      },
    };
  }, [manager, session, config.oidc.logoutUrl]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
