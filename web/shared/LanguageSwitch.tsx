import { LANGUAGE_LABELS, LANGUAGES, type Language } from './language';
import './language-switch.css';

interface Props {
  value: Language;
  onChange: (language: Language) => void;
  /** Accessible name of the group ("Language" / "语言"). */
  label: string;
}

/**
 * English / 中文 as two buttons, one of them pressed. Plain React and CSS: the portal and the
 * console's sign-in page use it without loading a component library.
 */
export function LanguageSwitch({ value, onChange, label }: Props) {
  return (
    <fieldset className="cirrus-lang-switch" data-testid="language-switch" aria-label={label}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={lng === value}
          data-testid={`language-${lng}`}
          className={lng === value ? 'is-active' : undefined}
          onClick={() => lng !== value && onChange(lng)}
        >
          {LANGUAGE_LABELS[lng]}
        </button>
      ))}
    </fieldset>
  );
}
