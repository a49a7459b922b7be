const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f0f2f5;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08);padding:32px;width:min(380px,92vw)}
h1{font-size:22px;margin:0 0 4px}p.sub{color:#666;margin:0 0 24px}
label{display:block;font-size:14px;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #d9d9d9;border-radius:6px;font-size:15px}
button[type=submit]{margin-top:20px;width:100%;padding:11px;border:0;border-radius:6px;background:#1677ff;color:#fff;font-size:15px;cursor:pointer}
.error{background:#fff2f0;border:1px solid #ffccc7;color:#a8071a;padding:8px 12px;border-radius:6px}
details{margin-top:20px;font-size:13px;color:#555}ul{padding-left:0;list-style:none}li{margin:4px 0}
.pick{background:none;border:0;color:#1677ff;cursor:pointer;padding:0;font-size:13px}
</style>`;

/** A seeded sign-in listed on the page: its e-mail and what it is (roles, or "customer"). */
export interface SignInChoice {
  email: string;
  label: string;
}

/**
 * The local provider's sign-in page (Cognito's hosted UI plays this part in AWS), one per pool:
 * the staff console's and the customer portal's. It lists the pool's seeded sign-ins, since they
 * exist only on a developer's machine.
 */
export function signInPage(opts: {
  action: string;
  users: readonly SignInChoice[];
  /** Shown under the brand: which sign-in this is. */
  subtitle?: string;
  error?: boolean;
  email?: string;
}): string {
  const rows = opts.users
    .map(
      (u) =>
        `<li><button type="button" class="pick" data-email="${escapeHtml(u.email)}">${escapeHtml(u.email)}</button> <span>${escapeHtml(u.label)}</span></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Cirrus CRM</title>
${STYLE}</head><body><main>
<h1>Cirrus CRM</h1><p class="sub">${escapeHtml(opts.subtitle ?? 'Sign in · 登录')}</p>
${opts.error ? '<p class="error" role="alert">Wrong e-mail or password · 邮箱或密码错误</p>' : ''}
<form method="post" action="${escapeHtml(opts.action)}" autocomplete="on">
<label for="email">E-mail · 邮箱</label><input id="email" name="email" type="email" required autofocus value="${escapeHtml(opts.email ?? '')}">
<label for="password">Password · 密码</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in · 登录</button>
</form>
<details><summary>Local demo sign-ins (password <code>cirrus-demo</code>)</summary><ul>${rows}</ul></details>
</main>
<script>document.querySelectorAll('.pick').forEach(b=>b.addEventListener('click',()=>{document.getElementById('email').value=b.dataset.email;document.getElementById('password').focus();}));</script>
</body></html>`;
}

/**
 * The second step of a sign-in, for a user with TOTP in force: the 6-digit code of their
 * authenticator app (Cognito's hosted UI asks the same after the password).
 */
export function totpPage(opts: { action: string; subtitle?: string; error?: boolean }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Authenticator code · Cirrus CRM</title>
${STYLE}</head><body><main>
<h1>Cirrus CRM</h1><p class="sub">${escapeHtml(opts.subtitle ?? 'Sign in · 登录')}</p>
${opts.error ? '<p class="error" role="alert">Wrong or used code · 验证码错误或已使用</p>' : ''}
<form method="post" action="${escapeHtml(opts.action)}" autocomplete="off">
<label for="code">Code from your authenticator app · 身份验证器中的验证码</label>
<input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required autofocus autocomplete="one-time-code">
<button type="submit">Verify · 验证</button>
</form>
</main></body></html>`;
}
