import type { Grantor } from '../auth/session';

/** For a proxy holder on their own login: the people they may act for. Choosing one logs in again for them. */
export function ProxySwitcher({ grantors, onChoose }: { grantors: Grantor[]; onChoose: (grantor: Grantor) => void }) {
  return (
    <section className="switcher" aria-labelledby="fuldmagter">
      <h2 id="fuldmagter">Fuldmagter</h2>
      <p>Du kan se oplysninger for:</p>
      <ul>
        {grantors.map((grantor) => (
          <li key={grantor.citizenId}>
            <button type="button" className="secondary" onClick={() => onChoose(grantor)}>
              Se oplysninger for {grantor.name}
            </button>
          </li>
        ))}
      </ul>
      <p className="note">Du bliver sendt til login, hvor du bekræfter, at du handler for personen.</p>
    </section>
  );
}
