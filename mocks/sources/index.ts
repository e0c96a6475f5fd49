import type { RequestHandler } from 'msw';
import type { Dataset } from '../fixtures/dataset';
import type { CallRecorder } from '../indexes/call-recorder';
import type { Faults } from '../indexes/faults';
import { createAulaHandlers } from './aula';
import { createDfdgHandlers } from './dfdg';
import { createMunicipalCalendarHandlers } from './municipal-calendar';
import { createNspHandlers } from './nsp';
import { createSolteqHandlers } from './solteq-booking';

/**
 * msw handlers for every simulated appointment source system, each in its own format on its
 * configured path (config/appointment-sources.json). Every call is recorded as an appointments
 * search and is subject to faults, for the appointments index or for one system (`setSource`).
 * `baseUrl` '*' matches any origin.
 */
export function createSourceHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl = '*', faults?: Faults): RequestHandler[] {
  return [
    ...createSolteqHandlers(dataset, recorder, baseUrl, faults),
    ...createMunicipalCalendarHandlers(dataset, recorder, baseUrl, faults),
    ...createNspHandlers(dataset, recorder, baseUrl, faults),
    ...createDfdgHandlers(dataset, recorder, baseUrl, faults),
    ...createAulaHandlers(dataset, recorder, baseUrl, faults),
  ];
}
