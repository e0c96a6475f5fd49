/** Where the page finds the gateway and the issuer, and how it is registered with the issuer (config/clients.json). */
export interface PageConfig {
  gatewayUrl: string;
  issuerUrl: string;
  clientId: string;
  redirectUri: string;
}

/** `npm start`'s ports (lib/config.ts `defaultPorts`), for a page served without its server's meta tags. */
const defaults = { gatewayUrl: 'http://127.0.0.1:4000/graphql', issuerUrl: 'http://127.0.0.1:4400' };

const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="mit-overblik:${name}"]`)?.content || undefined;

/** The page's server writes the URLs into index.html; the redirect URI is this origin's /callback. */
export function readConfig(): PageConfig {
  return {
    gatewayUrl: meta('gateway') ?? defaults.gatewayUrl,
    issuerUrl: meta('issuer') ?? defaults.issuerUrl,
    clientId: 'mit-overblik-web',
    redirectUri: `${location.origin}/callback`,
  };
}
