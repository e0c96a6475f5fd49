import { aulaAdapter } from './aula';
import { dfdgAdapter } from './dfdg';
import { frontDeskAdapter, novaxAdapter, sensumAdapter, wfpAdapter } from './municipal-calendar';
import { nspAdapter } from './nsp';
import { solteqSundAdapter, solteqTandAdapter } from './solteq-booking';
import type { SourceAdapter } from './source';

/** Every source system the subgraph can read; one is asked only when config/appointment-sources.json lists it. */
export const adapters: readonly SourceAdapter[] = [
  nspAdapter,
  dfdgAdapter,
  novaxAdapter,
  solteqTandAdapter,
  solteqSundAdapter,
  wfpAdapter,
  frontDeskAdapter,
  aulaAdapter,
  sensumAdapter,
];
