import { routesOf } from '../../infra/manifest.js';
import { companyCreate, companyListQuery, companyPatch } from '../../shared/domain/customers/company.schema.js';
import { contactCreate, contactListQuery, contactPatch } from '../../shared/domain/customers/contact.schema.js';
import { createHandler } from '../../shared/http/router.js';
import { customFieldRoutes } from './custom-fields.routes.js';
import { customerRecordRoutes } from './record-routes.js';

/** Lambda entry of the customers context: contacts, companies and their custom fields. */
export const handler = createHandler(routesOf('customers'), {
  ...customerRecordRoutes('contact', '/api/contacts', {
    create: contactCreate,
    patch: contactPatch,
    list: contactListQuery,
  }),
  ...customerRecordRoutes('company', '/api/companies', {
    create: companyCreate,
    patch: companyPatch,
    list: companyListQuery,
  }),
  ...customFieldRoutes,
});
