import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { getPipeline, listPipelineItems, readTotals, writePipeline } from '../../db/deals.repository.js';
import { type IdempotencyRequest, replayed, storeAnswer } from '../../db/idempotency.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, invalid, notFound, staleVersion } from '../../domain/common/errors.js';
import { checkPipeline, checkRemovedStagesEmpty } from '../../domain/deals/deal-rules.js';
import {
  DEFAULT_PIPELINE_ID,
  defaultPipeline,
  type Pipeline,
  type PipelineCreate,
  type PipelinePatch,
} from '../../domain/deals/pipeline.schema.js';

/**
 * Pipelines: the default one exists on any table (written, audited, by the first request that
 * needs it: a fresh table in AWS or locally), admins add and edit others. A stage that holds
 * deals cannot be removed (the ALL totals say so in one Query).
 */

const SYSTEM = { userId: 'system', name: 'Cirrus' };

/** The default pipeline, written once (conditional put) if the table has none yet. */
export async function ensureDefaultPipeline(clock: Clock = systemClock): Promise<Pipeline> {
  const existing = await getPipeline(DEFAULT_PIPELINE_ID);
  if (existing) return existing;
  const now = clock.now().toISOString();
  const pipeline = defaultPipeline(now);
  const audit = auditRecord({
    kind: 'pipeline',
    entityId: pipeline.id,
    entityName: pipeline.name,
    action: 'created',
    actor: SYSTEM,
    changes: diffRecords(undefined, pipeline),
    at: now,
  });
  try {
    await writePipeline(undefined, pipeline, audit);
    return pipeline;
  } catch (error) {
    // Two first requests at once: the other one wrote it.
    if (error instanceof AppError && error.kind === 'conflict') return (await getPipeline(DEFAULT_PIPELINE_ID))!;
    throw error;
  }
}

/** Pipelines by name; the default one first. */
export async function listPipelines(): Promise<{ items: Pipeline[] }> {
  let items = await listPipelineItems();
  if (!items.some((p) => p.id === DEFAULT_PIPELINE_ID)) items = [await ensureDefaultPipeline(), ...items];
  items.sort((a, b) => Number(Boolean(b.isDefault)) - Number(Boolean(a.isDefault)));
  return { items };
}

/** A pipeline by id, the default one written on first use; unknown → 400 naming `field`. */
export async function pipelineOrThrow(id: string, field = 'pipelineId'): Promise<Pipeline> {
  const pipeline = id === DEFAULT_PIPELINE_ID ? await ensureDefaultPipeline() : await getPipeline(id);
  if (!pipeline) throw invalid({ [field]: 'Unknown pipeline' });
  return pipeline;
}

export async function createPipeline(
  input: PipelineCreate,
  principal: Principal,
  idempotency?: IdempotencyRequest,
  clock: Clock = systemClock,
): Promise<{ status: number; body: Pipeline }> {
  const again = await replayed<Pipeline>(idempotency);
  if (again) return again;
  checkPipeline(input);
  const now = clock.now().toISOString();
  const pipeline: Pipeline = { ...input, id: randomUUID(), version: 1, createdAt: now, updatedAt: now };
  const audit = auditRecord({
    kind: 'pipeline',
    entityId: pipeline.id,
    entityName: pipeline.name,
    action: 'created',
    actor: principal,
    changes: diffRecords(undefined, pipeline),
    at: now,
  });
  await writePipeline(undefined, pipeline, audit, storeAnswer(idempotency, 201, pipeline, clock.now().getTime()));
  return { status: 201, body: pipeline };
}

export async function updatePipeline(
  id: string,
  patch: Omit<PipelinePatch, 'version'>,
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<Pipeline> {
  const before = id === DEFAULT_PIPELINE_ID ? await ensureDefaultPipeline() : await getPipeline(id);
  if (!before) throw notFound('pipeline');
  if (before.version !== version) throw staleVersion('pipeline');
  const next = {
    ...before,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.stages !== undefined ? { stages: patch.stages } : {}),
    ...(patch.lostReasons !== undefined ? { lostReasons: patch.lostReasons } : {}),
  };
  checkPipeline(next);
  if (patch.stages) {
    const removed = before.stages.some((s) => !next.stages.some((n) => n.id === s.id));
    if (removed) {
      const occupied = await readTotals(id, { kind: 'all' });
      checkRemovedStagesEmpty(before.stages, next.stages, new Set(occupied.keys()));
    }
  }
  const changes = diffRecords(before, next);
  if (changes.length === 0) return before;
  const now = clock.now().toISOString();
  const after: Pipeline = { ...next, version: before.version + 1, updatedAt: now };
  const audit = auditRecord({
    kind: 'pipeline',
    entityId: id,
    entityName: after.name,
    action: 'updated',
    actor: principal,
    changes,
    at: now,
  });
  await writePipeline(before, after, audit);
  return after;
}
