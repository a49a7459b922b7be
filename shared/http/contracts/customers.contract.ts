import { id, pageQuery } from '../../domain/common/fields.js';
import * as z from '../../domain/common/zod.js';
import { companyCreate, companyListQuery, companyPatch } from '../../domain/customers/company.schema.js';
import { contactCreate, contactListQuery, contactPatch } from '../../domain/customers/contact.schema.js';
import { type RouteContract, routeContract } from '../route.js';
import { customFieldsApi } from './custom-fields.contract.js';

const idParams = z.strictObject({ id });
const timelineQuery = z.strictObject(pageQuery);

/** The contracts of the seven routes every customer record kind has; contacts and companies differ only in schemas. */
function recordContracts<C extends z.ZodMiniType, P extends z.ZodMiniType, L extends z.ZodMiniType>(schemas: {
  create: C;
  patch: P;
  list: L;
}) {
  return {
    list: routeContract({ query: schemas.list }),
    create: routeContract({ body: schemas.create, idempotent: true }),
    read: routeContract({ params: idParams }),
    patch: routeContract({ params: idParams, body: schemas.patch, versioned: true }),
    delete: routeContract({ params: idParams }),
    restore: routeContract({ params: idParams }),
    timeline: routeContract({ params: idParams, query: timelineQuery }),
  };
}
export type RecordContracts = ReturnType<typeof recordContracts>;

/** The route keys of a record kind under `base` (recordRoutes in infra/manifest.ts). */
export function recordRouteKeys(base: string): Record<keyof RecordContracts, string> {
  return {
    list: `GET ${base}`,
    create: `POST ${base}`,
    read: `GET ${base}/{id}`,
    patch: `PATCH ${base}/{id}`,
    delete: `DELETE ${base}/{id}`,
    restore: `POST ${base}/{id}/restore`,
    timeline: `GET ${base}/{id}/timeline`,
  };
}

function keyed(base: string, contracts: RecordContracts): Record<string, RouteContract> {
  const keys = recordRouteKeys(base);
  return Object.fromEntries(
    (Object.keys(keys) as (keyof RecordContracts)[]).map((verb) => [keys[verb], contracts[verb] as RouteContract]),
  );
}

export const contactContracts = recordContracts({ create: contactCreate, patch: contactPatch, list: contactListQuery });
export const companyContracts = recordContracts({ create: companyCreate, patch: companyPatch, list: companyListQuery });

export const customersApi: Record<string, RouteContract> = {
  ...keyed('/api/contacts', contactContracts),
  ...keyed('/api/companies', companyContracts),
  ...customFieldsApi,
};
