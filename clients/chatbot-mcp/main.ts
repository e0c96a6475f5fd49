import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createChatbotToolServer } from './server';

/**
 * The chatbot tool server over stdio, one process per citizen session: the chatbot platform starts
 * it with the gateway's GraphQL URL and the citizen's delegated token in the environment
 * (`GATEWAY_URL`, `CITIZEN_TOKEN`; read here, not in lib/config.ts: this is a client, not a
 * service of the platform). stdout carries the protocol only; nothing is logged, and a
 * configuration error names the variable, never its value.
 */
async function main(): Promise<void> {
  const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
  const token = process.env.CITIZEN_TOKEN;
  if (!URL.canParse(gatewayUrl)) throw new Error('GATEWAY_URL is not a URL.');
  if (!token) throw new Error('CITIZEN_TOKEN is not set: the chatbot platform passes the citizen\'s delegated token.');
  // Not left in the environment of anything this process might start.
  delete process.env.CITIZEN_TOKEN;
  const server = createChatbotToolServer({ gatewayUrl, token });
  await server.connect(new StdioServerTransport());
}

main().catch((error: unknown) => {
  process.stderr.write(`chatbot-mcp: ${error instanceof Error ? error.message : 'failed to start'}\n`);
  process.exit(1);
});
