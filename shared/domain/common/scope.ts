/**
 * Which records of a kind a caller may see: all of them, their teams', or only those they own.
 * shared/auth decides a principal's scope; repositories and key modules take a scope and pick the
 * index partition that serves it, so no query reads beyond it.
 */
export type RecordScope =
  | { kind: 'all' }
  | { kind: 'team'; teamIds: readonly string[] }
  | { kind: 'owner'; ownerId: string };
