import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger per function, created at module scope. Never log tokens, bodies, queries or any
 * personal data: only route keys, ids, statuses and timings.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'cirrus-crm' });
