/**
 * A link from a source system, kept only when a citizen can follow it safely: https, on a host the
 * source is allowed to send citizens to. Anything else (javascript:, data:, http:, another host,
 * a malformed URL) is dropped, never shown.
 */
export function safeLink(url: string | null, allowedHosts: readonly string[]): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
  return allowedHosts.includes(parsed.hostname) ? parsed.toString() : null;
}
