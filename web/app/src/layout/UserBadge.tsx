import { UserOutlined } from '@ant-design/icons';
import { Avatar, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';

/** Who is signed in, and as what. */
export function UserBadge({ vertical = false }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const { name, roles } = useAuth();
  const roleText = roles.length ? roles.map((role) => t(`roles.${role}`)).join(', ') : t('roles.none');
  return (
    <Flex align="center" gap={8} className="user-badge" data-testid="current-user">
      <Avatar size="small" icon={<UserOutlined />} />
      <Flex
        vertical={vertical}
        gap={vertical ? 0 : 6}
        align={vertical ? 'flex-start' : 'center'}
        style={{ minWidth: 0 }}
      >
        <Typography.Text strong ellipsis data-testid="user-name">
          {name}
        </Typography.Text>
        <Typography.Text type="secondary" ellipsis data-testid="user-role" style={{ fontSize: 12 }}>
          {roleText}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
