import type { Dataset } from '../../mocks/fixtures/dataset';
import { citizenId } from '../../lib/pseudonym';

/**
 * Whose data a response holds, read from the response itself: the owners of every record id in
 * it, the citizen a representation names, and the subject of an address, an access log, a consent,
 * a chatbot summary or a shared appointment. The audit trail must name exactly these citizens.
 */
export function citizensShown(root: string, data: unknown, subjectCpr: string | null, dataset: Dataset, pseudonymKey: Uint8Array): Set<string> {
  const pseudonym = (cpr: string) => citizenId(cpr, pseudonymKey);
  const owners = new Map<string, string>();
  const { lookup } = dataset;
  for (const [id, record] of lookup.cases.byId) owners.set(id, record.primaerPart.cpr);
  for (const [id, record] of lookup.benefits.byId) owners.set(id, record.modtager.cpr);
  for (const [id, record] of lookup.payments.byId) owners.set(id, record.modtager.cpr);
  for (const [id, record] of lookup.appointments.byId) owners.set(id, record.borger.cpr);
  for (const [id, record] of lookup.proxies.byId) owners.set(id, record.fuldmagtsgiver.cpr);
  const byPseudonym = new Map(dataset.persons.map((person) => [pseudonym(person.cpr), person.cpr]));

  const shown = new Set<string>();
  const subject = () => subjectCpr !== null && shown.add(pseudonym(subjectCpr));
  const walk = (value: unknown, key: string | null): void => {
    if (Array.isArray(value)) {
      if (value.length > 0 && (root === 'citizenContext' || root === 'sharedAppointments')) subject();
      for (const item of value) walk(item, key);
      return;
    }
    if (value === null || value === undefined) return;
    if (typeof value === 'object') {
      if (root === 'citizenContext' && key === 'nextPayment') subject();
      for (const [inner, nested] of Object.entries(value)) walk(nested, inner);
      return;
    }
    if (typeof value !== 'string') return;
    if ((key === 'id' || key?.endsWith('NotActivated')) && owners.has(value)) shown.add(pseudonym(owners.get(value)!));
    if (key === 'citizenId' && byPseudonym.has(value)) shown.add(value);
    // A consent (listed under an alias or not) names its service by client id.
    if (key === 'address' || key === 'who' || key === 'serviceId') subject();
  };
  walk(data, null);
  return shown;
}
