import { useCallback, useEffect, useRef, useState } from 'react';
import type { Overview } from './api/overview';
import { finishLogin, LoginFailed, startLogin } from './auth/login';
import { forgetLogin, identity, token, type ActingFor, type Grantor } from './auth/session';
import { ActingForNotice } from './components/ActingForNotice';
import type { PageConfig } from './config';
import { AccessLogView } from './views/AccessLogView';
import { LoggedOut } from './views/LoggedOut';
import { OverviewView } from './views/OverviewView';

type View = 'overview' | 'accessLog';
const paths: Record<View, string> = { overview: '/', accessLog: '/adgangslog' };
const viewAt = (path: string): View => (path === paths.accessLog ? 'accessLog' : 'overview');

type Session =
  | { kind: 'starting' }
  | { kind: 'loggedOut'; message: string | null; isError: boolean }
  | { kind: 'loggedIn'; accessToken: string; actingFor: ActingFor | null };

export function App({ config }: { config: PageConfig }) {
  const [session, setSession] = useState<Session>({ kind: 'starting' });
  const [view, setView] = useState<View>(viewAt(location.pathname));
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    if (location.pathname !== '/callback') {
      const accessToken = token.get();
      setSession(accessToken ? { kind: 'loggedIn', accessToken, actingFor: identity.get().actingFor } : { kind: 'loggedOut', message: null, isError: false });
      return;
    }
    const callback = new URL(location.href);
    // The code is spent on its first use; it must not stay in the address bar or the history.
    history.replaceState(null, '', paths.overview);
    setView('overview');
    finishLogin(config, callback).then(
      ({ actingFor }) => {
        identity.set({ selfId: identity.get().selfId, actingFor });
        setSession({ kind: 'loggedIn', accessToken: token.get()!, actingFor });
      },
      (error: unknown) => setSession({ kind: 'loggedOut', message: error instanceof LoginFailed ? error.message : 'Login lykkedes ikke. Prøv igen.', isError: true }),
    );
  }, [config]);

  useEffect(() => {
    const onPop = () => setView(viewAt(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    document.title = `${view === 'accessLog' ? 'Hvem har set dine oplysninger' : 'Overblik'} – Mit Overblik`;
  }, [view]);

  const navigate = (next: View) => {
    history.pushState(null, '', paths[next]);
    setView(next);
    // The new view's heading takes the focus, so a screen reader starts there.
    requestAnimationFrame(() => main.current?.querySelector<HTMLElement>('h1')?.focus());
  };

  const logOut = (message: string) => {
    forgetLogin();
    history.replaceState(null, '', paths.overview);
    setView('overview');
    setSession({ kind: 'loggedOut', message, isError: false });
  };
  const loggedOut = useCallback(() => logOut('Du er logget ud, fordi dit login er udløbet. Log ind igen.'), []);

  const onLoaded = (overview: Overview) => {
    if (session.kind !== 'loggedIn') return;
    const { actingFor } = session;
    if (actingFor === null) identity.set({ selfId: overview.citizenId, actingFor: null });
    else if (actingFor !== 'someone' && actingFor.citizenId !== overview.citizenId) {
      // Someone else was picked on the issuer's page than was chosen here: the page cannot name them.
      identity.set({ ...identity.get(), actingFor: 'someone' });
      setSession({ ...session, actingFor: 'someone' });
    }
  };
  const switchTo = (grantor: Grantor | null) => void startLogin(config, grantor);

  const signedIn = session.kind === 'loggedIn';
  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <p className="site-name">Mit Overblik</p>
          {signedIn && (
            <nav aria-label="Hovedmenu">
              <ul>
                {(['overview', 'accessLog'] as const).map((each) => (
                  <li key={each}>
                    <a
                      href={paths[each]}
                      aria-current={view === each ? 'page' : undefined}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(each);
                      }}
                    >
                      {each === 'overview' ? 'Overblik' : 'Hvem har set dine oplysninger'}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {signedIn && (
            <button type="button" className="secondary" onClick={() => logOut('Du er logget ud.')}>
              Log ud
            </button>
          )}
        </div>
      </header>
      {session.kind === 'loggedIn' && session.actingFor !== null && (
        <div className="wrap">
          <ActingForNotice actingFor={session.actingFor} onBack={() => switchTo(null)} />
        </div>
      )}
      <main id="indhold" tabIndex={-1} ref={main} className="wrap">
        {session.kind === 'starting' && (
          <p role="status" className="loading">
            Et øjeblik …
          </p>
        )}
        {session.kind === 'loggedOut' && <LoggedOut message={session.message} isError={session.isError} onLogin={() => switchTo(null)} />}
        {session.kind === 'loggedIn' && view === 'overview' && (
          <OverviewView
            key={session.accessToken}
            config={config}
            accessToken={session.accessToken}
            actingFor={session.actingFor}
            onLoaded={onLoaded}
            onLoggedOut={loggedOut}
            onChooseGrantor={switchTo}
          />
        )}
        {session.kind === 'loggedIn' && view === 'accessLog' && (
          <AccessLogView key={session.accessToken} config={config} accessToken={session.accessToken} actingFor={session.actingFor} onLoggedOut={loggedOut} />
        )}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>Mit Overblik viser oplysninger fra kommunernes og statens registre. Er noget forkert, så kontakt den myndighed, der står ved oplysningen.</p>
        </div>
      </footer>
    </>
  );
}
