import type { User } from 'oidc-client-ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin';
import { StatusPage } from '../components/StatusPage';
import { useAuth } from './auth-context';

/** The code can be exchanged once; React's strict mode runs effects twice, so share one attempt. */
let exchange: Promise<User | undefined> | null = null;

/** Only console paths are valid destinations: never an absolute URL from the state. */
function safeReturnTo(user: User | undefined): string {
  const returnTo = (user?.state as { returnTo?: unknown } | undefined)?.returnTo;
  return typeof returnTo === 'string' && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
}

/** /app/callback: the provider sends the browser back here with ?code=…&state=… (or ?error=…). */
export function CallbackPage() {
  const { t } = useTranslation();
  const { manager, signIn } = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (!params.has('code') && !params.has('error')) {
      navigate('/', { replace: true });
      return;
    }
    exchange ??= manager.signinCallback();
    exchange.then(
      (user) => {
        exchange = null;
        navigate(safeReturnTo(user), { replace: true });
      },
      () => {
        exchange = null;
        setFailed(true);
      },
    );
  }, [manager, navigate]);

  if (!failed) return <FullPageSpin />;
  return (
    <StatusPage
      tone="error"
      title={t('auth.callbackFailed')}
      text={t('auth.callbackHint')}
      action={{ label: t('auth.tryAgain'), testId: 'sign-in', onClick: () => void signIn('/') }}
    />
  );
}
