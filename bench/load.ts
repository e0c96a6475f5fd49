import autocannon from 'autocannon';
import { round } from './round';

/** How one system is driven: a fixed number of connections for a fixed time, one operation. */
export interface LoadOptions {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  connections: number;
  durationSeconds: number;
  /**
   * The credentials of successive requests, taken in turn. With more than one set (a fresh
   * citizen per request) the run ends early rather than reuse a citizen, whose answers would by
   * then be cached.
   */
  credentials: Record<string, string>[];
  /** Requests a second over all connections (open loop); unset, each connection asks again once answered. */
  ratePerSecond?: number;
}

export interface LoadResult {
  /** Completed requests. */
  requests: number;
  /** Requests written, including those still in flight when the run ended. */
  requestsSent: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Connection errors, timeouts, non-2xx answers and 2xx answers carrying GraphQL errors. */
  errors: number;
  /** The failed answers by their first error's `extensions.code` (or HTTP status). */
  errorCodes: Record<string, number>;
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}


function errorCode(status: number, body: string): string {
  try {
    const code = (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code;
    return typeof code === 'string' ? code : `HTTP ${status}`;
  } catch {
    return `HTTP ${status}`;
  }
}

export function drive(options: LoadOptions): Promise<LoadResult> {
  const { credentials, connections } = options;
  let next = 0;
  let graphqlErrors = 0;
  const errorCodes: Record<string, number> = {};
  // Every response's own time, for exact percentiles (autocannon reports no p95).
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        connections,
        duration: options.durationSeconds,
        ...(options.ratePerSecond ? { overallRate: options.ratePerSecond } : {}),
        // Checked each sample: a short run ends on time instead of on the next whole second.
        sampleInt: 100,
        // A few more requests are built than sent (one ahead per connection), hence the margin.
        maxOverallRequests: credentials.length > 1 ? Math.max(1, credentials.length - connections) : undefined,
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query: options.query, variables: options.variables }),
        requests: [
          {
            setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...credentials[next++ % credentials.length] } }),
            onResponse: (status, body) => {
              if (status < 300 && !body.includes('"errors"')) return;
              if (status < 300) graphqlErrors += 1;
              const code = errorCode(status, body);
              errorCodes[code] = (errorCodes[code] ?? 0) + 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = latencies.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          requestsSent: result.requests.sent,
          durationSeconds: result.duration,
          requestsPerSecond: round(result.requests.total / result.duration, 1),
          latencyMs: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) },
          errors: result.errors + result.non2xx + graphqlErrors,
          errorCodes: {
            ...errorCodes,
            ...(result.timeouts > 0 ? { 'client timeout': result.timeouts } : {}),
            ...(result.errors > result.timeouts ? { 'connection error': result.errors - result.timeouts } : {}),
          },
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
