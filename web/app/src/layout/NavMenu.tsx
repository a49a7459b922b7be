import {
  AimOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FundOutlined,
  FunnelPlotOutlined,
  HomeOutlined,
  InboxOutlined,
  NodeIndexOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShareAltOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';

type Item = Required<MenuProps>['items'][number];

/** The console's sections; what a role cannot use is not offered (the API refuses it anyway). */
export function NavMenu({ mode, onNavigate }: { mode: 'inline' | 'vertical'; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can, mfaEnrolmentRequired } = useAuth();
  const { pathname } = useLocation();
  const selected = [
    '/contacts',
    '/companies',
    '/settings/custom-fields',
    '/settings/audit',
    '/settings/users',
    '/settings/teams',
    '/deals',
    '/settings/pipelines',
    '/dashboard/sales',
    '/forecast',
    '/settings/quotas',
    '/leads',
    '/settings/lead-rules',
    '/settings/products',
    '/account/security',
    '/tasks',
    '/contracts',
    '/notifications',
    '/settings/api',
  ].find((p) => pathname.startsWith(p));

  const link = (to: string, testId: string, label: string) => (
    <Link to={to} data-testid={testId} onClick={onNavigate}>
      {label}
    </Link>
  );

  const items: Item[] = [];
  if (can('dashboard:read')) {
    items.push({ key: '/', icon: <HomeOutlined />, label: link('/', 'nav-home', t('work.nav.home')) });
  }
  if (can('tasks:read')) {
    items.push({
      key: '/tasks',
      icon: <CheckSquareOutlined />,
      label: link('/tasks', 'nav-tasks', t('work.nav.tasks')),
    });
  }
  if (can('contacts:read')) {
    items.push({
      key: '/contacts',
      icon: <ContactsOutlined />,
      label: link('/contacts', 'nav-contacts', t('nav.contacts')),
    });
  }
  if (can('companies:read')) {
    items.push({
      key: '/companies',
      icon: <ApartmentOutlined />,
      label: link('/companies', 'nav-companies', t('nav.companies')),
    });
  }
  if (can('deals:read')) {
    items.push({
      key: '/deals',
      icon: <FunnelPlotOutlined />,
      label: link('/deals', 'nav-deals', t('deals.nav.deals')),
    });
  }
  if (can('leads:claim')) {
    items.push({
      key: '/leads',
      icon: <InboxOutlined />,
      label: link('/leads', 'nav-lead-pool', t('leads.nav.pool')),
    });
  }
  if (can('contracts:read')) {
    items.push({
      key: '/contracts',
      icon: <FileProtectOutlined />,
      label: link('/contracts', 'nav-contracts', t('contracts.nav')),
    });
  }
  if (can('forecast:read')) {
    items.push({
      key: '/forecast',
      icon: <FundOutlined />,
      label: link('/forecast', 'nav-forecast', t('dashboard.nav.forecast')),
    });
  }
  if (can('salesDashboard:read')) {
    items.push({
      key: '/dashboard/sales',
      icon: <DashboardOutlined />,
      label: link('/dashboard/sales', 'nav-sales-dashboard', t('dashboard.nav.salesDashboard')),
    });
  }
  if (can('quotas:manage')) {
    items.push({
      key: '/settings/quotas',
      icon: <AimOutlined />,
      label: link('/settings/quotas', 'nav-quotas', t('dashboard.nav.quotas')),
    });
  }
  if (can('leadPool:manage')) {
    items.push({
      key: '/settings/lead-rules',
      icon: <ShareAltOutlined />,
      label: link('/settings/lead-rules', 'nav-lead-rules', t('leads.nav.rules')),
    });
  }
  if (can('products:manage')) {
    items.push({
      key: '/settings/products',
      icon: <TagsOutlined />,
      label: link('/settings/products', 'nav-products', t('quotes.products.nav')),
    });
  }
  if (can('pipelines:manage')) {
    items.push({
      key: '/settings/pipelines',
      icon: <NodeIndexOutlined />,
      label: link('/settings/pipelines', 'nav-pipelines', t('deals.nav.pipelines')),
    });
  }
  if (can('customFields:manage')) {
    items.push({
      key: '/settings/custom-fields',
      icon: <SettingOutlined />,
      label: link('/settings/custom-fields', 'nav-custom-fields', t('nav.customFields')),
    });
  }

  // Sysadmins see this one even though they edit no customers: reading the log is their job.
  if (can('audit:read')) {
    items.push({
      key: '/settings/audit',
      icon: <AuditOutlined />,
      label: link('/settings/audit', 'nav-audit', t('nav.audit')),
    });
  }

  if (can('users:read')) {
    items.push({
      key: '/settings/users',
      icon: <UserOutlined />,
      label: link('/settings/users', 'nav-users', t('nav.users')),
    });
  }

  if (can('teams:manage')) {
    items.push({
      key: '/settings/teams',
      icon: <TeamOutlined />,
      label: link('/settings/teams', 'nav-teams', t('nav.teams')),
    });
  }

  // Whoever administers the system connects other systems to it: the API's reference is for them
  // (any signed-in staff member may read the document itself).
  if (can('users:read')) {
    items.push({
      key: '/settings/api',
      icon: <ApiOutlined />,
      label: link('/settings/api', 'nav-api-reference', t('apiReference.nav')),
    });
  }

  // Everyone's own sign-in security (an authenticator app); required for admins and sysadmins.
  items.push({
    key: '/account/security',
    icon: <SafetyOutlined />,
    label: link('/account/security', 'nav-account-security', t('account.nav')),
  });

  // Until an admin or sysadmin sets up an authenticator app, nothing else answers them.
  const shown = mfaEnrolmentRequired ? items.filter((item) => item?.key === '/account/security') : items;
  return (
    <Menu
      mode={mode}
      selectedKeys={selected ? [selected] : pathname === '/' ? ['/'] : []}
      items={shown}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
