import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '../config.js';

/**
 * Sends e-mail through SES v2. Locally AWS_ENDPOINT_URL_SESV2 points the same client at the
 * local SES endpoint, whose mailbox page shows every message.
 */
export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Files sent with the message (a quote's PDF); SES v2 Simple content carries them. */
  attachments?: { filename: string; contentType: string; content: Uint8Array }[];
}

let client: SESv2Client | undefined;

export async function sendEmail(email: OutgoingEmail): Promise<string | undefined> {
  client ??= new SESv2Client({});
  const out = await client.send(
    new SendEmailCommand({
      FromEmailAddress: config().MAIL_FROM,
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
          ...(email.attachments?.length
            ? {
                Attachments: email.attachments.map((a) => ({
                  FileName: a.filename,
                  ContentType: a.contentType,
                  RawContent: a.content,
                  ContentDisposition: 'ATTACHMENT' as const,
                  ContentTransferEncoding: 'BASE64' as const,
                })),
              }
            : {}),
        },
      },
    }),
  );
  return out.MessageId;
}
