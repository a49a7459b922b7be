import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import type { Language } from '../../shared/language';
import type { Messages } from './messages';

interface Props {
  m: Messages;
  language: Language;
  onLanguageChange: (language: Language) => void;
}

/** The portal's placeholder: a real page that says what is coming, in the visitor's language. */
export function ComingSoon({ m, language, onLanguageChange }: Props) {
  return (
    <div className="page">
      <header className="top">
        <span className="brand">
          <CloudMark />
          <span>
            {m.brand} <span className="brand-sub">· {m.portal}</span>
          </span>
        </span>
        <LanguageSwitch value={language} onChange={onLanguageChange} label={m.language} />
      </header>

      <main className="main">
        <section className="hero">
          <span className="badge" data-testid="coming-soon">
            {m.badge}
          </span>
          <h1>{m.title}</h1>
          <p className="lead">{m.lead}</p>
        </section>

        <section aria-labelledby="features">
          <h2 id="features" className="features-title">
            {m.featuresTitle}
          </h2>
          <ul className="features">
            <Feature icon="✉" title={m.ticketsTitle} text={m.ticketsText} />
            <Feature icon="?" title={m.kbTitle} text={m.kbText} />
            <Feature icon="✓" title={m.prefsTitle} text={m.prefsText} />
          </ul>
        </section>

        <p className="meanwhile">{m.meanwhile}</p>
      </main>

      <footer className="foot">
        <span>{m.footer}</span>
        <a href="/app/">{m.staff}</a>
      </footer>
    </div>
  );
}

function Feature({ icon, title, text }: { icon: ReactNode; title: string; text: string }) {
  return (
    <li className="feature">
      <span className="feature-icon" aria-hidden="true">
        {icon}
      </span>
      <h3>{title}</h3>
      <p>{text}</p>
    </li>
  );
}

function CloudMark() {
  return (
    <svg className="mark" viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="currentColor" />
      <path d="M20 44h25a9 9 0 0 0 0-18 13 13 0 0 0-25-2 10 10 0 0 0 0 20z" fill="#fff" />
    </svg>
  );
}
