import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { db, tableName } from '../../shared/db/client.js';
import { keys } from '../../shared/db/keys.js';

/**
 * Cognito post-authentication trigger of the staff pool: records when the user signed in
 * (`lastSignInAt` on their staff profile), as the local provider does at its sign-in.
 *
 * One UpdateItem, conditional: the profile must exist (no stray item for an account without a
 * profile) and the stored time must be older, so a retried or late invocation never moves the
 * time backwards and a repeat changes nothing (idempotent). The sign-in has already succeeded:
 * failing to record it must not lock the user out, so errors are logged, not thrown.
 */
export async function handler(
  event: PostAuthenticationTriggerEvent,
  now = new Date(),
): Promise<PostAuthenticationTriggerEvent> {
  const userId = event.request.userAttributes.sub;
  if (!userId) return event;
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(userId),
        UpdateExpression: 'SET lastSignInAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastSignInAt) OR lastSignInAt < :at)',
        ExpressionAttributeValues: { ':at': now.toISOString() },
      }),
    );
  } catch (error) {
    // No profile, or a later sign-in is already recorded: nothing to do.
    if (error instanceof ConditionalCheckFailedException) return event;
    console.error(JSON.stringify({ message: 'Could not record the sign-in', userId, error: (error as Error)?.name }));
  }
  return event;
}
