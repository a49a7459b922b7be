import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** What a role cannot use: said plainly, with a way back. */
export function Forbidden() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('errors.forbidden')}
      data-testid="forbidden"
      extra={
        <Button type="primary" onClick={() => navigate('/contacts')}>
          {t('nav.contacts')}
        </Button>
      }
    />
  );
}
