/** The five areas of the overview, with the words the page uses for each. */
export const areaKeys = ['cases', 'benefits', 'payments', 'appointments', 'deadlines'] as const;
export type AreaKey = (typeof areaKeys)[number];

export const areaWords: Record<AreaKey, { heading: string; none: string }> = {
  cases: { heading: 'Sager', none: 'Der er ingen sager at vise.' },
  benefits: { heading: 'Ydelser', none: 'Der er ingen ydelser at vise.' },
  payments: { heading: 'Udbetalinger', none: 'Der er ingen udbetalinger at vise.' },
  appointments: { heading: 'Aftaler', none: 'Der er ingen aftaler at vise.' },
  deadlines: { heading: 'Frister', none: 'Der er ingen frister at vise.' },
};

/** The access log's area names (`cases`, …, and any other the gateway reports) in Danish. */
const logAreaNames: Record<string, string> = {
  cases: 'sager',
  benefits: 'ydelser',
  payments: 'udbetalinger',
  appointments: 'aftaler',
  deadlines: 'frister',
  proxies: 'fuldmagter',
  accessLog: 'adgangsloggen',
  accessGrants: 'adgange',
  address: 'adresse',
  calendarLinks: 'kalenderlinks',
  consents: 'samtykker',
  corrections: 'rettelser',
  exports: 'eksporter',
};

export const logAreaName = (area: string) => logAreaNames[area] ?? area;
