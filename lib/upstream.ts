import type { z } from 'zod';
import { CircuitBreaker } from './breaker';
import { appError, type Area, type ErrorCode } from './errors';
import type { Logger } from './logger';
import { upstreamCalls, upstreamLatency } from './metrics';
import { inSpan } from './tracing';

/**
 * The seam every call to a national index passes through: deadline, one retry, circuit breaker,
 * error translation and response validation live here once, not in resolvers. Bodies are never
 * logged (they carry CPR numbers); a log line names the index, the path, the outcome and the time.
 */
export interface UpstreamOptions {
  /** The index called: a data area, the CPR register the access rules consult, or the data owners' correction intake. */
  area: Area | 'person' | 'corrections';
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
  breaker?: { failureThreshold: number; openMs: number };
  /** Changes get a breaker of their own, so failing reads cannot block a revocation, nor the reverse. */
  purpose?: 'read' | 'change';
  /** One source system behind an area (appointments): its own breaker, and its own line in metrics and logs. */
  source?: string;
}

export interface CallOptions {
  /** Epoch ms by which the whole client request must be answered. */
  deadline?: number;
  /** Reads may be retried once; changes never are. */
  idempotent?: boolean;
  /** How the answer is read before validation: JSON (the default), or text (an iCalendar feed). */
  read?: 'json' | 'text';
}

export type UpstreamOutcome = 'ok' | 'timeout' | 'unavailable' | 'bad_response' | 'breaker_open';

class UpstreamFailure extends Error {
  constructor(
    readonly outcome: Exclude<UpstreamOutcome, 'ok'>,
    readonly status?: number,
  ) {
    super(outcome);
  }
}

const codes: Record<UpstreamFailure['outcome'], ErrorCode> = {
  timeout: 'UPSTREAM_TIMEOUT',
  unavailable: 'UPSTREAM_UNAVAILABLE',
  bad_response: 'UPSTREAM_BAD_RESPONSE',
  breaker_open: 'UPSTREAM_UNAVAILABLE',
};

/** Time kept back for answering the client after the last upstream call. */
const answerMarginMs = 50;
/** A retry needs at least this much of the deadline left to be worth it. */
const minimumRetryMs = 150;

export class Upstream {
  private readonly breaker: CircuitBreaker;
  /** The index, or the index and source system, in metrics, logs and spans. */
  private readonly name: string;

  constructor(private readonly options: UpstreamOptions) {
    this.name = options.source ? `${options.area}/${options.source}` : options.area;
    this.breaker = new CircuitBreaker(options.purpose === 'change' ? `${this.name}:change` : this.name, options.breaker ?? { failureThreshold: 5, openMs: 10_000 });
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S, call: CallOptions = {}): Promise<z.output<S>> {
    return inSpan('upstream.call', { index: this.name, path }, () => this.withRetry(path, body, schema, call));
  }

  private async withRetry<S extends z.ZodType>(path: string, body: unknown, schema: S, call: CallOptions): Promise<z.output<S>> {
    const deadline = call.deadline ?? Date.now() + this.options.timeoutMs;
    const attempts = call.idempotent === false ? 1 : 2;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.once(path, body, schema, deadline, call.read ?? 'json');
      } catch (error) {
        const failure = error as UpstreamFailure;
        // A 4xx will not get better by asking again; a timeout, a reset or a 5xx may.
        const retryable = failure.outcome === 'timeout' || (failure.outcome === 'unavailable' && (failure.status ?? 500) >= 500);
        const pause = 25 + Math.random() * 50;
        if (attempt >= attempts || !retryable || deadline - Date.now() - pause < minimumRetryMs) {
          const { area } = this.options;
          throw appError(codes[failure.outcome], area === 'person' || area === 'corrections' ? {} : { area });
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  private async once<S extends z.ZodType>(path: string, body: unknown, schema: S, deadline: number, read: 'json' | 'text'): Promise<z.output<S>> {
    const { baseUrl, timeoutMs, logger } = this.options;
    const area = this.name;
    const started = performance.now();
    const finish = (outcome: UpstreamOutcome, status?: number): void => {
      const ms = Math.round(performance.now() - started);
      upstreamCalls.inc({ index: area, outcome });
      if (outcome !== 'breaker_open') upstreamLatency.observe({ index: area }, ms / 1000);
      const line = { index: area, path, outcome, status, ms };
      if (outcome === 'ok') logger.debug(line, 'upstream call');
      else logger.warn(line, 'upstream call failed');
    };
    const fail = (outcome: UpstreamFailure['outcome'], status?: number): never => {
      finish(outcome, status);
      // A 4xx is the index refusing this request, not the index failing: it says nothing of its
      // health, and counting it would let any caller open the breaker for everyone.
      if (outcome === 'unavailable' && status !== undefined && status < 500) this.breaker.succeeded();
      else if (outcome !== 'breaker_open') this.breaker.failed();
      throw new UpstreamFailure(outcome, status);
    };

    if (!this.breaker.allow()) fail('breaker_open');
    const budget = Math.min(timeoutMs, deadline - Date.now() - answerMarginMs);
    if (budget <= 0) fail('timeout');

    const signal = AbortSignal.timeout(budget);
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: read === 'json' ? 'application/json' : 'text/calendar, text/plain' },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      return fail((error as Error).name === 'TimeoutError' ? 'timeout' : 'unavailable');
    }
    if (!response.ok) {
      // Not awaited: the body is only let go of, and some fetch stacks never settle the cancel (mswjs/interceptors#799).
      void response.body?.cancel().catch(() => undefined);
      return fail('unavailable', response.status);
    }
    let parsed: z.output<S>;
    try {
      const result = schema.safeParse(read === 'json' ? await response.json() : await response.text());
      if (!result.success) throw new Error('schema mismatch');
      parsed = result.data;
    } catch {
      return fail(signal.aborted ? 'timeout' : 'bad_response', response.status);
    }
    finish('ok', response.status);
    this.breaker.succeeded();
    return parsed;
  }
}
