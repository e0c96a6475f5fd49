import { delay, HttpResponse } from 'msw';
import type { IndexName } from './call-recorder';

/**
 * Bad days of the service platform, per index: added latency, a hang, an HTTP 5xx, a malformed
 * body, or a reset connection. Set at start (`UPSTREAM_FAULTS="payments=hang,cases=latency:300"`)
 * or at run time by tests.
 */
export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' }
  | { kind: 'error'; status: number }
  | { kind: 'malformed' }
  | { kind: 'reset' };

export class Faults {
  private readonly faults = new Map<IndexName, Fault>();

  set(index: IndexName, fault: Fault): void {
    this.faults.set(index, fault);
  }

  clear(index?: IndexName): void {
    if (index) this.faults.delete(index);
    else this.faults.clear();
  }

  /** The fault's answer instead of the real one, or undefined to answer normally (after any latency). */
  async apply(index: IndexName): Promise<Response | undefined> {
    const fault = this.faults.get(index);
    if (!fault) return undefined;
    switch (fault.kind) {
      case 'latency':
        await delay(fault.ms);
        return undefined;
      case 'hang':
        await delay('infinite');
        return undefined;
      case 'error':
        return HttpResponse.json({ fejl: 'Tjenesten er midlertidigt utilgængelig' }, { status: fault.status });
      case 'malformed':
        return new HttpResponse('{"sager": [ {"sagId": ', { headers: { 'content-type': 'application/json' } });
      case 'reset':
        return HttpResponse.error();
    }
  }
}

const indexNames: IndexName[] = ['cases', 'benefits', 'payments', 'appointments', 'proxies', 'person'];

/** Parses `payments=hang,cases=latency:300,benefits=error:503,appointments=malformed,proxies=reset`. */
export function parseFaults(text: string): [IndexName, Fault][] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [index, spec = ''] = item.split('=');
      const [kind, argument] = spec.split(':');
      if (!indexNames.includes(index as IndexName)) throw new Error(`UPSTREAM_FAULTS: unknown index "${index}"`);
      const fault: Fault | undefined =
        kind === 'latency' ? { kind, ms: Number(argument ?? 1000) } :
        kind === 'error' ? { kind, status: Number(argument ?? 503) } :
        kind === 'hang' || kind === 'malformed' || kind === 'reset' ? { kind } : undefined;
      if (!fault) throw new Error(`UPSTREAM_FAULTS: unknown fault "${spec}" (latency:<ms>, hang, error:<status>, malformed, reset)`);
      return [index as IndexName, fault];
    });
}
