import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { CallbackPage } from './auth/CallbackPage';
import { RequireAuth } from './auth/RequireAuth';
import { FullPageSpin } from './components/FullPageSpin';
import { RouteError } from './components/RouteError';

/*
 * Everything behind sign-in is loaded on demand: the entry chunk holds only the providers and
 * the sign-in / callback pages, each page arrives as its own chunk.
 */
const AppLayout = lazy(() => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout })));
// Each page is behind the permission of its entry in the navigation table (layout/navigation.tsx).
const RouteGuard = lazy(() => import('./layout/RouteGuard').then((m) => ({ default: m.RouteGuard })));
const ContactsListPage = lazy(() =>
  import('./pages/contacts/ContactsListPage').then((m) => ({ default: m.ContactsListPage })),
);
const ContactDetailPage = lazy(() =>
  import('./pages/contacts/ContactDetailPage').then((m) => ({ default: m.ContactDetailPage })),
);
const ContactEditorPage = lazy(() =>
  import('./pages/contacts/ContactEditorPage').then((m) => ({ default: m.ContactEditorPage })),
);
const CompaniesListPage = lazy(() =>
  import('./pages/companies/CompaniesListPage').then((m) => ({ default: m.CompaniesListPage })),
);
const CompanyDetailPage = lazy(() =>
  import('./pages/companies/CompanyDetailPage').then((m) => ({ default: m.CompanyDetailPage })),
);
const CompanyEditorPage = lazy(() =>
  import('./pages/companies/CompanyEditorPage').then((m) => ({ default: m.CompanyEditorPage })),
);
const CustomFieldsPage = lazy(() =>
  import('./pages/settings/CustomFieldsPage').then((m) => ({ default: m.CustomFieldsPage })),
);
const AuditLogPage = lazy(() => import('./pages/settings/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const UsersPage = lazy(() => import('./pages/settings/UsersPage').then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import('./pages/settings/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const HomePage = lazy(() => import('./pages/home/HomePage').then((m) => ({ default: m.HomePage })));
const TasksPage = lazy(() => import('./pages/tasks/TasksPage').then((m) => ({ default: m.TasksPage })));
const TaskDetailPage = lazy(() => import('./pages/tasks/TaskDetailPage').then((m) => ({ default: m.TaskDetailPage })));
const ForecastPage = lazy(() => import('./pages/forecast/ForecastPage').then((m) => ({ default: m.ForecastPage })));
const QuotasPage = lazy(() => import('./pages/forecast/QuotasPage').then((m) => ({ default: m.QuotasPage })));
const SalesDashboardPage = lazy(() =>
  import('./pages/dashboard/SalesDashboardPage').then((m) => ({ default: m.SalesDashboardPage })),
);
const LeadPoolPage = lazy(() => import('./pages/leads/LeadPoolPage').then((m) => ({ default: m.LeadPoolPage })));
const LeadRulesPage = lazy(() => import('./pages/leads/LeadRulesPage').then((m) => ({ default: m.LeadRulesPage })));
const AccountSecurityPage = lazy(() =>
  import('./pages/account/AccountSecurityPage').then((m) => ({ default: m.AccountSecurityPage })),
);
const ContractsListPage = lazy(() =>
  import('./pages/contracts/ContractsListPage').then((m) => ({ default: m.ContractsListPage })),
);
const ContractDetailPage = lazy(() =>
  import('./pages/contracts/ContractDetailPage').then((m) => ({ default: m.ContractDetailPage })),
);
const NotificationsPage = lazy(() =>
  import('./pages/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const ProductsPage = lazy(() => import('./pages/settings/ProductsPage').then((m) => ({ default: m.ProductsPage })));
const SlaPoliciesPage = lazy(() =>
  import('./pages/service/SlaPoliciesPage').then((m) => ({ default: m.SlaPoliciesPage })),
);
const BusinessCalendarsPage = lazy(() =>
  import('./pages/service/BusinessCalendarsPage').then((m) => ({ default: m.BusinessCalendarsPage })),
);
const DealQuotesPage = lazy(() => import('./pages/quotes/DealQuotesPage').then((m) => ({ default: m.DealQuotesPage })));
const QuotePage = lazy(() => import('./pages/quotes/QuotePage').then((m) => ({ default: m.QuotePage })));
const DealsPage = lazy(() => import('./pages/deals/DealsPage').then((m) => ({ default: m.DealsPage })));
const DealDetailPage = lazy(() => import('./pages/deals/DealDetailPage').then((m) => ({ default: m.DealDetailPage })));
const PipelinesPage = lazy(() => import('./pages/settings/PipelinesPage').then((m) => ({ default: m.PipelinesPage })));
// Scalar (and the Vue it brings) loads only with this page: its own chunk, not the console's entry.
const ApiReferencePage = lazy(() =>
  import('./pages/api-reference/ApiReferencePage').then((m) => ({ default: m.ApiReferencePage })),
);
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

export const router = createBrowserRouter(
  [
    { path: '/callback', element: <CallbackPage />, errorElement: <RouteError /> },
    {
      path: '/',
      errorElement: <RouteError />,
      element: (
        <RequireAuth>
          <Suspense fallback={<FullPageSpin />}>
            <AppLayout />
          </Suspense>
        </RequireAuth>
      ),
      children: [
        {
          element: <RouteGuard />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'tasks', element: <TasksPage /> },
            { path: 'tasks/:id', element: <TaskDetailPage /> },
            { path: 'contacts', element: <ContactsListPage /> },
            { path: 'contacts/new', element: <ContactEditorPage /> },
            { path: 'contacts/:id', element: <ContactDetailPage /> },
            { path: 'contacts/:id/edit', element: <ContactEditorPage /> },
            { path: 'companies', element: <CompaniesListPage /> },
            { path: 'companies/new', element: <CompanyEditorPage /> },
            { path: 'companies/:id', element: <CompanyDetailPage /> },
            { path: 'companies/:id/edit', element: <CompanyEditorPage /> },
            { path: 'settings/custom-fields', element: <CustomFieldsPage /> },
            { path: 'settings/audit', element: <AuditLogPage /> },
            { path: 'settings/users', element: <UsersPage /> },
            { path: 'settings/teams', element: <TeamsPage /> },
            { path: 'deals', element: <DealsPage /> },
            { path: 'deals/:id', element: <DealDetailPage /> },
            { path: 'settings/pipelines', element: <PipelinesPage /> },
            { path: 'forecast', element: <ForecastPage /> },
            { path: 'dashboard/sales', element: <SalesDashboardPage /> },
            { path: 'settings/quotas', element: <QuotasPage /> },
            { path: 'leads', element: <LeadPoolPage /> },
            { path: 'settings/lead-rules', element: <LeadRulesPage /> },
            { path: 'account/security', element: <AccountSecurityPage /> },
            { path: 'contracts', element: <ContractsListPage /> },
            { path: 'contracts/:id', element: <ContractDetailPage /> },
            { path: 'notifications', element: <NotificationsPage /> },
            { path: 'settings/products', element: <ProductsPage /> },
            { path: 'settings/api', element: <ApiReferencePage /> },
            { path: 'settings/business-calendars', element: <BusinessCalendarsPage /> },
            { path: 'settings/sla-policies', element: <SlaPoliciesPage /> },
            { path: 'deals/:dealId/quotes', element: <DealQuotesPage /> },
            { path: 'quotes/:id', element: <QuotePage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/app' },
);
