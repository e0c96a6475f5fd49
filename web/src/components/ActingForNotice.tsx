import type { ActingFor } from '../auth/session';

/** Says on every view whose data is shown when the login acts for someone else, and the way back. */
export function ActingForNotice({ actingFor, onBack }: { actingFor: ActingFor; onBack: () => void }) {
  return (
    <section className="acting-for" aria-label="Du handler for en anden">
      <p>
        {actingFor === 'someone' ? (
          <>Du ser oplysninger for en anden person, som du handler for.</>
        ) : (
          <>
            Du ser oplysninger for <strong>{actingFor.name}</strong>, som du handler for.
          </>
        )}{' '}
        Det er ikke dine egne oplysninger.
      </p>
      <button type="button" onClick={onBack}>
        Tilbage til mig selv
      </button>
    </section>
  );
}
