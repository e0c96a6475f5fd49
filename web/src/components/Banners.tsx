import type { Freshness } from '../api/overview';
import { ageInDanish } from '../text/format';

/** While a page's data is on its way. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading">
      Henter {what} …
    </p>
  );
}

/** A whole page's data that could not be fetched (an area of it has FailedBanner). */
export function PageFailed({ what, onRetry }: { what: string; onRetry?: () => void }) {
  return (
    <div className="banner banner-error" role="alert">
      <p>{what} kan ikke vises lige nu. Prøv igen om lidt.</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          Prøv igen
        </button>
      )}
    </div>
  );
}

/** An area that could not be fetched: an error the citizen should notice, so an alert. */
export function FailedBanner({ heading, onRetry }: { heading: string; onRetry: () => void }) {
  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>{heading} kan ikke vises lige nu.</strong> Vi kunne ikke hente dem. Resten af siden er vist som normalt.
      </p>
      <button type="button" className="secondary" onClick={onRetry}>
        Prøv igen
      </button>
    </div>
  );
}

/** An older copy, shown because the index did not answer: worth knowing, not urgent. */
export function StaleBanner({ heading, freshness }: { heading: string; freshness: Freshness }) {
  return (
    <div className="banner banner-warning" role="status">
      <p>
        <strong>{heading} er måske ikke opdateret.</strong> Oplysningerne er fra {ageInDanish(freshness.asOf)}, fordi vi ikke kunne hente nye.
      </p>
    </div>
  );
}

/** Appointments from some source systems are missing. */
export function MissingSourcesBanner({ systems }: { systems: string[] }) {
  return (
    <div className="banner banner-warning" role="status">
      <p>
        <strong>Nogle aftaler mangler måske.</strong> Vi kunne ikke hente aftaler fra {systems.join(', ')} lige nu.
      </p>
    </div>
  );
}

/** A proxy that does not cover the area. */
export function RefusedNote({ heading }: { heading: string }) {
  return (
    <p className="note" role="status">
      Fuldmagten giver ikke adgang til at se {heading.toLowerCase()}.
    </p>
  );
}
