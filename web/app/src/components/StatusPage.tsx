import type { ReactNode } from 'react';

interface Props {
  tone: 'error' | 'warning';
  title: string;
  text?: string;
  action?: { label: string; onClick: () => void; testId: string };
  children?: ReactNode;
}

/**
 * A full-page message (configuration missing, sign-in failed, page crashed) in plain markup:
 * these show before or without the console's component library.
 */
export function StatusPage({ tone, title, text, action, children }: Props) {
  return (
    <div className="full-page-center">
      <div className="status-page" role={tone === 'error' ? 'alert' : 'status'}>
        <span className={`status-icon status-${tone}`} aria-hidden="true">
          !
        </span>
        <h1>{title}</h1>
        {text && <p>{text}</p>}
        {children}
        {action && (
          <button
            type="button"
            className="plain-button plain-button-primary"
            data-testid={action.testId}
            onClick={action.onClick}
          >
            {action.label}
          </button>
        )}
      </div>
    </div>
  );
}
