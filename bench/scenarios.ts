import { personas, type PersonaKey } from '../mocks/fixtures/personas';
import { chatbotQuery, overviewQuery, partnerQuery, proxyQuery } from './operations';
import type { SystemName } from './systems';

/** Who sends the requests: the citizen, the lawyer holding a case-bound proxy, the chatbot, the region. */
export type Caller = 'citizen' | 'lawyer' | 'chatbot' | 'region';

/**
 * What the benchmark measures, one entry per scenario; every system in bench/systems.ts runs
 * each of them.
 */
export interface Scenario {
  name: string;
  /**
   * cold: a fresh synthetic citizen on every request, so nothing they ask for is cached yet;
   * warm: the persona's request over and over.
   */
  cache: 'cold' | 'warm';
  /** The warm scenario's citizen; every scenario also compares the systems' answers for them. */
  persona: PersonaKey;
  caller: Caller;
  query: string;
  /** Sent in the body with the query (a partner names the citizen here, never in the URL). */
  variables?: Record<string, unknown>;
  /**
   * Sent at this many requests a second over the connections, whatever the system's pace (open
   * loop); unset, each connection asks again as soon as it is answered (closed loop), so a faster
   * system is also driven harder.
   */
  ratePerSecond?: number;
  /**
   * The systems driven at once, over the same seconds, after each round's systems one by one: a
   * slower minute of the machine falls on all of them alike. Only they run it.
   */
  sideBySide?: readonly SystemName[];
}

/**
 * The rate at which every system is compared on equal terms: below what each answers in the closed
 * loop on two cores (the slowest, our gateway on Redis, about 90 a second), so all run at it. CPU
 * per request falls as the rate rises (work shares wake-ups); in the closed loop the floor, faster,
 * is measured at a higher rate than our gateway.
 */
export const equalRatePerSecond = 60;

/**
 * Each of the three systems side by side is sent this many: together the equal rate's load. At the
 * equal rate each (three times the load, 1,260 subgraph requests a second on the backend's one
 * event loop) the machine saturated and every system's CPU per request doubled or tripled.
 */
export const sideBySideRatePerSecond = equalRatePerSecond / 3;

/** Our gateway and stock side by side are sent this many each: together, again the equal rate's load. */
export const besideStockRatePerSecond = equalRatePerSecond / 2;

const oneByOne: Scenario[] = [
  { name: 'overview-cold', cache: 'cold', persona: 'thomas', caller: 'citizen', query: overviewQuery },
  { name: 'overview-warm', cache: 'warm', persona: 'thomas', caller: 'citizen', query: overviewQuery },
  { name: 'overview-warm-equal-rate', cache: 'warm', persona: 'thomas', caller: 'citizen', query: overviewQuery, ratePerSecond: equalRatePerSecond },
  {
    name: 'overview-warm-side-by-side',
    cache: 'warm',
    persona: 'thomas',
    caller: 'citizen',
    query: overviewQuery,
    ratePerSecond: sideBySideRatePerSecond,
    sideBySide: ['gateway', 'floor', 'floor-recorded'],
  },
  { name: 'proxy-warm', cache: 'warm', persona: 'thomas', caller: 'lawyer', query: proxyQuery },
  { name: 'chatbot-warm', cache: 'warm', persona: 'thomas', caller: 'chatbot', query: chatbotQuery },
  {
    name: 'partner-warm',
    cache: 'warm',
    persona: 'thomas',
    caller: 'region',
    query: partnerQuery,
    variables: { cpr: personas.thomas.cpr },
  },
];

/**
 * Every operation measured one by one again, our gateway and stock driven at once at
 * `besideStockRatePerSecond` each: one after the other, a minute's drift of ±30 % on this machine
 * leaves their ratio undecided by chance (session 13: four of six rows, each by one round), and in
 * the closed loop the faster system is also driven harder. These rows judge "≤ 1.0× stock".
 */
const besideStock = oneByOne
  .filter((scenario) => !scenario.sideBySide && scenario.ratePerSecond === undefined)
  .map((scenario): Scenario => ({ ...scenario, name: `${scenario.name}-beside-stock`, ratePerSecond: besideStockRatePerSecond, sideBySide: ['gateway', 'stock'] }));

export const scenarios: Scenario[] = [...oneByOne, ...besideStock];

/** The side-by-side scenario that measures this one's operation (cache, caller, persona) against stock. */
export const besideStockOf = (scenario: Pick<Scenario, 'query' | 'cache' | 'caller' | 'persona'>): Scenario | undefined =>
  besideStock.find((each) => each.query === scenario.query && each.cache === scenario.cache && each.caller === scenario.caller && each.persona === scenario.persona);
