import { permissionTable } from '../shared/auth/permission-table.js';

// Prints the README's permission table (see shared/auth/permission-table.ts).
console.log(permissionTable());
