import { useState, type ReactNode } from 'react';
import type { AreaState } from '../api/overview';
import { areaWords, type AreaKey } from '../text/areas';
import { FailedBanner, MissingSourcesBanner, RefusedNote, StaleBanner } from './Banners';

/** How many items an area shows before "Vis alle": an overview, not the whole register. */
const firstShown = 5;

/**
 * One area of the overview: its heading, what may be wrong with it (not fetched, an old copy, a
 * source system missing, not covered by the proxy), what is held back and why, and its items.
 */
export function AreaSection<T>({
  area,
  state,
  onRetry,
  children,
}: {
  area: AreaKey;
  state: AreaState<T>;
  onRetry: () => void;
  children: (items: readonly T[]) => ReactNode;
}) {
  const [all, setAll] = useState(false);
  const { heading, none } = areaWords[area];
  const headingId = `omraade-${area}`;
  const failedSources = state.status === 'shown' ? (state.freshness?.sources ?? []).filter((source) => source.failed).map((source) => source.system) : [];
  return (
    <section className="area" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {state.status === 'failed' && <FailedBanner heading={heading} onRetry={onRetry} />}
      {state.status === 'refused' && <RefusedNote heading={heading} />}
      {state.status === 'shown' && (
        <>
          {state.freshness?.stale && <StaleBanner heading={heading} freshness={state.freshness} />}
          {failedSources.length > 0 && <MissingSourcesBanner systems={failedSources} />}
          {state.withheld.map((notice) => (
            <p className="note" key={notice.reason}>
              {notice.message}
            </p>
          ))}
          {state.items.length === 0 ? <p>{none}</p> : children(all ? state.items : state.items.slice(0, firstShown))}
          {state.items.length > firstShown && (
            <button type="button" className="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? `Vis kun de første ${firstShown}` : `Vis alle ${state.items.length} ${heading.toLowerCase()}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
