import { delay, HttpResponse } from 'msw';
import type { IndexName } from './call-recorder';

/**
 * Bad days of the service platform, per index: added latency, a hang, an HTTP 5xx, a malformed
 * body, or a reset connection. Set at start (`UPSTREAM_FAULTS="payments=hang,cases=latency:300"`)
 * or at run time by tests. A fault can also target one source system behind an index (the
 * appointment sources): it then overrides the index's fault for that system's calls only.
 */
export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' }
  | { kind: 'error'; status: number }
  | { kind: 'malformed' }
  | { kind: 'reset' }
  /**
   * A source system answers with one unreadable item among its good ones. The handler adds the
   * item (only it knows the system's shape); `apply` answers normally for it, `garbage` says so.
   */
  | { kind: 'garbage' };

export class Faults {
  private readonly faults = new Map<IndexName, Fault>();
  private readonly sourceFaults = new Map<string, Fault>();

  set(index: IndexName, fault: Fault): void {
    this.faults.set(index, fault);
  }

  /** A fault for one source system (e.g. "SOLTEQ_TAND"): its calls get it instead of the index's. */
  setSource(system: string, fault: Fault): void {
    this.sourceFaults.set(system, fault);
  }

  /** Clears one index's fault, or every fault, of indexes and source systems alike. */
  clear(index?: IndexName): void {
    if (index) this.faults.delete(index);
    else {
      this.faults.clear();
      this.sourceFaults.clear();
    }
  }

  private faultFor(index: IndexName, source?: string): Fault | undefined {
    return (source === undefined ? undefined : this.sourceFaults.get(source)) ?? this.faults.get(index);
  }

  /** Whether the answer should carry one unreadable item among the good ones (the `garbage` fault). */
  garbage(index: IndexName, source?: string): boolean {
    return this.faultFor(index, source)?.kind === 'garbage';
  }

  /** The fault's answer instead of the real one, or undefined to answer normally (after any latency). */
  async apply(index: IndexName, source?: string): Promise<Response | undefined> {
    const fault = this.faultFor(index, source);
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
      case 'garbage':
        return undefined;
    }
  }
}

const indexNames: IndexName[] = ['cases', 'benefits', 'payments', 'appointments', 'proxies', 'person'];

/** One fault of `UPSTREAM_FAULTS`: for an index, or for one appointment source system (`appointments/NSP`). */
export interface FaultSetting {
  index: IndexName;
  source: string | null;
  fault: Fault;
}

/** Parses `payments=hang,cases=latency:300,benefits=error:503,appointments=malformed,proxies=reset,appointments/SOLTEQ_TAND=garbage`. */
export function parseFaults(text: string): FaultSetting[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [target, spec = ''] = item.split('=');
      const [index, source = null] = target.split('/');
      const [kind, argument] = spec.split(':');
      if (!indexNames.includes(index as IndexName)) throw new Error(`UPSTREAM_FAULTS: unknown index "${index}"`);
      if (source !== null && index !== 'appointments') throw new Error(`UPSTREAM_FAULTS: only appointments has source systems ("${target}")`);
      const fault: Fault | undefined =
        kind === 'latency' ? { kind, ms: Number(argument ?? 1000) } :
        kind === 'error' ? { kind, status: Number(argument ?? 503) } :
        kind === 'hang' || kind === 'malformed' || kind === 'reset' || kind === 'garbage' ? { kind } : undefined;
      if (!fault) throw new Error(`UPSTREAM_FAULTS: unknown fault "${spec}" (latency:<ms>, hang, error:<status>, malformed, reset, garbage)`);
      return { index: index as IndexName, source, fault };
    });
}

/** Sets each parsed fault on the simulator's faults. */
export function applyFaults(faults: Faults, settings: FaultSetting[]): void {
  for (const { index, source, fault } of settings) {
    if (source === null) faults.set(index, fault);
    else faults.setSource(source, fault);
  }
}
