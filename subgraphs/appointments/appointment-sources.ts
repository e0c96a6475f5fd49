import { Counter } from 'prom-client';
import type { Cached } from '../../lib/cache/index-cache';
import { registry } from '../../lib/metrics';
import type { Upstream } from '../../lib/upstream';
import type { IndexCaching, RecordSource, Searched, SourceFreshness } from '../runtime/index-client';
import { appointmentIndex } from './appointment.index';
import type { AppointmentRecord } from './appointment.record';
import { mergeDuplicates } from './duplicates';
import { safeLink } from './safe-link';
import { authorities, type SourceSettings } from './source-config';
import type { SourceAdapter, SourceItem } from './sources/source';

const dropped = new Counter({
  name: 'appointment_items_dropped_total',
  help: 'Items a source system sent that could not be read or placed, dropped rather than guessed at, by system.',
  labelNames: ['system'],
  registers: [registry],
});

/** One configured source system: how to read it, its settings, and its own upstream (breaker, metrics). */
export interface SourcePart {
  adapter: SourceAdapter;
  settings: SourceSettings;
  upstream: Upstream;
}

/** What one system gave for one citizen, cached as read: the items, and how many could not be read. */
interface SourceAnswer {
  items: SourceItem[];
  unreadable: number;
}

/** The item as the subgraph holds it, once configuration has said who is responsible and which links are safe; null when no authority can be placed. */
function place(item: SourceItem, system: string, settings: SourceSettings, cpr: string): AppointmentRecord | null {
  const responsibleCode = settings.responsible === 'organiser' && item.organiser ? item.organiser.code : item.citizenMunicipality;
  const authority = authorities[responsibleCode];
  if (!authority) return null;
  const change = safeLink(item.changeLink, settings.linkHosts);
  const cancel = safeLink(item.cancelLink, settings.linkHosts);
  return {
    id: item.sourceId,
    kind: item.kind,
    title: item.title,
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    place: item.place,
    sourceSystem: system,
    provenance: [{ system, sourceId: item.sourceId }],
    responsible: { code: responsibleCode, name: authority.name },
    municipality: item.citizenMunicipality,
    contact: item.contact,
    generalContact: authority.contact,
    changeLink: change === null ? { url: authority.selfService, isFallback: true } : { url: change, isFallback: false },
    cancelLink: cancel === null ? null : { url: cancel, isFallback: false },
    caseId: item.caseId,
    cpr,
    sharingObjected: item.sharingObjected,
    consequence: item.consequence,
  };
}

/**
 * The appointment index as the source documents plan it: every configured source system asked in
 * parallel, each through its own adapter, deadline, breaker and cache entry. A system that fails
 * withholds only its own items (its freshness says so); an item that cannot be read or placed is
 * dropped and counted; the same appointment from two systems is shown once (`mergeDuplicates`).
 */
export class AppointmentSources implements RecordSource<AppointmentRecord> {
  readonly index = appointmentIndex;
  /** No source system has a look-up by id: look-ups always read the citizen's gathered items. */
  readonly caches = true;

  constructor(
    private readonly parts: SourcePart[],
    private readonly caching: IndexCaching | null,
  ) {}

  async search(cpr: string, deadline: number): Promise<Searched<AppointmentRecord>> {
    const answers = await Promise.all(this.parts.map((part) => this.ask(part, cpr, deadline)));
    const records: AppointmentRecord[] = [];
    let unreadable = 0;
    const sources: SourceFreshness[] = answers.map(({ part, answer }) => {
      const system = part.adapter.system;
      if (answer === null) return { system, asOf: null, stale: false, failed: true };
      let misplaced = 0;
      for (const item of answer.value.items) {
        const record = place(item, system, part.settings, cpr);
        if (record) records.push(record);
        else misplaced += 1;
      }
      unreadable += answer.value.unreadable + misplaced;
      return { system, asOf: answer.asOf, stale: answer.stale, failed: false };
    });
    const answered = sources.flatMap((source) => (source.asOf === null ? [] : [source.asOf]));
    return {
      value: mergeDuplicates(records, (system) => this.parts.find((part) => part.adapter.system === system)?.settings.rank ?? Number.MAX_SAFE_INTEGER),
      asOf: answered.length > 0 ? Math.min(...answered) : Date.now(),
      stale: sources.some((source) => source.stale),
      sources,
      unreadable,
    };
  }

  /** One system's answer for the citizen, or null when it failed with nothing cached. */
  private async ask(part: SourcePart, cpr: string, deadline: number): Promise<{ part: SourcePart; answer: Cached<SourceAnswer> | null }> {
    const { adapter, settings, upstream } = part;
    const load = async (): Promise<SourceAnswer> => {
      const raw = await adapter.fetch(upstream, cpr, Math.min(deadline, Date.now() + settings.timeoutMs));
      const items = raw.map((item) => adapter.read(item));
      const readable = items.filter((item): item is SourceItem => item !== null);
      if (readable.length < items.length) dropped.inc({ system: adapter.system }, items.length - readable.length);
      return { items: readable, unreadable: items.length - readable.length };
    };
    try {
      if (!this.caching) return { part, answer: { value: await load(), asOf: Date.now(), stale: false } };
      const { cache, policy } = this.caching;
      const key = cache.key('appointments', `search:${adapter.system}`, cpr);
      return { part, answer: await cache.read('appointments', key, policy, load, (answer) => answer.items.length === 0) };
    } catch {
      // The upstream seam has logged and counted the failure; the other systems still answer.
      return { part, answer: null };
    }
  }

  async byIds(ids: readonly string[], searched: AppointmentRecord[]): Promise<AppointmentRecord[]> {
    const wanted = new Set(ids);
    return searched.filter((record) => wanted.has(record.id));
  }

  async forget(subjectCpr: string): Promise<void> {
    if (!this.caching) return;
    const { cache } = this.caching;
    await cache.invalidate(this.parts.map((part) => cache.key('appointments', `search:${part.adapter.system}`, subjectCpr)));
  }
}
