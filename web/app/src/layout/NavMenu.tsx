import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { ACCOUNT_SECURITY_PATH } from '../auth/RequireAuth';
import { NAVIGATION, navEntryOf } from './navigation';

type Item = Required<MenuProps>['items'][number];

/** The console's sections, from the navigation table; what a role cannot use is not offered. */
export function NavMenu({ mode, onNavigate }: { mode: 'inline' | 'vertical'; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can, mfaEnrolmentRequired } = useAuth();
  const { pathname } = useLocation();
  const menuEntries = NAVIGATION.filter((entry) => entry.menu);
  const selected = navEntryOf(pathname, menuEntries)?.path;

  const items: Item[] = menuEntries
    .filter((entry) => !entry.permission || can(entry.permission))
    // Until an admin or sysadmin sets up an authenticator app, nothing else answers them.
    .filter((entry) => !mfaEnrolmentRequired || entry.path === ACCOUNT_SECURITY_PATH)
    .map((entry) => ({
      key: entry.path,
      icon: entry.menu?.icon,
      label: (
        <Link to={entry.path} data-testid={entry.menu?.testId} onClick={onNavigate}>
          {entry.menu ? t(entry.menu.label) : entry.path}
        </Link>
      ),
    }));

  return <Menu mode={mode} selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 0 }} />;
}
