import type { PageConfig } from '../config';
import { randomToken, s256Challenge } from './pkce';
import { identity, savePendingLogin, takePendingLogin, token, type ActingFor, type Grantor } from './session';

/**
 * The authorization-code flow with PKCE (S256) at the issuer, as the public client
 * `mit-overblik-web`: no secret, the code and its verifier are the proof.
 */

export class LoginFailed extends Error {}

/**
 * Sends the browser to the issuer's login. `actFor` restarts it for someone the holder has a proxy
 * from: the issuer preselects that person under "Handler for" (the hint is a pseudonymous citizen
 * id, never a CPR number); the holder still confirms it there.
 */
export async function startLogin(config: PageConfig, actFor: Grantor | null = null): Promise<void> {
  const state = randomToken();
  const verifier = randomToken();
  savePendingLogin({ state, verifier, actFor });
  const url = new URL('/authorize', config.issuerUrl);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid',
    state,
    code_challenge: await s256Challenge(verifier),
    code_challenge_method: 'S256',
  };
  const { selfId } = identity.get();
  if (selfId) params.login_hint = selfId;
  if (actFor) params.act_for = actFor.citizenId;
  url.search = new URLSearchParams(params).toString();
  location.assign(url);
}

/** Whether the token acts for someone else (RFC 8693 `act`); only that claim is read. */
function actsForSomeone(accessToken: string): boolean {
  try {
    const payload = JSON.parse(atob(accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    return payload.act !== undefined;
  } catch {
    return false;
  }
}

/**
 * The issuer sent the browser back to /callback: checks that it answers the login this tab
 * started (`state`, so no one can slip their own code into our page) and came from our issuer
 * (`iss`, RFC 9207), then exchanges the code for a token.
 */
export async function finishLogin(config: PageConfig, callback: URL): Promise<{ actingFor: ActingFor | null }> {
  const pending = takePendingLogin();
  const params = callback.searchParams;
  if (!pending || params.get('state') !== pending.state) throw new LoginFailed('Svaret fra login passer ikke til det login, du startede her. Log ind igen.');
  if (params.has('iss') && params.get('iss') !== new URL(config.issuerUrl).origin) throw new LoginFailed('Svaret kom ikke fra den rigtige login-tjeneste. Log ind igen.');
  if (params.has('error')) throw new LoginFailed(params.get('error') === 'access_denied' ? 'Du afbrød login.' : 'Login lykkedes ikke. Prøv igen.');
  const code = params.get('code');
  if (!code) throw new LoginFailed('Login lykkedes ikke. Prøv igen.');
  const response = await fetch(new URL('/token', config.issuerUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: pending.verifier, redirect_uri: config.redirectUri, client_id: config.clientId }),
  }).catch(() => null);
  const body = response?.ok ? ((await response.json()) as { access_token?: unknown }) : null;
  if (typeof body?.access_token !== 'string') throw new LoginFailed('Login lykkedes ikke. Prøv igen.');
  token.set(body.access_token);
  if (!actsForSomeone(body.access_token)) return { actingFor: null };
  // Acting for someone chosen here, or for someone picked on the issuer's page (then unnamed).
  return { actingFor: pending.actFor ?? 'someone' };
}
