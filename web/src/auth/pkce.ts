/** PKCE (RFC 7636, S256) in the browser: a random verifier kept by the page, its SHA-256 sent to the issuer. */

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** 32 random bytes, base64url: 43 characters, as a verifier and as `state`. */
export const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

export async function s256Challenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
