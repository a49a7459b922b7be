/**
 * The key modules in one import: keys.core.ts (shared shapes, TYPE, list sources), keys.records.ts
 * (contacts, companies, their settings), keys.audit.ts (the audit log) and keys.staff.ts (users,
 * teams); each holds its access-pattern table. The sales contexts' key modules (keys.deals.ts,
 * keys.quotes.ts, ...) are imported directly.
 */
import { auditKeys } from './keys.audit.js';
import { coreKeys } from './keys.core.js';
import { recordKeys } from './keys.records.js';
import { staffKeys } from './keys.staff.js';

export * from './keys.audit.js';
export * from './keys.core.js';
export * from './keys.records.js';
export * from './keys.staff.js';

/** Every key builder of the modules above, as `keys.record(...)`, `keys.user(...)`, ... */
export const keys = { ...coreKeys, ...recordKeys, ...auditKeys, ...staffKeys };
