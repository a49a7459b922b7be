import type { RouteContract } from '../route.js';
import { apiDocsApi } from './api-docs.contract.js';
import { auditApi } from './audit.contract.js';
import { contractsApi } from './contracts.contract.js';
import { customersApi } from './customers.contract.js';
import { dealsApi } from './deals.contract.js';
import { forecastApi } from './forecast.contract.js';
import { leadsApi } from './leads.contract.js';
import { notificationsApi } from './notifications.contract.js';
import { platformApi } from './platform.contract.js';
import { quotePdfApi } from './quote-pdf.contract.js';
import { quotesApi } from './quotes.contract.js';
import { serviceApi } from './service.contract.js';
import { teamsApi } from './teams.contract.js';
import { usersApi } from './users.contract.js';
import { workApi } from './work.contract.js';

/** Every route's contract by route key: what the OpenAPI document is built from. */
export const apiContracts: Readonly<Record<string, RouteContract>> = {
  ...apiDocsApi,
  ...auditApi,
  ...contractsApi,
  ...customersApi,
  ...dealsApi,
  ...forecastApi,
  ...leadsApi,
  ...notificationsApi,
  ...platformApi,
  ...quotePdfApi,
  ...quotesApi,
  ...serviceApi,
  ...teamsApi,
  ...usersApi,
  ...workApi,
};
