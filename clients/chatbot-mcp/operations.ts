/**
 * The gateway operations the tool server runs, one per tool, each asking for no more than its tool
 * shows (so the access log records only the area a question touched). They are registered in
 * config/persisted-operations.json under these names, so they also run where the gateway accepts
 * only registered operations; `server.test.ts` checks that the texts match.
 */
export const operations = {
  ChatbotOpenCases: 'query ChatbotOpenCases { citizenContext { openCases { title status statusText contact { office phone email openingHours } } } }',
  ChatbotNextAppointments:
    'query ChatbotNextAppointments($first: Int!) { citizenContext { nextAppointments(first: $first) { title startsAt place changeLink } } }',
  ChatbotNextPayment:
    'query ChatbotNextPayment { citizenContext { nextPayment { amount { amount currency } date dateMissingReason dateGap paidBy } } }',
} as const;

export type OperationName = keyof typeof operations;

export interface Contact {
  office: string;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
}

export interface OpenCasesData {
  citizenContext: { openCases: { title: string; status: string; statusText: string; contact: Contact }[] };
}

export interface NextAppointmentsData {
  citizenContext: { nextAppointments: { title: string; startsAt: string; place: string | null; changeLink: string | null }[] };
}

export interface NextPaymentData {
  citizenContext: {
    nextPayment: {
      amount: { amount: string; currency: string };
      date: string | null;
      dateMissingReason: string | null;
      dateGap: string | null;
      paidBy: string;
    } | null;
  };
}
