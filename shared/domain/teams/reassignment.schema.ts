import { id } from '../common/fields.js';
import * as z from '../common/zod.js';

/** Body of POST /api/reassignments: move every live record of a kind from one owner to another. */
export const reassignmentCreate = z
  .strictObject({ kind: z.enum(['contact', 'company']), fromOwnerId: id, toOwnerId: id })
  .check(
    z.refine((b: { fromOwnerId: string; toOwnerId: string }) => b.fromOwnerId !== b.toOwnerId, {
      message: 'Must differ from fromOwnerId',
      path: ['toOwnerId'],
    }),
  );
export type ReassignmentCreate = z.infer<typeof reassignmentCreate>;
