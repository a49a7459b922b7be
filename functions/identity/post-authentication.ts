import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { parseConfigAtColdStart } from '../../shared/config.js';
import { recordSignIn } from '../../shared/db/users.repository.js';

parseConfigAtColdStart();

/**
 * Cognito post-authentication trigger of the staff pool: records when the user signed in
 * (`lastSignInAt` on their staff profile), as the local provider does at its sign-in.
 *
 * One conditional UpdateItem, `recordSignIn`, the same the local provider makes: the profile must
 * exist and the time only moves forward, so a retried or late invocation never moves it backwards
 * and a repeat changes nothing (idempotent). The sign-in has already succeeded: failing to record
 * it must not lock the user out, so errors are logged, not thrown.
 */
export async function handler(
  event: PostAuthenticationTriggerEvent,
  now = new Date(),
): Promise<PostAuthenticationTriggerEvent> {
  const userId = event.request.userAttributes.sub;
  if (!userId) return event;
  try {
    // Not recorded when there is no profile or a later sign-in is: nothing to do either way.
    await recordSignIn(userId, now);
  } catch (error) {
    console.error(JSON.stringify({ message: 'Could not record the sign-in', userId, error: (error as Error)?.name }));
  }
  return event;
}
