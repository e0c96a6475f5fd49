import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino censors wherever they appear in a log object. Personal data should never be passed
 * to a logger in the first place; this list is the safety net for the fields that carry it.
 */
export const redactedPaths = [
  'cpr',
  '*.cpr',
  'subjectCpr',
  '*.subjectCpr',
  'holderCpr',
  '*.holderCpr',
  'token',
  '*.token',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'headers["x-internal-context"]',
  'req.headers["x-internal-context"]',
  'address',
  '*.address',
  'variables',
  '*.variables',
];

/** Censors CPR-shaped digit runs in free text (messages, error strings) as a last line of defence. */
const cprPattern = /\b\d{6}-?\d{4}\b/g;
export function scrubCpr(text: string): string {
  return text.replace(cprPattern, '[cpr]');
}

export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      // Every line names the trace it belongs to, when tracing is on.
      mixin() {
        const span = trace.getActiveSpan();
        return span ? { traceId: span.spanContext().traceId } : {};
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrubCpr(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}
