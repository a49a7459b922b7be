import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { detectLanguage, type Language, storeLanguage } from '../../shared/language';
import { ComingSoon } from './ComingSoon';
import { MESSAGES } from './messages';
import './portal.css';

function Portal() {
  const [language, setLanguage] = useState<Language>(detectLanguage);
  const m = MESSAGES[language];

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${m.portal} · ${m.brand}`;
  }, [language, m]);

  const change = (next: Language) => {
    storeLanguage(next);
    setLanguage(next);
  };

  return <ComingSoon m={m} language={language} onLanguageChange={change} />;
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Portal />
    </StrictMode>,
  );
}
