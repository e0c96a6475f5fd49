import { devConfig, readSettings } from '../../lib/config';
import { runService } from '../../lib/run';
import { devIssuerDefaults, startDevIssuer } from './dev-issuer';

runService('dev issuer', async () => {
  const config = devConfig();
  // Its tokens carry the issuer the gateway expects by default, as `npm run token`'s do, wherever it listens.
  const issuer = await startDevIssuer({
    host: config.host,
    port: config.issuerPort,
    gatewayUrl: config.issuerGatewayUrl,
    issuer: devIssuerDefaults.issuer,
    // The gateway's, from the same environment, so a page's hint names the persona the gateway knows by that id.
    pseudonymKey: readSettings().PSEUDONYM_KEY,
  });
  process.stdout.write(`${JSON.stringify({ service: 'dev-issuer', msg: 'listening', jwks: issuer.jwksUrl })}\n`);
  return issuer;
});
