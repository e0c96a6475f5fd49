import type { WireContactUnit } from '../../lib/index-wire';

/** A link a citizen can follow to move or cancel: safe (https, a host allowed for its source), or the authority's own page. */
export interface SafeLink {
  url: string;
  /** True when the source gave no safe link and this is the responsible authority's general self-service page. */
  isFallback: boolean;
}

/**
 * One appointment or deadline as the subgraph holds it, whatever system it came from: the facts
 * the source gave, what configuration derived (who is responsible, the general contact, safe
 * links), and where it came from. The access rules and the mappers read only this.
 */
export interface AppointmentRecord {
  /** The id the winning source gave it. */
  id: string;
  kind: 'APPOINTMENT' | 'DEADLINE';
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: { name: string; address: string | null } | null;
  /** The system it came from; with duplicates merged, the one kept (see `provenance`). */
  sourceSystem: string;
  /** Every system that delivered it, and the id each gave it. */
  provenance: { system: string; sourceId: string }[];
  /** Who holds it: a hospital's region, else the citizen's municipality (config/appointment-sources.json). */
  responsible: { code: string; name: string };
  /** The citizen's municipality: activation and the age rule are its. */
  municipality: string;
  /** The unit the source names, or null. */
  contact: WireContactUnit | null;
  /** The responsible authority's general contact, shown when the source names no unit. */
  generalContact: WireContactUnit;
  changeLink: SafeLink;
  cancelLink: SafeLink | null;
  caseId: string | null;
  /** The citizen's CPR: whose it is. */
  cpr: string;
  sharingObjected: boolean;
  consequence: string | null;
}
