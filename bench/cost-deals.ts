import type { Runtime } from '../infra/local/runtime.js';
import { apiClient, apiMeasurer } from './measure.js';
import type { ApiOperationResult } from './types.js';

/**
 * DynamoDB cost of the deals context with 2,000 open deals in the default pipeline: the board
 * (one Query per stage + one Query of the maintained totals + the pipeline), "Load more" of a
 * column, a deal move (stage change) and a create. The board's cost follows the number of
 * stages, never the number of deals: the totals are maintained in each deal's transaction.
 */

const ADMIN = 'admin@cirrus.local';
const SALES1 = 'sales1@cirrus.local';
const SALES2 = 'sales2@cirrus.local';
const OPEN_DEALS = 2_000;
const STAGES = ['lead', 'intention', 'quote', 'negotiation'];

const BOARD_REASON =
  'board: 1 GetItem of the pipeline + 1 Query of the totals partition + 1 Query per stage (6 in the default pipeline), side by side; independent of the number of deals';
const MOVE_REASON =
  'stage change: 1 GetItem of the deal (consistent) + 1 GetItem of the pipeline + 1 TransactWriteItems (deal, audit record, totals of all/owner/team)';

export async function measureDealCosts(runtime: Runtime): Promise<ApiOperationResult[]> {
  const operations: ApiOperationResult[] = [];
  const send = await apiClient(runtime, [ADMIN, SALES1, SALES2]);

  const measure = apiMeasurer(runtime, send, operations);

  // Fixtures (not measured): 2,000 open deals of two reps of two teams, spread over the open stages.
  const create = async (i: number) => {
    const res = await send({
      method: 'POST',
      path: '/api/deals',
      as: i % 2 ? SALES2 : SALES1,
      body: {
        name: `Bench deal ${i}`,
        amount: 10_000 + i,
        currency: 'CNY',
        expectedCloseDate: '2031-06-15',
        stageId: STAGES[i % STAGES.length],
      },
    });
    if (res.status !== 201) throw new Error(`Creating a bench deal answered ${res.status}`);
  };
  for (let i = 0; i < OPEN_DEALS; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => create(i + j)));
  await runtime.drain();

  const board = await measure<{ columns: { stageId: string; nextCursor: string | null }[] }>(
    `board, ${OPEN_DEALS} open deals (admin, all)`,
    { method: 'GET', path: '/api/deals/board' },
    200,
    { limit: 8, reason: BOARD_REASON },
  );
  await measure(
    `board, ${OPEN_DEALS / 2} own open deals (sales, owner partition)`,
    { method: 'GET', path: '/api/deals/board', as: SALES1 },
    200,
    { limit: 8, reason: BOARD_REASON },
  );
  const lead = board.columns.find((c) => c.stageId === 'lead')!;
  await measure('board column "Load more" (one Query of the stage index)', {
    method: 'GET',
    path: `/api/deals?pipelineId=default&stageId=lead&limit=20&cursor=${lead.nextCursor}`,
  });
  await measure('deal list, close month (one Query of the close-month index)', {
    method: 'GET',
    path: '/api/deals?closeMonth=2031-06&limit=50',
    as: SALES1,
  });
  const created = await measure<{ id: string; version: number }>(
    'deal create (BatchGetItem + TransactWriteItems)',
    {
      method: 'POST',
      path: '/api/deals',
      as: SALES1,
      body: { name: 'Bench moved', amount: 5_000, currency: 'CNY', expectedCloseDate: '2031-07-01' },
    },
    201,
  );
  await measure(
    'deal move (stage change, totals in the same transaction)',
    {
      method: 'POST',
      path: `/api/deals/${created.id}/stage`,
      as: SALES1,
      body: { stageId: 'quote', version: created.version },
    },
    200,
    { limit: 3, reason: MOVE_REASON },
  );
  return operations;
}
