import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
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
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { matchPath } from 'react-router-dom';
import type { Permission } from '../api/types';

/** Shown in the menu: its icon, label and the test id of its link. */
interface MenuItem {
  icon: ReactNode;
  label: ParseKeys;
  testId: string;
}

/**
 * One section of the console. `path` is a router pattern under /app; what is below it (details,
 * editors) needs the same permission unless a more specific entry says otherwise.
 */
export interface NavEntry {
  path: string;
  /** What the role needs to open it; none: every signed-in user. */
  permission?: Permission;
  /** The path itself only, not what is below it (the home page at `/`). */
  end?: boolean;
  /** Absent: a guarded path that has no menu item of its own. */
  menu?: MenuItem;
}

/**
 * The console's navigation, once: the menu shows the entries a role may open, in this order, and
 * the route guard answers "not allowed" on the same entries' paths, so a link that the menu hides
 * cannot be opened by typing it either (the API refuses it anyway).
 */
export const NAVIGATION: readonly NavEntry[] = [
  {
    path: '/',
    end: true,
    permission: 'dashboard:read',
    menu: { icon: <HomeOutlined />, label: 'work.nav.home', testId: 'nav-home' },
  },
  {
    path: '/tasks',
    permission: 'tasks:read',
    menu: { icon: <CheckSquareOutlined />, label: 'work.nav.tasks', testId: 'nav-tasks' },
  },
  {
    path: '/contacts',
    permission: 'contacts:read',
    menu: { icon: <ContactsOutlined />, label: 'nav.contacts', testId: 'nav-contacts' },
  },
  {
    path: '/companies',
    permission: 'companies:read',
    menu: { icon: <ApartmentOutlined />, label: 'nav.companies', testId: 'nav-companies' },
  },
  {
    path: '/deals',
    permission: 'deals:read',
    menu: { icon: <FunnelPlotOutlined />, label: 'deals.nav.deals', testId: 'nav-deals' },
  },
  { path: '/deals/:dealId/quotes', permission: 'quotes:read' },
  { path: '/quotes', permission: 'quotes:read' },
  {
    path: '/leads',
    permission: 'leads:claim',
    menu: { icon: <InboxOutlined />, label: 'leads.nav.pool', testId: 'nav-lead-pool' },
  },
  {
    path: '/contracts',
    permission: 'contracts:read',
    menu: { icon: <FileProtectOutlined />, label: 'contracts.nav', testId: 'nav-contracts' },
  },
  {
    path: '/forecast',
    permission: 'forecast:read',
    menu: { icon: <FundOutlined />, label: 'dashboard.nav.forecast', testId: 'nav-forecast' },
  },
  {
    path: '/dashboard/sales',
    permission: 'salesDashboard:read',
    menu: { icon: <DashboardOutlined />, label: 'dashboard.nav.salesDashboard', testId: 'nav-sales-dashboard' },
  },
  {
    path: '/settings/quotas',
    permission: 'quotas:manage',
    menu: { icon: <AimOutlined />, label: 'dashboard.nav.quotas', testId: 'nav-quotas' },
  },
  {
    path: '/settings/lead-rules',
    permission: 'leadPool:manage',
    menu: { icon: <ShareAltOutlined />, label: 'leads.nav.rules', testId: 'nav-lead-rules' },
  },
  {
    path: '/settings/products',
    permission: 'products:manage',
    menu: { icon: <TagsOutlined />, label: 'quotes.products.nav', testId: 'nav-products' },
  },
  {
    path: '/settings/pipelines',
    permission: 'pipelines:manage',
    menu: { icon: <NodeIndexOutlined />, label: 'deals.nav.pipelines', testId: 'nav-pipelines' },
  },
  {
    path: '/settings/custom-fields',
    permission: 'customFields:manage',
    menu: { icon: <SettingOutlined />, label: 'nav.customFields', testId: 'nav-custom-fields' },
  },
  // Agents and managers read the calendars their SLA clocks run on; admins edit them.
  {
    path: '/settings/business-calendars',
    permission: 'serviceSettings:read',
    menu: { icon: <FieldTimeOutlined />, label: 'calendars.nav', testId: 'nav-business-calendars' },
  },
  {
    path: '/settings/sla-policies',
    permission: 'serviceSettings:read',
    menu: { icon: <AlertOutlined />, label: 'sla.nav', testId: 'nav-sla-policies' },
  },
  // Sysadmins see this one even though they edit no customers: reading the log is their job.
  {
    path: '/settings/audit',
    permission: 'audit:read',
    menu: { icon: <AuditOutlined />, label: 'nav.audit', testId: 'nav-audit' },
  },
  {
    path: '/settings/users',
    permission: 'users:read',
    menu: { icon: <UserOutlined />, label: 'nav.users', testId: 'nav-users' },
  },
  {
    path: '/settings/teams',
    permission: 'teams:manage',
    menu: { icon: <TeamOutlined />, label: 'nav.teams', testId: 'nav-teams' },
  },
  // Whoever administers the system connects other systems to it: the API's reference is for them
  // (any signed-in staff member may read the document itself).
  {
    path: '/settings/api',
    permission: 'users:read',
    menu: { icon: <ApiOutlined />, label: 'apiReference.nav', testId: 'nav-api-reference' },
  },
  { path: '/notifications', permission: 'notifications:read' },
  // Everyone's own sign-in security (an authenticator app); required for admins and sysadmins.
  {
    path: '/account/security',
    menu: { icon: <SafetyOutlined />, label: 'account.nav', testId: 'nav-account-security' },
  },
];

/** The most specific entry covering `pathname` (a console path without the /app base). */
export function navEntryOf(pathname: string, entries: readonly NavEntry[] = NAVIGATION): NavEntry | undefined {
  let best: NavEntry | undefined;
  for (const entry of entries) {
    if (!matchPath({ path: entry.path, end: entry.end ?? false }, pathname)) continue;
    if (!best || entry.path.length > best.path.length) best = entry;
  }
  return best;
}
