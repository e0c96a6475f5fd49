import type { PersonaKey } from '../mocks/fixtures/personas';
import { chatbotQuery, overviewQuery, proxyQuery } from './operations';

/** Who sends the requests: the citizen, the lawyer holding a case-bound proxy, the chatbot. */
export type Caller = 'citizen' | 'lawyer' | 'chatbot';

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
}

export const scenarios: Scenario[] = [
  { name: 'overview-cold', cache: 'cold', persona: 'thomas', caller: 'citizen', query: overviewQuery },
  { name: 'overview-warm', cache: 'warm', persona: 'thomas', caller: 'citizen', query: overviewQuery },
  { name: 'proxy-warm', cache: 'warm', persona: 'thomas', caller: 'lawyer', query: proxyQuery },
  { name: 'chatbot-warm', cache: 'warm', persona: 'thomas', caller: 'chatbot', query: chatbotQuery },
  // A partner scenario needs the load generator to send variables (the CPR goes in the body).
];
