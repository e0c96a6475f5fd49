import { useCallback, useEffect, useState } from 'react';
import { RequestFailed } from './api/persisted';

export type Loaded<T> = { status: 'loading' } | { status: 'loaded'; value: T } | { status: 'failed' };

/**
 * Runs `load` when the component shows and on `reload`; a 401 (the login has ended) goes to
 * `onLoggedOut` instead of showing as a failure.
 */
export function useLoader<T>(load: () => Promise<T>, onLoggedOut: () => void): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (value) => current && setState({ status: 'loaded', value }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof RequestFailed && error.status === 401) onLoggedOut();
        else setState({ status: 'failed' });
      },
    );
    return () => {
      current = false;
    };
    // `load` and `onLoggedOut` are new each render; `round` is what asks for a new load.
  }, [round]);
  return [state, useCallback(() => setRound((value) => value + 1), [])];
}
