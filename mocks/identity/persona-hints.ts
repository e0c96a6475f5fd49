import { citizenId } from '../../lib/pseudonym';
import type { Persona } from '../fixtures/personas';

/**
 * The personas by the pseudonymous citizen id the graph shows for them, so the login page can
 * preselect whom a holder acts for when the citizen page sends only that id (`act_for`), and the
 * holder themself (`login_hint`). A development stand-in for NemLog-in's own choice of power of
 * attorney: only the issuer here can map an id back, because it computes the ids of its own
 * personas with the gateway's pseudonym key; a real identity provider never learns that key.
 */
export function personaByCitizenId(personas: readonly Persona[], pseudonymKey: Uint8Array): (id: string | null) => Persona | undefined {
  const byId = new Map(personas.map((persona) => [citizenId(persona.cpr, pseudonymKey), persona]));
  return (id) => (id === null ? undefined : byId.get(id));
}
