import { LogoutOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';

export function SignOutButton({ iconOnly = false }: { iconOnly?: boolean }) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const [busy, setBusy] = useState(false);
  const button = (
    <Button
      data-testid="sign-out"
      icon={<LogoutOutlined />}
      loading={busy}
      aria-label={t('auth.signOut')}
      onClick={async () => {
        setBusy(true);
        try {
          await signOut();
        } finally {
          setBusy(false);
        }
      }}
    >
      {iconOnly ? null : t('auth.signOut')}
    </Button>
  );
  return iconOnly ? <Tooltip title={t('auth.signOut')}>{button}</Tooltip> : button;
}
