import { Liquid } from 'liquidjs';

/**
 * E-mail templates, rendered with LiquidJS: output is HTML-escaped by default, and an unknown
 * variable or filter fails the render (and so the send) instead of mailing a broken message.
 */
const engine = new Liquid({ outputEscape: 'escape', strictVariables: true, strictFilters: true });

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface EmailTemplate {
  subject: string;
  html: string;
  text: string;
}

const textEngine = new Liquid({ strictVariables: true, strictFilters: true });

export async function renderEmail(template: EmailTemplate, data: Record<string, unknown>): Promise<RenderedEmail> {
  const [subject, html, text] = await Promise.all([
    textEngine.parseAndRender(template.subject, data),
    engine.parseAndRender(template.html, data),
    textEngine.parseAndRender(template.text, data),
  ]);
  return { subject: subject.trim(), html, text };
}

/** Local provider only: in AWS, Cognito sends the invitation with a temporary password. */
export const INVITATION_EMAIL: EmailTemplate = {
  subject: 'You are invited to Cirrus CRM',
  html: `<p>Hello {{ name }},</p>
<p>You are invited to Cirrus CRM as <strong>{{ role }}</strong>.</p>
<p><a href="{{ link }}">Set your password</a> (the link works once, for {{ days }} days).</p>`,
  text: `Hello {{ name }},

You are invited to Cirrus CRM as {{ role }}.
Set your password (the link works once, for {{ days }} days): {{ link }}
`,
};
