import { useEffect, useState } from 'react';
import { loadAccessLog, type AccessLogEntry } from '../api/access-log';
import type { ActingFor } from '../auth/session';
import { Loading, PageFailed } from '../components/Banners';
import type { PageConfig } from '../config';
import { logAreaName } from '../text/areas';
import { formatDateTime, isoOf } from '../text/format';
import { useLoader } from '../use-loader';

interface Props {
  config: PageConfig;
  accessToken: string;
  actingFor: ActingFor | null;
  onLoggedOut: () => void;
}

const areaList = (areas: readonly string[]) => (areas.length === 0 ? '–' : areas.map(logAreaName).join(', '));

/** Who has seen the citizen's data: newest first, a page at a time. */
export function AccessLogView({ config, accessToken, actingFor, onLoggedOut }: Props) {
  const [before, setBefore] = useState<string | null>(null);
  const [entries, setEntries] = useState<AccessLogEntry[]>([]);
  const [page] = useLoader(() => loadAccessLog(config, accessToken, null), onLoggedOut);
  const [more, setMore] = useState<{ nextCursor: string | null; loading: boolean }>({ nextCursor: null, loading: false });
  useEffect(() => {
    if (page.status === 'loaded' && page.value) {
      setEntries(page.value.entries);
      setMore({ nextCursor: page.value.nextCursor, loading: false });
    }
  }, [page]);
  useEffect(() => {
    if (before === null) return;
    setMore((state) => ({ ...state, loading: true }));
    loadAccessLog(config, accessToken, before).then(
      (next) => {
        setEntries((shown) => [...shown, ...(next?.entries ?? [])]);
        setMore({ nextCursor: next?.nextCursor ?? null, loading: false });
      },
      () => setMore((state) => ({ ...state, loading: false })),
    );
  }, [before, config, accessToken]);

  const title = actingFor === null ? 'Hvem har set dine oplysninger' : 'Hvem har set oplysningerne';
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p>Her kan du se, hvornår dine oplysninger er blevet vist, for hvem, og hvilke områder det drejede sig om. Det nyeste står først.</p>
      {page.status === 'loading' && <Loading what="loggen" />}
      {page.status === 'failed' && <PageFailed what="Loggen" />}
      {page.status === 'loaded' && page.value === null && (
        <p className="note" role="status">
          Loggen kan kun ses af personen selv, en værge eller en fremtidsfuldmægtig.
        </p>
      )}
      {page.status === 'loaded' && page.value !== null && entries.length === 0 && <p>Ingen har set oplysningerne endnu.</p>}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{title}, nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">Hvornår</th>
                <th scope="col">Hvem</th>
                <th scope="col">Viste oplysninger</th>
                <th scope="col">Afvist</th>
                <th scope="col">Formål</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${isoOf(entry.at)}-${index}`}>
                  <td>
                    <time dateTime={isoOf(entry.at)}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td>{entry.who}</td>
                  <td>{areaList(entry.areas)}</td>
                  <td>{areaList(entry.refusedAreas)}</td>
                  <td>{entry.purpose ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more.nextCursor && (
        <p>
          <button type="button" className="secondary" disabled={more.loading} onClick={() => setBefore(more.nextCursor)}>
            Vis ældre
          </button>
        </p>
      )}
    </>
  );
}
