import { routesOf } from '../../infra/manifest.js';
import { companyContracts, contactContracts, customersApi } from '../../shared/http/contracts/customers.contract.js';
import { createHandler } from '../../shared/http/router.js';
import { customFieldRoutes } from './custom-fields.routes.js';
import { customerRecordRoutes } from './record-routes.js';

/** Lambda entry of the customers context: contacts, companies and their custom fields. */
export const handler = createHandler(
  routesOf('customers'),
  {
    ...customerRecordRoutes('contact', '/api/contacts', contactContracts),
    ...customerRecordRoutes('company', '/api/companies', companyContracts),
    ...customFieldRoutes,
  },
  customersApi,
);
