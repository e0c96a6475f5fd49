import { declareCitizen, declareCitizenContext } from '../../lib/citizen';

/** This subgraph's view of the shared Citizen entity. */
export const Citizen = declareCitizen();

/** This subgraph's view of the chatbot's CitizenContext entity. */
export const CitizenContext = declareCitizenContext();
