import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { required } from '../config.js';
import { instrument } from './metrics.js';

/**
 * The one DynamoDB client of a function, built at module scope and reused across invocations.
 * Locally the SDK reads AWS_ENDPOINT_URL_DYNAMODB and points at DynamoDB Local.
 */
let client: DynamoDBDocumentClient | undefined;

export function db(): DynamoDBDocumentClient {
  client ??= instrument(
    DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }), {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    }),
  );
  return client;
}

export function tableName(): string {
  return required('TABLE_NAME');
}

/** Tests point the client at another endpoint or swap it for a fault-injecting mock. */
export function resetDbForTests(): void {
  client = undefined;
}
