import { randomUUID } from 'node:crypto';
import { required } from '../../shared/config.js';
import { auditRecord } from '../../shared/db/audit.js';
import { getCustomFieldSet, saveCustomFieldSet } from '../../shared/db/custom-fields.repository.js';
import {
  getReencryptJob,
  putReencryptJob,
  type ReencryptJob,
  type ReencryptMessage,
} from '../../shared/db/reencrypt.repository.js';
import { systemClock } from '../../shared/domain/common/clock.js';
import { diffRecords } from '../../shared/domain/common/diff.js';
import { AppError, notFound, staleVersion } from '../../shared/domain/common/errors.js';
import {
  type BuiltInSensitivity,
  builtInSettings,
  isBuiltInField,
} from '../../shared/domain/customers/builtin-sensitivity.js';
import { CUSTOM_FIELD_ENTITIES, type CustomFieldDef } from '../../shared/domain/customers/custom-field.schema.js';
import { customFieldsApi } from '../../shared/http/contracts/custom-fields.contract.js';
import { created, defineRoute, noContent, ok, type RouteDef } from '../../shared/http/route.js';
import { sendMessages } from '../../shared/queues/sender.js';

export const customFieldRoutes: Record<string, RouteDef> = {
  'GET /api/custom-fields': defineRoute({
    ...customFieldsApi['GET /api/custom-fields'],
    handle: async ({ query }) => {
      const entities = query.entity ? [query.entity] : CUSTOM_FIELD_ENTITIES;
      const sets = await Promise.all(entities.map(getCustomFieldSet));
      return ok({
        items: sets.flatMap((s) => s.fields),
        builtIn: entities.flatMap((entity, i) =>
          builtInSettings(entity, sets[i]!.builtIn).map((setting) => ({ entity, ...setting })),
        ),
      });
    },
  }),

  'POST /api/custom-fields': defineRoute({
    ...customFieldsApi['POST /api/custom-fields'],
    handle: async ({ body, principal }) => {
      const set = await getCustomFieldSet(body.entity);
      if (set.fields.some((f) => f.key === body.key)) {
        throw new AppError('conflict', 'customField.key_taken', `A ${body.entity} field with key ${body.key} exists`, {
          key: 'Already used',
        });
      }
      const now = systemClock.now().toISOString();
      const def: CustomFieldDef = { ...body, createdAt: now, updatedAt: now, version: 1 };
      if (!def.sensitive) delete def.readRoles;
      const audit = auditRecord({
        kind: 'customField',
        entityId: `${body.entity}.${body.key}`,
        entityName: body.label,
        action: 'created',
        actor: principal,
        changes: diffRecords(undefined, def),
        at: now,
      });
      await saveCustomFieldSet(body.entity, set, [...set.fields, def], audit);
      return created(def);
    },
  }),

  'PATCH /api/custom-fields/{entity}/{key}': defineRoute({
    ...customFieldsApi['PATCH /api/custom-fields/{entity}/{key}'],
    handle: async ({ params, body, version, principal }) => {
      const set = await getCustomFieldSet(params.entity);
      const before = set.fields.find((f) => f.key === params.key);
      if (!before) throw notFound('customField');
      const changes = body;
      if (version !== before.version) throw staleVersion('customField');
      if (changes.options && before.type !== 'select' && before.type !== 'multiselect') {
        throw new AppError('bad_request', 'validation_failed', 'Only selects have options', {
          options: 'Only selects have options',
        });
      }
      if (changes.readRoles && !before.sensitive) {
        throw new AppError('bad_request', 'validation_failed', 'Only sensitive fields have readRoles', {
          readRoles: 'Only sensitive fields have readRoles',
        });
      }
      const now = systemClock.now().toISOString();
      const after: CustomFieldDef = { ...before, ...changes, updatedAt: now, version: before.version + 1 };
      const audit = auditRecord({
        kind: 'customField',
        entityId: `${params.entity}.${params.key}`,
        entityName: after.label,
        action: 'updated',
        actor: principal,
        changes: diffRecords(before, after),
        at: now,
      });
      await saveCustomFieldSet(
        params.entity,
        set,
        set.fields.map((f) => (f.key === params.key ? after : f)),
        audit,
      );
      return ok(after);
    },
  }),

  /**
   * A built-in field's sensitivity (contact phone and address, company address). Turning it on or
   * off starts a re-encryption job in the same transaction (queued right after), which brings the
   * records already stored to the new setting; new writes follow it at once.
   */
  'PATCH /api/custom-fields/{entity}/built-in/{field}': defineRoute({
    ...customFieldsApi['PATCH /api/custom-fields/{entity}/built-in/{field}'],
    handle: async ({ params, body, version, principal }) => {
      if (!isBuiltInField(params.entity, params.field)) throw notFound('customField');
      const set = await getCustomFieldSet(params.entity);
      const all = builtInSettings(params.entity, set.builtIn);
      const before = all.find((s) => s.key === params.field)!;
      const changes = body;
      if (version !== before.version) throw staleVersion('customField');
      const now = systemClock.now().toISOString();
      const after: BuiltInSensitivity = {
        ...before,
        ...changes,
        readRoles: (changes.sensitive ?? before.sensitive) ? (changes.readRoles ?? before.readRoles) : [],
        updatedAt: now,
        version: before.version + 1,
      };
      const toggled = after.sensitive !== before.sensitive;
      const job: ReencryptJob | undefined = toggled
        ? {
            id: randomUUID(),
            entity: params.entity,
            field: params.field,
            target: after.sensitive ? 'encrypt' : 'decrypt',
            requestedBy: { id: principal.userId, name: principal.name },
            status: 'running',
            updated: 0,
            scanned: 0,
            batch: 1,
            phase: 'live',
            createdAt: now,
            updatedAt: now,
          }
        : undefined;
      const audit = auditRecord({
        kind: 'customField',
        entityId: `${params.entity}.${params.field}`,
        entityName: params.field,
        action: 'updated',
        actor: principal,
        changes: diffRecords({ ...before }, { ...after }),
        at: now,
      });
      await saveCustomFieldSet(
        params.entity,
        set,
        set.fields,
        audit,
        all.map((s) => (s.key === params.field ? after : s)),
        job ? [putReencryptJob(job)] : [],
      );
      if (job) {
        const first: ReencryptMessage = { jobId: job.id, batch: 1, phase: 'live' };
        await sendMessages(required('QUEUE_URL_REENCRYPT'), [first]);
      }
      return ok({ entity: params.entity, ...after, ...(job ? { job } : {}) });
    },
  }),

  'GET /api/custom-fields/jobs/{id}': defineRoute({
    ...customFieldsApi['GET /api/custom-fields/jobs/{id}'],
    handle: async ({ params }) => {
      const job = await getReencryptJob(params.id);
      if (!job) throw notFound('job');
      return ok(job);
    },
  }),

  'DELETE /api/custom-fields/{entity}/{key}': defineRoute({
    ...customFieldsApi['DELETE /api/custom-fields/{entity}/{key}'],
    handle: async ({ params, principal }) => {
      const set = await getCustomFieldSet(params.entity);
      const before = set.fields.find((f) => f.key === params.key);
      if (!before) throw notFound('customField');
      const now = systemClock.now().toISOString();
      const audit = auditRecord({
        kind: 'customField',
        entityId: `${params.entity}.${params.key}`,
        entityName: before.label,
        action: 'deleted',
        actor: principal,
        changes: diffRecords(before, undefined),
        at: now,
      });
      await saveCustomFieldSet(
        params.entity,
        set,
        set.fields.filter((f) => f.key !== params.key),
        audit,
      );
      return noContent();
    },
  }),
};
