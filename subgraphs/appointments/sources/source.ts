import type { WireContactUnit } from '../../../lib/index-wire';
import type { Upstream } from '../../../lib/upstream';

/**
 * What the appointments subgraph needs from one item of any source system, appointment or
 * deadline, before configuration derives who is responsible and which links are safe. Each
 * adapter reads its system's own shape into this; nothing else in the subgraph knows the shapes.
 */
export interface SourceItem {
  /** The system's own id for the item (unique within the system). */
  sourceId: string;
  kind: 'APPOINTMENT' | 'DEADLINE';
  /** As the system words it (Danish). */
  title: string;
  /** ISO date-time: when an appointment starts, or when a deadline falls due. */
  startsAt: string;
  endsAt: string | null;
  place: { name: string; address: string | null } | null;
  /**
   * Who the system says holds the appointment, as far as it says: a municipality code, a region
   * code (a hospital's), an agency. Null when the system does not say; configuration derives it.
   */
  organiser: { code: string; name: string } | null;
  /** The citizen's municipality as the system knows it: activation and age rules are that municipality's. */
  citizenMunicipality: string;
  /** The unit to contact, when the system gives one. */
  contact: WireContactUnit | null;
  changeLink: string | null;
  cancelLink: string | null;
  /** The case the item belongs to, when the system links one (Jobnet does). */
  caseId: string | null;
  /** The citizen objected to sharing it with other authorities. */
  sharingObjected: boolean;
  /** For a deadline: what happens when it is missed, as the system words it. */
  consequence: string | null;
}

/** One source system's adapter: how to ask it for a citizen's items, and how to read one item. */
export interface SourceAdapter {
  /** The IT system, as configured in config/appointment-sources.json (e.g. "NSP"). */
  system: string;
  /**
   * One citizen's items, raw, in the system's own shape: the CPR goes in the request body, never
   * in a URL. Throws the upstream's error (timeout, unavailable) when the system fails as a whole.
   */
  fetch(upstream: Upstream, cpr: string, deadline: number): Promise<unknown[]>;
  /** One raw item, or null when it cannot be read: it is then dropped and counted, the others kept. */
  read(item: unknown): SourceItem | null;
}
