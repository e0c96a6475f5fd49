import agreements from '../../config/sharing-agreements.json';
import type { WireAppointment } from './upstream.contract';

const sharedWith: Record<string, string[]> = agreements.sourceSystems;

/** Shared only where the source system's agreement names the partner, and the citizen did not object. */
export function isSharedWith(appointment: WireAppointment, organisation: string): boolean {
  return !appointment.delingFrabedt && (sharedWith[appointment.kildesystem] ?? []).includes(organisation);
}
