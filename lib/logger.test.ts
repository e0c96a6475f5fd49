import { Writable } from 'node:stream';
import { createLogger } from './logger';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('the logger', () => {
  it('redacts CPR numbers and tokens in structured fields', () => {
    const { lines, stream } = capture();
    createLogger('test', 'info', stream).info({ cpr: '1503721233', headers: { authorization: 'Bearer abc' } }, 'x');
    expect(lines.join('')).not.toMatch(/1503721233|Bearer abc/);
  });

  it('scrubs CPR-shaped numbers from messages', () => {
    const { lines, stream } = capture();
    createLogger('test', 'info', stream).warn('lookup failed for 150372-1233');
    expect(lines.join('')).not.toContain('150372-1233');
    expect(lines.join('')).toContain('[cpr]');
  });
});

describe('a log line inside a traced request', () => {
  it('names the trace it belongs to', async () => {
    const { startTracingInMemory, inSpan } = await import('./tracing');
    startTracingInMemory();
    const { lines, stream } = capture();
    let traceId = '';
    await inSpan('test', {}, async (span) => {
      traceId = span.spanContext().traceId;
      createLogger('test', 'info', stream).info('inside');
    });
    expect(JSON.parse(lines[0]).traceId).toBe(traceId);
  });
});
