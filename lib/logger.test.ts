import { captureLog } from '../test/support/log-capture';
import { createLogger } from './logger';

describe('the logger', () => {
  it('redacts CPR numbers and tokens in structured fields', () => {
    const { lines, stream } = captureLog();
    createLogger('test', 'info', stream).info({ cpr: '1503721233', headers: { authorization: 'Bearer abc' } }, 'x');
    expect(lines.join('')).not.toMatch(/1503721233|Bearer abc/);
  });

  it("redacts a proxy holder's CPR number, also inside a grant's input", () => {
    const { lines, stream } = captureLog();
    createLogger('test', 'info', stream).info({ holderCpr: '1111652417', input: { holderCpr: '111165-2417' } }, 'x');
    expect(lines.join('')).not.toMatch(/1111652417|111165-2417/);
  });

  it('scrubs CPR-shaped numbers from messages', () => {
    const { lines, stream } = captureLog();
    createLogger('test', 'info', stream).warn('lookup failed for 150372-1233');
    expect(lines.join('')).not.toContain('150372-1233');
    expect(lines.join('')).toContain('[cpr]');
  });
});

describe('a log line inside a traced request', () => {
  it('names the trace it belongs to', async () => {
    const { startTracingInMemory, inSpan } = await import('./tracing');
    startTracingInMemory();
    const { lines, stream } = captureLog();
    let traceId = '';
    await inSpan('test', {}, async (span) => {
      traceId = span.spanContext().traceId;
      createLogger('test', 'info', stream).info('inside');
    });
    expect(JSON.parse(lines[0]).traceId).toBe(traceId);
  });
});
