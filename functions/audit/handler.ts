import { routesOf } from '../../infra/manifest.js';
import { exportAuditLog } from '../../shared/app/audit/audit-export.js';
import { listAuditLog } from '../../shared/app/audit/audit-log.js';
import { auditApi } from '../../shared/http/contracts/audit.contract.js';
import { defineRoute, download, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the audit log: read and export only; no route changes an audit record. */
export const handler = createHandler(
  routesOf('audit'),
  {
    'GET /api/audit': defineRoute({
      ...auditApi['GET /api/audit'],
      handle: async ({ query: { cursor, limit, ...filters } }) => ok(await listAuditLog(filters, { cursor, limit })),
    }),
    'GET /api/audit/export': defineRoute({
      ...auditApi['GET /api/audit/export'],
      handle: async ({ query }) => {
        const out = await exportAuditLog(query);
        return download(out.filename, 'text/csv; charset=utf-8', out.csv, {
          'x-export-rows': String(out.rows),
          'x-export-truncated': String(out.truncated),
        });
      },
    }),
  },
  auditApi,
);
