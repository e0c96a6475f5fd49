import { setupServer } from 'msw/node';
import { createDataset } from '../fixtures/dataset';
import { personas } from '../fixtures/personas';
import { CallRecorder } from './call-recorder';
import { createIndexHandlers } from './handlers';

const recorder = new CallRecorder();
const server = setupServer(...createIndexHandlers(createDataset(), recorder, 'https://serviceplatformen.example.invalid'));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the index handlers in-process', () => {
  it("answer a fetch for the guardian's proxy over karen without any server", async () => {
    const response = await fetch('https://serviceplatformen.example.invalid/fuldmagt/v1/fuldmagter/soeg', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cpr: personas.karen.cpr }),
    });
    const { fuldmagter } = (await response.json()) as { fuldmagter: { type: string }[] };
    expect(fuldmagter.map((proxy) => proxy.type)).toEqual(['VAERGEMAAL']);
    expect(recorder.count('proxies', 'search')).toBe(1);
  });
});
