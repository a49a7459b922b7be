import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';
import { auditRecord, putAudit } from '../../db/audit.js';
import { getCustomFieldSet, saveCustomFieldSet } from '../../db/custom-fields.repository.js';
import { getReencryptJob, putReencryptJob, type ReencryptJob } from '../../db/reencrypt.repository.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, invalid, notFound, staleVersion } from '../../domain/common/errors.js';
import {
  type BuiltInSensitivity,
  type BuiltInSensitivityPatch,
  builtInSettings,
  isBuiltInField,
} from '../../domain/customers/builtin-sensitivity.js';
import {
  CUSTOM_FIELD_ENTITIES,
  type CustomFieldCreate,
  type CustomFieldDef,
  type CustomFieldEntity,
  type CustomFieldPatch,
} from '../../domain/customers/custom-field.schema.js';
import { jobRequestedAudit } from '../jobs/job-start.js';

/**
 * Custom-field definitions and the sensitivity of built-in fields: configuration, audited like
 * records. Each change rewrites the entity's field set on the version read, with its audit record.
 */

export async function listCustomFields(entity?: CustomFieldEntity) {
  const entities = entity ? [entity] : CUSTOM_FIELD_ENTITIES;
  const sets = await Promise.all(entities.map(getCustomFieldSet));
  return {
    items: sets.flatMap((s) => s.fields),
    builtIn: entities.flatMap((e, i) =>
      builtInSettings(e, sets[i]!.builtIn).map((setting) => ({ entity: e, ...setting })),
    ),
  };
}

const fieldAudit = (
  entity: CustomFieldEntity,
  key: string,
  name: string,
  action: 'created' | 'updated' | 'deleted',
  principal: Principal,
  changes: ReturnType<typeof diffRecords>,
  at: string,
) =>
  auditRecord({
    kind: 'customField',
    entityId: `${entity}.${key}`,
    entityName: name,
    action,
    actor: principal,
    changes,
    at,
  });

export async function createCustomField(
  input: CustomFieldCreate,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<CustomFieldDef> {
  const set = await getCustomFieldSet(input.entity);
  if (set.fields.some((f) => f.key === input.key)) {
    throw new AppError('conflict', 'customField.key_taken', `A ${input.entity} field with key ${input.key} exists`, {
      key: 'Already used',
    });
  }
  const now = clock.now().toISOString();
  const def: CustomFieldDef = { ...input, createdAt: now, updatedAt: now, version: 1 };
  if (!def.sensitive) delete def.readRoles;
  const audit = fieldAudit(
    input.entity,
    input.key,
    input.label,
    'created',
    principal,
    diffRecords(undefined, def),
    now,
  );
  await saveCustomFieldSet(input.entity, set, [...set.fields, def], audit);
  return def;
}

export async function updateCustomField(
  entity: CustomFieldEntity,
  key: string,
  changes: CustomFieldPatch,
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<CustomFieldDef> {
  const set = await getCustomFieldSet(entity);
  const before = set.fields.find((f) => f.key === key);
  if (!before) throw notFound('customField');
  if (version !== before.version) throw staleVersion('customField');
  if (changes.options && before.type !== 'select' && before.type !== 'multiselect') {
    throw invalid({ options: 'Only selects have options' }, 'Only selects have options');
  }
  if (changes.readRoles && !before.sensitive) {
    throw invalid({ readRoles: 'Only sensitive fields have readRoles' }, 'Only sensitive fields have readRoles');
  }
  const now = clock.now().toISOString();
  const after: CustomFieldDef = { ...before, ...changes, updatedAt: now, version: before.version + 1 };
  const audit = fieldAudit(entity, key, after.label, 'updated', principal, diffRecords(before, after), now);
  await saveCustomFieldSet(
    entity,
    set,
    set.fields.map((f) => (f.key === key ? after : f)),
    audit,
  );
  return after;
}

/**
 * A built-in field's sensitivity (contact phone and address, company address). Turning it on or
 * off writes a re-encryption job in the same transaction, with the job's audit record: its
 * `reencryption.requested` event makes the job starter queue the first page (an outbox), and the
 * job brings the records already stored to the new setting; new writes follow it at once.
 */
export async function setBuiltInSensitivity(
  entity: CustomFieldEntity,
  field: string,
  changes: BuiltInSensitivityPatch,
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<BuiltInSensitivity & { entity: CustomFieldEntity; job?: ReencryptJob }> {
  if (!isBuiltInField(entity, field)) throw notFound('customField');
  const set = await getCustomFieldSet(entity);
  const all = builtInSettings(entity, set.builtIn);
  const before = all.find((s) => s.key === field)!;
  if (version !== before.version) throw staleVersion('customField');
  const now = clock.now().toISOString();
  const after: BuiltInSensitivity = {
    ...before,
    ...changes,
    readRoles: (changes.sensitive ?? before.sensitive) ? (changes.readRoles ?? before.readRoles) : [],
    updatedAt: now,
    version: before.version + 1,
  };
  const job: ReencryptJob | undefined =
    after.sensitive !== before.sensitive
      ? {
          id: randomUUID(),
          entity,
          field,
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
  const audit = fieldAudit(entity, field, field, 'updated', principal, diffRecords({ ...before }, { ...after }), now);
  const jobItems = job
    ? [
        putReencryptJob(job),
        putAudit(
          jobRequestedAudit(
            'reencryption',
            { id: job.id, summary: { entity, field, target: job.target } },
            principal,
            now,
          ),
        ),
      ]
    : [];
  await saveCustomFieldSet(
    entity,
    set,
    set.fields,
    audit,
    all.map((s) => (s.key === field ? after : s)),
    jobItems,
  );
  return { entity, ...after, ...(job ? { job } : {}) };
}

export async function reencryptJobOrThrow(id: string): Promise<ReencryptJob> {
  const job = await getReencryptJob(id);
  if (!job) throw notFound('job');
  return job;
}

export async function deleteCustomField(
  entity: CustomFieldEntity,
  key: string,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<void> {
  const set = await getCustomFieldSet(entity);
  const before = set.fields.find((f) => f.key === key);
  if (!before) throw notFound('customField');
  const now = clock.now().toISOString();
  const audit = fieldAudit(entity, key, before.label, 'deleted', principal, diffRecords(before, undefined), now);
  await saveCustomFieldSet(
    entity,
    set,
    set.fields.filter((f) => f.key !== key),
    audit,
  );
}
