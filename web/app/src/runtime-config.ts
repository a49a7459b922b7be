/**
 * What the console learns at start from /config.json, so one build runs in every deployment:
 * the OIDC provider (Cognito in AWS, the local provider on one machine) and the version.
 */
export interface RuntimeConfig {
  /** `logoutUrl`: where sign-out ends the provider's session when it has no end_session_endpoint (Cognito). */
  oidc: { authority: string; clientId: string; scope: string; logoutUrl?: string };
  version: string;
}

function isRuntimeConfig(value: unknown): value is RuntimeConfig {
  if (typeof value !== 'object' || value === null) return false;
  const { oidc } = value as { oidc?: unknown };
  if (typeof oidc !== 'object' || oidc === null) return false;
  const { authority, clientId, scope } = oidc as Record<string, unknown>;
  return typeof authority === 'string' && typeof clientId === 'string' && typeof scope === 'string';
}

export async function loadRuntimeConfig(signal?: AbortSignal): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { signal, cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  const body: unknown = await response.json();
  if (!isRuntimeConfig(body)) throw new Error('/config.json lacks oidc.authority, oidc.clientId or oidc.scope');
  const { authority, clientId, scope, logoutUrl } = body.oidc;
  return {
    oidc: { authority, clientId, scope, ...(typeof logoutUrl === 'string' ? { logoutUrl } : {}) },
    version: typeof body.version === 'string' ? body.version : '',
  };
}
