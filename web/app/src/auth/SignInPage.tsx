import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { CloudMark } from '../components/CloudMark';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useAuth } from './auth-context';

/**
 * What a signed-out visitor sees at any console URL. Plain markup and CSS: it is part of the
 * entry chunk, which stays small because the component library loads only after sign-in.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const location = useLocation();
  const [state, setState] = useState<'idle' | 'redirecting' | 'failed'>('idle');

  const start = async () => {
    setState('redirecting');
    try {
      await signIn(`${location.pathname}${location.search}`);
    } catch {
      setState('failed'); // the provider's discovery document could not be fetched
    }
  };

  return (
    <div className="sign-in">
      <div className="sign-in-lang">
        <LanguageSwitch />
      </div>
      <main className="sign-in-card">
        <CloudMark size={56} />
        <h1>{t('auth.title')}</h1>
        <p className="sign-in-subtitle">{t('auth.subtitle')}</p>
        {state === 'failed' && (
          <p className="plain-alert" role="alert">
            {t('auth.failed')}
          </p>
        )}
        <button
          type="button"
          className="plain-button plain-button-primary plain-button-large"
          data-testid="sign-in"
          disabled={state === 'redirecting'}
          aria-busy={state === 'redirecting'}
          onClick={start}
        >
          {state === 'redirecting' && <span className="plain-spinner plain-spinner-small" aria-hidden="true" />}
          {state === 'redirecting' ? t('auth.signingIn') : t('auth.signIn')}
        </button>
        <p className="sign-in-note">{t('auth.note')}</p>
      </main>
    </div>
  );
}
