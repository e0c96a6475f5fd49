'use strict';
/**
 * The image's HEALTHCHECK (docker and compose; Kubernetes uses its own probes). It asks /healthz
 * of the component this container runs, on PORT or, when PORT is unset, on that component's
 * default port (defaultPorts in lib/config.ts), found from the running process's command line.
 * Runs in the image's working directory (/app). Exit 0 healthy, 1 not.
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

function component() {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let commandLine = '';
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const match = /dist\/(?:subgraphs\/)?([a-z]+)\/main\.js/.exec(commandLine);
    if (match) return match[1];
  }
  return 'gateway';
}

function port() {
  if (process.env.PORT) return Number(process.env.PORT);
  const { defaultPorts } = require(join(process.cwd(), 'dist/lib/config.js'));
  return defaultPorts[component()] ?? defaultPorts.gateway;
}

const host = !process.env.HOST || process.env.HOST === '0.0.0.0' || process.env.HOST === '::' ? '127.0.0.1' : process.env.HOST;
const url = `http://${host.includes(':') ? `[${host}]` : host}:${port()}/healthz`;

fetch(url, { signal: AbortSignal.timeout(2000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
