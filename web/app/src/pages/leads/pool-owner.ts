/** A contact in the lead pool is "owned" by its pool's sentinel (`POOL_<teamId>`, see shared/db/keys.leads.ts). */
export const isPoolOwner = (ownerId: string): boolean => ownerId.startsWith('POOL_');

/** The owner's name, or the pool's label for a pooled lead (never the sentinel id). */
export function ownerLabel(names: Map<string, string>, ownerId: string, poolLabel: string): string {
  return isPoolOwner(ownerId) ? poolLabel : (names.get(ownerId) ?? ownerId);
}
