import { ChatbotNextAppointmentsDocument, ChatbotNextPaymentDocument, ChatbotOpenCasesDocument } from '../generated/graphql';

/** The persisted-document id (`sha256:<hex>`) codegen embeds in a generated document. */
const documentIdOf = (document: unknown): string => (document as { __meta__: { hash: string } }).__meta__.hash;

/**
 * The gateway operations the tool server runs, one per tool, each asking for no more than its tool
 * shows (so the access log records only the area a question touched). Their documents are
 * clients/operations/<name>.graphql; the tool server sends only their ids from the generated
 * manifest (clients/generated/persisted-documents.json, `npm run codegen`), so they run where the
 * gateway accepts only registered operations; `server.test.ts` checks that the manifest has them.
 */
export const operations = {
  ChatbotOpenCases: documentIdOf(ChatbotOpenCasesDocument),
  ChatbotNextAppointments: documentIdOf(ChatbotNextAppointmentsDocument),
  ChatbotNextPayment: documentIdOf(ChatbotNextPaymentDocument),
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
