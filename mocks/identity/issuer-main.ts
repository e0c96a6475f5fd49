import { devConfig } from '../../lib/config';
import { runService } from '../../lib/run';
import { startDevIssuer } from './dev-issuer';

runService('dev issuer', async () => {
  const config = devConfig();
  const issuer = await startDevIssuer({ host: config.host, port: config.issuerPort });
  process.stdout.write(`${JSON.stringify({ service: 'dev-issuer', msg: 'listening', jwks: issuer.jwksUrl })}\n`);
  return issuer;
});
