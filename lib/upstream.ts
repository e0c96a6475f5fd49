import type { z } from 'zod';
import { appError, type Area } from './errors';
import type { Logger } from './logger';
import { upstreamCalls, upstreamLatency } from './metrics';

/**
 * The seam every call to a national index passes through: deadline, error translation and
 * response validation live here once, not in resolvers. Bodies are never logged (they carry
 * CPR numbers); a log line names the index, the path, the outcome and the time taken.
 */
export interface UpstreamOptions {
  area: Area;
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
}

export type UpstreamOutcome = 'ok' | 'timeout' | 'unavailable' | 'bad_response';

export class Upstream {
  constructor(private readonly options: UpstreamOptions) {}

  async post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    const { area, baseUrl, timeoutMs, logger } = this.options;
    const started = performance.now();
    const finish = (outcome: UpstreamOutcome, status?: number): void => {
      const ms = Math.round(performance.now() - started);
      upstreamCalls.inc({ index: area, outcome });
      upstreamLatency.observe({ index: area }, ms / 1000);
      const line = { index: area, path, outcome, status, ms };
      if (outcome === 'ok') logger.debug(line, 'upstream call');
      else logger.warn(line, 'upstream call failed');
    };

    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      finish(timedOut ? 'timeout' : 'unavailable');
      throw appError(timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', { area });
    }
    if (!response.ok) {
      await response.body?.cancel();
      finish('unavailable', response.status);
      throw appError('UPSTREAM_UNAVAILABLE', { area });
    }
    let parsed: z.output<S>;
    try {
      const result = schema.safeParse(await response.json());
      if (!result.success) throw new Error('schema mismatch');
      parsed = result.data;
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      finish(timedOut ? 'timeout' : 'bad_response', response.status);
      throw appError(timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_BAD_RESPONSE', { area });
    }
    finish('ok', response.status);
    return parsed;
  }
}
