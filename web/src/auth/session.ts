/**
 * What the page remembers of a login, and where.
 *
 * The access token lives in this module's memory only, never in storage: it carries the citizen's
 * CPR number (a claim), and anything in storage outlives the page and is readable by any script
 * that ever runs on this origin. A reload therefore logs out; that is the price.
 *
 * What must survive the round trip to the issuer (a full page navigation) is in sessionStorage:
 * this tab only, gone when it closes, cleared at log-out, and without a CPR number: the `state` and
 * `code_verifier` of the login under way, the pseudonymous citizen ids of the person logged in and
 * of whom they act for, and that person's name, to say whose data is shown.
 */

export interface Grantor {
  citizenId: string;
  name: string;
}

/** The login under way: kept until the issuer sends the browser back, then taken out at once. */
export interface PendingLogin {
  state: string;
  verifier: string;
  actFor: Grantor | null;
}

/** Whom a login acts for: as chosen on this page, or 'someone' picked on the issuer's page (the page cannot name them). */
export type ActingFor = Grantor | 'someone';

/** Who is logged in, as far as the page needs it. */
export interface Identity {
  /** The logged-in person's own citizen id, once seen on their own login (the login hint next time). */
  selfId: string | null;
  /** Whom they act for; null on their own login. */
  actingFor: ActingFor | null;
}

const pendingKey = 'mit-overblik.pending-login';
const identityKey = 'mit-overblik.identity';

let accessToken: string | null = null;

export const token = {
  get: () => accessToken,
  set(value: string) {
    accessToken = value;
  },
};

function read<T>(key: string): T | null {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

export function savePendingLogin(pending: PendingLogin): void {
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
}

/** Single use: a second callback with the same state finds nothing. */
export function takePendingLogin(): PendingLogin | null {
  const pending = read<PendingLogin>(pendingKey);
  sessionStorage.removeItem(pendingKey);
  return pending;
}

export const identity = {
  get: (): Identity => read<Identity>(identityKey) ?? { selfId: null, actingFor: null },
  set(value: Identity) {
    sessionStorage.setItem(identityKey, JSON.stringify(value));
  },
};

export function forgetLogin(): void {
  accessToken = null;
  sessionStorage.removeItem(pendingKey);
  sessionStorage.removeItem(identityKey);
}
