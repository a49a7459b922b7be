import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../shared/domain/common/errors.js';
import { acceptInvitation, invitationEmail } from '../../shared/identity/local-user-store.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The staff pool's password policy (identity-stack.ts), applied locally too. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'At least 12 characters · 至少 12 个字符';
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/\d/.test(password) || !/[^A-Za-z0-9]/.test(password))
    return 'Use upper- and lower-case letters, a digit and a symbol · 需包含大小写字母、数字和符号';
  return undefined;
}

/**
 * `/oidc/set-password?token=…`: where the local invitation e-mail points (Cognito's hosted UI asks
 * for a new password at first sign-in in AWS). A real form: the token is single-use and expires.
 */
export async function setPasswordRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const now = new Date();
  if (req.method === 'GET') {
    const token = url.searchParams.get('token') ?? '';
    const email = token ? await invitationEmail(token, now) : undefined;
    if (!email) return send(res, 400, page({ expired: true }));
    return send(res, 200, page({ token, email }));
  }
  if (req.method !== 'POST') return send(res, 405, page({ expired: true }));
  const form = new URLSearchParams(await readBody(req));
  const token = form.get('token') ?? '';
  const password = form.get('password') ?? '';
  const email = (await invitationEmail(token, now)) ?? '';
  if (!email) return send(res, 400, page({ expired: true }));
  const problem =
    passwordProblem(password) ??
    (password !== form.get('confirm') ? 'The passwords differ · 两次输入的密码不一致' : undefined);
  if (problem) return send(res, 400, page({ token, email, error: problem }));
  try {
    await acceptInvitation(token, password, now);
  } catch (error) {
    if (error instanceof AppError) return send(res, 400, page({ expired: true }));
    throw error;
  }
  send(res, 200, page({ done: true, email }));
}

function page(o: { token?: string; email?: string; error?: string; expired?: boolean; done?: boolean }): string {
  let body: string;
  if (o.expired) {
    body = `<p class="error" role="alert" data-testid="invitation-invalid">This link has expired or was already used. Ask an administrator for a new invitation. · 链接已失效或已使用。</p>`;
  } else if (o.done) {
    body = `<p data-testid="password-set">Your password is set. · 密码已设置。</p><p><a href="/app/" data-testid="continue-sign-in">Sign in to Cirrus CRM · 登录</a></p>`;
  } else {
    body = `${o.error ? `<p class="error" role="alert">${escapeHtml(o.error)}</p>` : ''}
<form method="post" action="/oidc/set-password">
<input type="hidden" name="token" value="${escapeHtml(o.token ?? '')}">
<label>E-mail · 邮箱</label><input value="${escapeHtml(o.email ?? '')}" disabled>
<label for="password">New password · 新密码</label><input id="password" name="password" type="password" required minlength="12" autocomplete="new-password" autofocus>
<label for="confirm">Repeat it · 再次输入</label><input id="confirm" name="confirm" type="password" required minlength="12" autocomplete="new-password">
<p class="hint">12+ characters with upper- and lower-case letters, a digit and a symbol.</p>
<button type="submit">Set password · 设置密码</button>
</form>`;
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Set your password · Cirrus CRM</title>
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f0f2f5;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08);padding:32px;width:min(380px,92vw)}
h1{font-size:22px;margin:0 0 16px}label{display:block;font-size:14px;margin:12px 0 4px}
input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #d9d9d9;border-radius:6px;font-size:15px}
button{margin-top:20px;width:100%;padding:11px;border:0;border-radius:6px;background:#1677ff;color:#fff;font-size:15px;cursor:pointer}
.error{background:#fff2f0;border:1px solid #ffccc7;color:#a8071a;padding:8px 12px;border-radius:6px}.hint{font-size:12px;color:#666}
</style></head><body><main><h1>Cirrus CRM · 设置密码</h1>${body}</main></body></html>`;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
