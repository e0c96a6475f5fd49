import { declareCitizen } from '../../lib/citizen';

/** This subgraph's view of the shared Citizen entity. */
export const Citizen = declareCitizen();
