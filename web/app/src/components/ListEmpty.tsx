import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  trash: boolean;
  filtered: boolean;
  texts: { empty: string; noMatch: string; trashEmpty: string };
  onClearFilters: () => void;
  /** The call to action of an empty list, e.g. "New contact". */
  createAction?: ReactNode;
}

/** An empty list says why, and offers the next step. */
export function ListEmpty({ trash, filtered, texts, onClearFilters, createAction }: Props) {
  const { t } = useTranslation();
  let description = texts.empty;
  let action: ReactNode = createAction;
  if (filtered) {
    description = texts.noMatch;
    action = (
      <Button data-testid="clear-filters" onClick={onClearFilters}>
        {t('list.clearFilters')}
      </Button>
    );
  } else if (trash) {
    description = texts.trashEmpty;
    action = null;
  }
  return (
    <Empty data-testid="empty-state" description={description} style={{ padding: '32px 0' }}>
      {action}
    </Empty>
  );
}
