import type { PersonaKey } from '../mocks/fixtures/personas';
import { overviewQuery } from './operations';

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
  query: string;
}

export const scenarios: Scenario[] = [
  { name: 'overview-cold', cache: 'cold', persona: 'thomas', query: overviewQuery },
  { name: 'overview-warm', cache: 'warm', persona: 'thomas', query: overviewQuery },
  // Proxy, chatbot and partner scenarios come as one entry each once the bench can act as those
  // callers: their tokens for our gateway, and the internal context the baselines seal for them.
];
