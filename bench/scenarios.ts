import { personas, type PersonaKey } from '../mocks/fixtures/personas';
import { chatbotQuery, overviewQuery, partnerQuery, proxyQuery } from './operations';

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
}

export const scenarios: Scenario[] = [
  { name: 'overview-cold', cache: 'cold', persona: 'thomas', caller: 'citizen', query: overviewQuery },
  { name: 'overview-warm', cache: 'warm', persona: 'thomas', caller: 'citizen', query: overviewQuery },
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
