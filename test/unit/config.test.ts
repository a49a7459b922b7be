import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config.js';

/** The environment contract (shared/config.ts): parsed once, loud about what is wrong. */
describe('parseConfig', () => {
  it('fails in Lambda when APP_URL is unset, instead of linking e-mails to localhost', () => {
    expect(() => parseConfig({ AWS_LAMBDA_FUNCTION_NAME: 'cirrus-crm-deals', TABLE_NAME: 't' })).toThrow(
      /APP_URL is required in Lambda/,
    );
  });

  it('takes the local console as APP_URL outside Lambda, without a trailing slash when given one', () => {
    expect(parseConfig({}).APP_URL).toBe('http://localhost:3000');
    expect(parseConfig({ APP_URL: 'https://crm.example.com/' }).APP_URL).toBe('https://crm.example.com');
  });

  it.each([
    [{ APP_URL: 'crm.example.com' }, /APP_URL: must be an http\(s\) URL/],
    [{ USER_DIRECTORY: 'ldap' }, /USER_DIRECTORY/],
    [{ MAIL_FROM: 'x' }, /MAIL_FROM/],
  ])('names the variable that is malformed: %j', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('counts an empty variable as unset and keeps only the variables of the contract', () => {
    const parsed = parseConfig({ TABLE_NAME: '', EVENT_BUS_NAME: 'bus', HOME: '/root' }) as Record<string, unknown>;
    expect(parsed.TABLE_NAME).toBeUndefined();
    expect(parsed.EVENT_BUS_NAME).toBe('bus');
    expect(parsed.HOME).toBeUndefined();
    expect(parsed.MAIL_FROM).toBe('Cirrus CRM <no-reply@cirrus.local>');
  });
});
