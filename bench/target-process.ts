// The gateway's modules share lib/ code with the subgraphs, whose type-graphql decorators need it.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { gatewayConfig, subgraphNames, type SubgraphName } from '../lib/config';
import type { RunningService } from '../lib/http-server';
import { serveParent } from './child-process';
import { loopStalls } from './loop-stalls';
import { simulatedRegisters } from '../mocks/gateway-registers';

/**
 * The system under test, alone in its process, so its CPU time and memory are its own: our
 * gateway (over the optimised or the naive subgraphs), stock Apollo Gateway, Hive Gateway, or the
 * floor client.
 */
export type TargetKind = 'gateway' | 'stock' | 'hive' | 'floor';

export interface TargetOptions {
  kind: TargetKind;
  subgraphUrls: Record<SubgraphName, string>;
  simulatorUrl: string;
  issuerUrl: string;
  jwksUrl: string;
  /** Our gateway's audit trail; unset, the gateway embeds PGlite (see benchmark.ts). */
  databaseUrl: string | undefined;
  /** Our gateway's Redis (rate limits, reach, checkpoints) as deployed; unset, in process. */
  redisUrl?: string;
  /** false: our gateway without its audit plugin, to put a number on what the audit trail costs. */
  auditTrail?: false;
  /** The floor records each answer's disclosures in `databaseUrl`'s audit trail, as our gateway does. */
  records?: true;
  /** Where `stopProfiling` writes the CPU profile (`npm run bench -- --profile`). */
  cpuProfilePath?: string;
  /** More settings for our gateway (the export benchmark's EXPORT_DIR). */
  env?: NodeJS.ProcessEnv;
}

export interface TargetInfo {
  url: string;
}

export type TargetMethods = {
  /** CPU time (user + system) and resident memory of this process so far. */
  usage(): { cpuMicros: number; rssBytes: number };
  /** The longest its event loop was held up since the last call, in ms (`loop-stalls.ts`). */
  worstStall(): number;
  /** V8's sampling profiler through the inspector, so the profile covers the measured run only. */
  startProfiling(): Promise<void>;
  stopProfiling(): Promise<void>;
};

/** Samples every 200 µs: enough samples in a few seconds, little overhead. */
const samplingIntervalMicros = 200;

const supergraphPath = 'schema/supergraph.graphql';

/** Each process loads only the system it runs, which keeps start-up short. */
async function startTarget(options: TargetOptions): Promise<RunningService> {
  switch (options.kind) {
    case 'gateway': {
      const { startGateway } = await import('../gateway/server');
      const urlEnv = Object.fromEntries(subgraphNames.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, options.subgraphUrls[name]]));
      return startGateway(
        gatewayConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORT: '0',
          SUPERGRAPH_PATH: supergraphPath,
          ...urlEnv,
          AUTH_ISSUER: options.issuerUrl,
          AUTH_JWKS_URL: options.jwksUrl,
          ...simulatedRegisters(options.simulatorUrl),
          ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
          ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
          // One synthetic caller sends thousands of requests a minute here; the limits and the cost
          // budget are still counted on every request, they just never refuse one.
          COST_BUDGET_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
          RATE_LIMIT_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
          RATE_LIMIT_PER_ADDRESS_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
          CHATBOT_RATE_LIMIT_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
          ...options.env,
        }),
        { auditTrail: options.auditTrail },
      );
    }
    case 'stock':
      return (await import('./stock-gateway')).startStockGateway(supergraphPath, options.subgraphUrls);
    case 'hive':
      return (await import('./hive-gateway')).startHiveGateway(supergraphPath, options.subgraphUrls);
    case 'floor':
      return (await import('./floor-client')).startFloorServer(options.subgraphUrls, options.records ? { databaseUrl: options.databaseUrl } : undefined);
  }
}

serveParent<TargetOptions, TargetInfo, TargetMethods>(async (options) => {
  const service = await startTarget(options);
  const inspector = new Session();
  const worstStall = loopStalls();
  return {
    info: { url: service.url },
    methods: {
      worstStall,
      usage() {
        const { user, system } = process.cpuUsage();
        return { cpuMicros: user + system, rssBytes: process.memoryUsage().rss };
      },
      async startProfiling() {
        inspector.connect();
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.setSamplingInterval', { interval: samplingIntervalMicros });
        await inspector.post('Profiler.start');
      },
      async stopProfiling() {
        if (!options.cpuProfilePath) throw new Error('no cpuProfilePath to write the profile to');
        const { profile } = await inspector.post('Profiler.stop');
        inspector.disconnect();
        await writeFile(options.cpuProfilePath, JSON.stringify(profile));
      },
    },
    close: () => service.close(),
  };
});
