import { createLogger } from '../../lib/logger';
import { captureLog } from '../../test/support/log-capture';
import { responseExtensionsPlugin } from './response-extensions';

async function send(extensions: Record<string, unknown>) {
  const capture = captureLog();
  const plugin = responseExtensionsPlugin(createLogger('gateway', 'info', capture.stream));
  const listener = await plugin.requestDidStart!({} as never);
  const response = { body: { kind: 'single', singleResult: { data: { me: { accessLog: null } }, extensions } }, http: { headers: new Map() } };
  await (listener as { willSendResponse: (context: unknown) => Promise<void> }).willSendResponse({ response, contextValue: { requestId: 'req-1' } });
  return { result: response.body.singleResult as Record<string, unknown>, lines: capture.lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('response-level extensions', () => {
  it('never reach the client', async () => {
    const { result } = await send({ valueCompletion: [{ message: 'Invalid value found for field AccessLogEntry.reader.', path: ['me', 'accessLog'] }], other: 1 });
    expect(result).toEqual({ data: { me: { accessLog: null } } });
  });

  it('log a value that did not fit the schema, with the request id', async () => {
    const { lines } = await send({ valueCompletion: [{ message: 'Invalid value found for field AccessLogEntry.reader.', path: ['me', 'accessLog'] }] });
    expect(lines).toEqual([expect.objectContaining({ requestId: 'req-1', msg: 'a subgraph value did not fit the schema' })]);
  });
});
