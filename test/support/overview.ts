import appointmentSources from '../../config/appointment-sources.json';

/** A citizen's overview of all five areas with the nested references resolved in their own subgraphs: what upstream-cost tests count. */
export const nestedOverview = `{ me { id
  cases { id title }
  benefits { id name case { id title } }
  payments { id amount { amount } benefit { id name } }
  appointments { id title case { id } }
  proxies { id holder { name } }
} }`;

/** What that overview costs cold: one call per national index, and one per source system behind the appointment index. */
export const onePerIndex = { cases: 1, benefits: 1, payments: 1, appointments: Object.keys(appointmentSources.sources).length, proxies: 1 };
