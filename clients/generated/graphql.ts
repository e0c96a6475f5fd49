/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Who pays the benefit out. */
export type BenefitPayer =
  /** The municipality pays it. */
  | 'MUNICIPALITY'
  /** Udbetaling Danmark (Payments Denmark) pays it. */
  | 'UDBETALING_DANMARK';

/** Where a benefit stands. */
export type BenefitStatus =
  /** Has ended. */
  | 'ENDED'
  /** Granted and running. */
  | 'GRANTED'
  /** Applied for; not yet decided. */
  | 'IN_PROGRESS'
  /** Refused. */
  | 'REFUSED';

/** A display card (data area) a proxy can be granted. */
export type Card =
  /** Appointments. */
  | 'APPOINTMENTS'
  /** Benefits. */
  | 'BENEFITS'
  /** Cases. */
  | 'CASES'
  /** Payments. */
  | 'PAYMENTS';

/** Where a case stands, in the case index's four stages. */
export type CaseProgress =
  /** The case is closed (Afsluttet). */
  | 'CLOSED'
  /** A decision has been made (Afgjort). */
  | 'DECIDED'
  /** The authority has gathered the information it needs (Oplyst). */
  | 'INFORMATION_GATHERED'
  /** The case has been opened (Opstået). */
  | 'OPENED';

/** What kind of record a correction request is about. */
export type CorrectionArea =
  | 'APPOINTMENTS'
  | 'BENEFITS'
  | 'CASES'
  | 'DEADLINES'
  | 'PAYMENTS';

/** Where a correction request stands. */
export type CorrectionStatus =
  /** The data owner has answered (see `reason`). */
  | 'ANSWERED'
  /** Taken by the data owner, which has not answered yet. */
  | 'FORWARDED'
  /** Stored here; not yet taken by the data owner (it is sent again on its own). */
  | 'RECEIVED'
  /** The data owner has rejected it, saying why in `reason`. */
  | 'REJECTED';

/** A record you find wrong or incomplete, and what is wrong with it. */
export type FlagCorrectionInput = {
  area: CorrectionArea;
  /** A key of your own (1-128 letters, digits and `-_.:`), new for each request: sending the same request again with it returns the one already made instead of a second. */
  idempotencyKey: string;
  /** The record's id, as the graph shows it. */
  itemId: string | number;
  /** What is wrong or missing, in plain text (1-2000 characters; control characters other than line breaks are removed). */
  text: string;
};

/** A power of attorney the citizen grants: to a person (by CPR) or an organisation (by CVR), for some cards, for a period, optionally for one case only. Send it in a POST's variables: CPR numbers never belong in a URL, and are never shown back. */
export type GrantProxyInput = {
  /** The data areas the holder may read: at least one. */
  cards: Array<Card>;
  /** Binds it to one of your own open cases: the holder sees that case (and what belongs to it) only, and it ends when the case closes. */
  caseId?: string | number | null | undefined;
  /** The holder's CPR number, for a person (10 digits; a dash after the sixth allowed). Exactly one of `holderCpr` and `holderCvr`. */
  holderCpr?: string | null | undefined;
  /** The holder's CVR number, for an organisation (8 digits). Exactly one of `holderCpr` and `holderCvr`. */
  holderCvr?: string | null | undefined;
  /** Any 8-64 letters, digits, `-` or `_` the client chooses per grant: sending the same grant again with the same key (a retry) returns the proxy made the first time instead of a second one. */
  idempotencyKey?: string | null | undefined;
  /** First day it is valid: today or later. Default today. */
  validFrom?: unknown;
  /** Last day it is valid, not before `validFrom`. Default: until revoked. */
  validTo?: unknown;
};

/** Whether a proxy is held by a person or an organisation. */
export type HolderKind =
  /** An organisation. */
  | 'ORGANISATION'
  /** A person. */
  | 'PERSON';

/** Why a payment has no date. */
export type PaymentDateGap =
  /** The municipality's finance system (Fujitsu Prisme) does not report payment dates. */
  | 'FINANCE_SYSTEM_SILENT'
  /** The source sent no date for this payment. */
  | 'NOT_REPORTED';

/** How often the amount is paid. */
export type PaymentFrequency =
  /** Every month. */
  | 'MONTHLY'
  /** Once. */
  | 'ONCE'
  /** Every quarter. */
  | 'QUARTERLY';

/** Money to the citizen or money the citizen owes. */
export type PaymentKind =
  /** A debt the citizen owes the authority. */
  | 'DEBT'
  /** A payout to the citizen. */
  | 'PAYOUT';

/** Why a proxy ended. */
export type ProxyEndReason =
  /** It was bound to one case, and that case was closed. */
  | 'CASE_CLOSED'
  /** The holder declined it before accepting. */
  | 'DECLINED'
  /** Its last day has passed. */
  | 'EXPIRED'
  /** The citizen who granted it revoked it. */
  | 'REVOKED';

/** The legal basis of a proxy. */
export type ProxyKind =
  /** A future power of attorney (fremtidsfuldmagt). */
  | 'FUTURE_POWER_OF_ATTORNEY'
  /** A full-coverage guardianship (værgemål). */
  | 'GUARDIANSHIP'
  /** An ordinary power of attorney (fuldmagt). */
  | 'POWER_OF_ATTORNEY';

/** Where a proxy stands today. */
export type ProxyStatus =
  /** It no longer applies; `endReason` says why. */
  | 'ENDED'
  /** The holder may act for the citizen with it now. */
  | 'IN_FORCE'
  /** Accepted, but its first day has not come (or a lasting power of attorney the Family Court has not put in force). */
  | 'NOT_YET_IN_FORCE'
  /** Granted, waiting for the holder to accept it: it lets the holder do nothing yet. */
  | 'PENDING';

/** Who read the citizen's data. */
export type ReaderKind =
  /** A chatbot answering the citizen's own questions. */
  | 'CHATBOT'
  /** A parent with custody, acting for a minor child. */
  | 'PARENT'
  /** A partner authority under a sharing agreement. */
  | 'PARTNER'
  /** Someone acting for the citizen under a proxy or guardianship. */
  | 'PROXY'
  /** An external service on the citizen's consent. */
  | 'SERVICE'
  /** Municipal verification staff. */
  | 'STAFF'
  /** A reader the log cannot name. */
  | 'UNKNOWN'
  /** The citizen themself. */
  | 'YOU';

/** The system the appointment index took the appointment from. */
export type SourceSystem =
  /** School. */
  | 'AULA'
  /** Employment services (Jobnet). */
  | 'DFDG'
  /** Citizen service desk booking. */
  | 'FRONTDESK'
  /** Health visitor. */
  | 'NOVAX'
  /** National patient overview (hospital appointments). */
  | 'NSP'
  /** Social and health services. */
  | 'SENSUM'
  /** Driving-test booking. */
  | 'SOLTEQ_SUND'
  /** Municipal dental care. */
  | 'SOLTEQ_TAND'
  /** Citizen service desk booking. */
  | 'WFP';

/** Why records exist that are not shown. */
export type WithheldReason =
  /** The citizen is under the municipality's minimum age for this topic. */
  | 'AGE_LIMIT'
  /** The municipality has not yet opened this data for citizens. */
  | 'NOT_ACTIVATED'
  /** A source system sent records that could not be read (or from a system not configured): they are dropped, not guessed at. */
  | 'UNREADABLE';

export type AcceptProxyMutationVariables = Exact<{
  id: string | number;
}>;


export type AcceptProxyMutation = { acceptProxy: { id: string, cards: Array<Card>, boundCaseId: string | null, status: ProxyStatus, statusText: string, acceptedAt: unknown, grantor: { citizenId: string, name: string } } };

export type ChatbotCitizenContextQueryVariables = Exact<{ [key: string]: never; }>;


export type ChatbotCitizenContextQuery = { citizenContext: { openCases: Array<{ title: string, status: CaseProgress, statusText: string, contact: { office: string, phone: string | null, email: string | null, openingHours: string | null } }>, nextAppointments: Array<{ title: string, startsAt: unknown, place: string | null, changeLink: string | null }>, nextPayment: { date: unknown, dateMissingReason: string | null, dateGap: PaymentDateGap | null, paidBy: string, amount: { amount: string, currency: string } } | null } };

export type ChatbotNextAppointmentsQueryVariables = Exact<{
  first: number;
}>;


export type ChatbotNextAppointmentsQuery = { citizenContext: { nextAppointments: Array<{ title: string, startsAt: unknown, place: string | null, changeLink: string | null }> } };

export type ChatbotNextPaymentQueryVariables = Exact<{ [key: string]: never; }>;


export type ChatbotNextPaymentQuery = { citizenContext: { nextPayment: { date: unknown, dateMissingReason: string | null, dateGap: PaymentDateGap | null, paidBy: string, amount: { amount: string, currency: string } } | null } };

export type ChatbotOpenCasesQueryVariables = Exact<{ [key: string]: never; }>;


export type ChatbotOpenCasesQuery = { citizenContext: { openCases: Array<{ title: string, status: CaseProgress, statusText: string, contact: { office: string, phone: string | null, email: string | null, openingHours: string | null } }> } };

export type CitizenConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type CitizenConsentsQuery = { me: { consents: Array<{ id: string, serviceId: string, service: string, areas: Array<string>, purpose: string, createdAt: unknown, validUntil: unknown, withdrawnAt: unknown, inForce: boolean }> | null } };

export type CitizenCorrectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CitizenCorrectionsQuery = { me: { corrections: Array<{ id: string, area: CorrectionArea, itemId: string, text: string, status: CorrectionStatus, statusText: string, reason: string | null, createdAt: unknown, updatedAt: unknown }> | null } };

export type CitizenOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type CitizenOverviewQuery = { me: { id: string, cases: Array<{ id: string, title: string, progress: CaseProgress, progressText: string, openedOn: unknown, kle: { code: string, name: string }, contact: { office: string, phone: string | null, email: string | null, openingHours: string | null } }> | null, benefits: Array<{ id: string, name: string, status: BenefitStatus, statusText: string, amount: { amount: string, currency: string }, case: { id: string, title: string } | null }> | null, payments: Array<{ id: string, kind: PaymentKind, paymentDate: unknown, paymentDateMissingReason: string | null, paymentDateGap: PaymentDateGap | null, amount: { amount: string, currency: string }, benefit: { id: string, name: string } | null }> | null, appointments: Array<{ id: string, title: string, startsAt: unknown, contactIsGeneral: boolean, contactNote: string | null, location: { name: string } | null, contact: { office: string, phone: string | null }, changeLink: { url: string, isFallback: boolean } }> | null, deadlines: Array<{ id: string, title: string, dueAt: unknown, consequence: string | null, actLink: { url: string, isFallback: boolean } }> | null, proxies: Array<{ id: string, cards: Array<Card>, kind: ProxyKind, validFrom: unknown, validTo: unknown, holder: { name: string } }> | null } };

export type CitizenProxiesQueryVariables = Exact<{ [key: string]: never; }>;


export type CitizenProxiesQuery = { me: { proxies: Array<{ id: string, cards: Array<Card>, kind: ProxyKind, validFrom: unknown, validTo: unknown, status: ProxyStatus, statusText: string, endReason: ProxyEndReason | null, endReasonText: string | null, acceptedAt: unknown, revokedAt: unknown, holder: { name: string, kind: HolderKind }, boundCase: { id: string, title: string } | null }> | null } };

export type DeclineProxyMutationVariables = Exact<{
  id: string | number;
}>;


export type DeclineProxyMutation = { declineProxy: { id: string, status: ProxyStatus, statusText: string, endReason: ProxyEndReason | null, endReasonText: string | null } };

export type FlagCorrectionMutationVariables = Exact<{
  input: FlagCorrectionInput;
}>;


export type FlagCorrectionMutation = { flagCorrection: { id: string, area: CorrectionArea, itemId: string, text: string, status: CorrectionStatus, statusText: string, reason: string | null, createdAt: unknown, updatedAt: unknown } };

export type GrantConsentMutationVariables = Exact<{
  clientId: string;
  areas: Array<string> | string;
  days: number;
  purpose: string;
}>;


export type GrantConsentMutation = { grantConsent: { id: string, areas: Array<string>, validUntil: unknown } };

export type GrantProxyMutationVariables = Exact<{
  input: GrantProxyInput;
}>;


export type GrantProxyMutation = { grantProxy: { id: string, cards: Array<Card>, kind: ProxyKind, validFrom: unknown, validTo: unknown, status: ProxyStatus, statusText: string, holder: { name: string, kind: HolderKind }, boundCase: { id: string, title: string } | null } };

export type MitOverblikQueryVariables = Exact<{ [key: string]: never; }>;


export type MitOverblikQuery = { me: { id: string, cases: Array<{ id: string, title: string, progress: CaseProgress, progressText: string, openedOn: unknown, closedOn: unknown, kle: { code: string, name: string }, responsibleAuthority: { name: string }, contact: { office: string, phone: string | null, email: string | null, openingHours: string | null } }> | null, casesFreshness: { asOf: unknown, stale: boolean } | null, casesWithheld: Array<{ reason: WithheldReason, count: number, message: string }> | null, benefits: Array<{ id: string, name: string, status: BenefitStatus, statusText: string, frequency: PaymentFrequency, paidBy: BenefitPayer, period: { from: unknown, to: unknown }, amount: { amount: string, currency: string }, case: { id: string, title: string } | null }> | null, benefitsFreshness: { asOf: unknown, stale: boolean } | null, benefitsWithheld: Array<{ reason: WithheldReason, count: number, message: string }> | null, payments: Array<{ id: string, kind: PaymentKind, paymentDate: unknown, paymentDateMissingReason: string | null, paymentDateGap: PaymentDateGap | null, amount: { amount: string, currency: string }, payingAuthority: { name: string }, benefit: { id: string, name: string } | null }> | null, paymentsFreshness: { asOf: unknown, stale: boolean } | null, paymentsWithheld: Array<{ reason: WithheldReason, count: number, message: string }> | null, appointments: Array<{ id: string, title: string, startsAt: unknown, endsAt: unknown, contactIsGeneral: boolean, contactNote: string | null, location: { name: string, address: string | null } | null, responsibleAuthority: { name: string }, contact: { office: string, phone: string | null, email: string | null, openingHours: string | null }, changeLink: { url: string, isFallback: boolean } }> | null, appointmentsFreshness: { asOf: unknown, stale: boolean, sources: Array<{ system: string, asOf: unknown, stale: boolean, failed: boolean }> | null } | null, appointmentsWithheld: Array<{ reason: WithheldReason, count: number, message: string }> | null, deadlines: Array<{ id: string, title: string, dueAt: unknown, consequence: string | null, contactNote: string | null, responsibleAuthority: { name: string }, contact: { office: string, phone: string | null }, actLink: { url: string, isFallback: boolean } }> | null } };

export type MitOverblikAccessLogQueryVariables = Exact<{
  before?: string | null | undefined;
}>;


export type MitOverblikAccessLogQuery = { me: { id: string, accessLog: { nextCursor: string | null, entries: Array<{ at: unknown, reader: ReaderKind, who: string, areas: Array<string>, refusedAreas: Array<string>, purpose: string | null }> } | null } };

export type MyHeldProxiesQueryVariables = Exact<{
  status?: ProxyStatus | null | undefined;
}>;


export type MyHeldProxiesQuery = { myHeldProxies: Array<{ id: string, cards: Array<Card>, kind: ProxyKind, validFrom: unknown, validTo: unknown, boundCaseId: string | null, status: ProxyStatus, statusText: string, endReason: ProxyEndReason | null, endReasonText: string | null, acceptedAt: unknown, revokedAt: unknown, grantor: { citizenId: string, name: string } }> };

export type PartnerSharedAppointmentsQueryVariables = Exact<{
  cpr: string;
}>;


export type PartnerSharedAppointmentsQuery = { sharedAppointments: Array<{ title: string, startsAt: unknown, endsAt: unknown, place: string | null, sourceSystem: SourceSystem, responsibleAuthority: { name: string } }> };

export type RevokeProxyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeProxyMutation = { revokeProxy: { id: string, status: ProxyStatus, statusText: string, endReason: ProxyEndReason | null, endReasonText: string | null, revokedAt: unknown } };

export type ServicePaymentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServicePaymentsQuery = { me: { payments: Array<{ id: string, kind: PaymentKind, paymentDate: unknown, amount: { amount: string, currency: string }, payingAuthority: { name: string } }> | null } };

export type WithdrawConsentMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawConsentMutation = { withdrawConsent: boolean };


export const AcceptProxyDocument = {"__meta__":{"hash":"sha256:2e1e67c07703ebe64e75093a417ab8aac2a053d4d2507132602f820278a3c883"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptProxy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptProxy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cards"}},{"kind":"Field","name":{"kind":"Name","value":"boundCaseId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}}]}}]}}]} as unknown as DocumentNode<AcceptProxyMutation, AcceptProxyMutationVariables>;
export const ChatbotCitizenContextDocument = {"__meta__":{"hash":"sha256:e8d629df7b9ed9e1c708bc261ae34dfdab3ce83580d3b8722a39d4a0d4f15e33"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChatbotCitizenContext"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenContext"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextAppointments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"changeLink"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"dateMissingReason"}},{"kind":"Field","name":{"kind":"Name","value":"dateGap"}},{"kind":"Field","name":{"kind":"Name","value":"paidBy"}}]}}]}}]}}]} as unknown as DocumentNode<ChatbotCitizenContextQuery, ChatbotCitizenContextQueryVariables>;
export const ChatbotNextAppointmentsDocument = {"__meta__":{"hash":"sha256:8213479463fa71491a81e60da11898415260be52b92843d52ba29fad63e7c210"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChatbotNextAppointments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenContext"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nextAppointments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"changeLink"}}]}}]}}]}}]} as unknown as DocumentNode<ChatbotNextAppointmentsQuery, ChatbotNextAppointmentsQueryVariables>;
export const ChatbotNextPaymentDocument = {"__meta__":{"hash":"sha256:15c1343fac4d057d6458e53bf4d5184ee646f422b1411f7b01c7460dfc5d94b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChatbotNextPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenContext"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nextPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"dateMissingReason"}},{"kind":"Field","name":{"kind":"Name","value":"dateGap"}},{"kind":"Field","name":{"kind":"Name","value":"paidBy"}}]}}]}}]}}]} as unknown as DocumentNode<ChatbotNextPaymentQuery, ChatbotNextPaymentQueryVariables>;
export const ChatbotOpenCasesDocument = {"__meta__":{"hash":"sha256:bb957456de7ef70fbe44f92bca354fad7e7fe892a43c181390293a14666257bd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChatbotOpenCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenContext"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChatbotOpenCasesQuery, ChatbotOpenCasesQueryVariables>;
export const CitizenConsentsDocument = {"__meta__":{"hash":"sha256:09e13b36d6aa40a744833ea32e43891cc0f3b1d911518d3845a07ba7afd82bd0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenConsents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serviceId"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"areas"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"inForce"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenConsentsQuery, CitizenConsentsQueryVariables>;
export const CitizenCorrectionsDocument = {"__meta__":{"hash":"sha256:df5b33b3074f73aefe50a9512475aef46adda0d68a4f9779fd570725b583e50c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenCorrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"corrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenCorrectionsQuery, CitizenCorrectionsQueryVariables>;
export const CitizenOverviewDocument = {"__meta__":{"hash":"sha256:f07fe779bf9f03d4ce1b7f264907ecf40b1e3d5c3fff2d2e7895544255897b6e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"progressText"}},{"kind":"Field","name":{"kind":"Name","value":"openedOn"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentDate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentDateMissingReason"}},{"kind":"Field","name":{"kind":"Name","value":"paymentDateGap"}},{"kind":"Field","name":{"kind":"Name","value":"benefit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactIsGeneral"}},{"kind":"Field","name":{"kind":"Name","value":"contactNote"}},{"kind":"Field","name":{"kind":"Name","value":"changeLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"isFallback"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"consequence"}},{"kind":"Field","name":{"kind":"Name","value":"actLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"isFallback"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"proxies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cards"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenOverviewQuery, CitizenOverviewQueryVariables>;
export const CitizenProxiesDocument = {"__meta__":{"hash":"sha256:d6403bfefc34dca655a1c14adf5b3a4787ede3b9eb89fd98916530f6affbaf48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenProxies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proxies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cards"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"boundCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"endReasonText"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenProxiesQuery, CitizenProxiesQueryVariables>;
export const DeclineProxyDocument = {"__meta__":{"hash":"sha256:3a2bdf33f5e3113be7deba62d166b1155c9bcb6ee8c7be5a1e066dc523d5104e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineProxy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineProxy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"endReasonText"}}]}}]}}]} as unknown as DocumentNode<DeclineProxyMutation, DeclineProxyMutationVariables>;
export const FlagCorrectionDocument = {"__meta__":{"hash":"sha256:1480132548da8394855e5eb4388622e27c25c2bcf582f04fcf8b4d982a8534b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FlagCorrection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FlagCorrectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flagCorrection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<FlagCorrectionMutation, FlagCorrectionMutationVariables>;
export const GrantConsentDocument = {"__meta__":{"hash":"sha256:10f630ebba67dcde907106b2ff78e9833fda24c01622e18fd19a8055d1467660"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"areas"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"areas"},"value":{"kind":"Variable","name":{"kind":"Name","value":"areas"}}},{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}},{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"areas"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]} as unknown as DocumentNode<GrantConsentMutation, GrantConsentMutationVariables>;
export const GrantProxyDocument = {"__meta__":{"hash":"sha256:37caa60d7074ae9239ba3c9c0fe38b86c73b56de9c41d95a126bb97b792d46ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantProxy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantProxyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantProxy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cards"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"boundCase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}}]}}]}}]} as unknown as DocumentNode<GrantProxyMutation, GrantProxyMutationVariables>;
export const MitOverblikDocument = {"__meta__":{"hash":"sha256:9e17524d18b8ad7a2335c7bc1aa6cefc931aa5917d836faf0021f2026609dfbb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MitOverblik"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"progressText"}},{"kind":"Field","name":{"kind":"Name","value":"openedOn"}},{"kind":"Field","name":{"kind":"Name","value":"closedOn"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"casesFreshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"casesWithheld"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"paidBy"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefitsFreshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefitsWithheld"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentDate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentDateMissingReason"}},{"kind":"Field","name":{"kind":"Name","value":"paymentDateGap"}},{"kind":"Field","name":{"kind":"Name","value":"payingAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentsFreshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentsWithheld"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"responsibleAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactIsGeneral"}},{"kind":"Field","name":{"kind":"Name","value":"contactNote"}},{"kind":"Field","name":{"kind":"Name","value":"changeLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"isFallback"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointmentsFreshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointmentsWithheld"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"consequence"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactNote"}},{"kind":"Field","name":{"kind":"Name","value":"actLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"isFallback"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MitOverblikQuery, MitOverblikQueryVariables>;
export const MitOverblikAccessLogDocument = {"__meta__":{"hash":"sha256:b92565374282763fc1d4dd9b0656dcc9bc2801e497f3354f7e3835e3cfb60c35"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MitOverblikAccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reader"}},{"kind":"Field","name":{"kind":"Name","value":"who"}},{"kind":"Field","name":{"kind":"Name","value":"areas"}},{"kind":"Field","name":{"kind":"Name","value":"refusedAreas"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MitOverblikAccessLogQuery, MitOverblikAccessLogQueryVariables>;
export const MyHeldProxiesDocument = {"__meta__":{"hash":"sha256:d8104b0a9ce7191c16169dbe20ea122bbfa8cf50544b09c6e1b4682cf288b5aa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyHeldProxies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProxyStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myHeldProxies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cards"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"boundCaseId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"endReasonText"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<MyHeldProxiesQuery, MyHeldProxiesQueryVariables>;
export const PartnerSharedAppointmentsDocument = {"__meta__":{"hash":"sha256:54487934905b5a0abcd464b15f85563d2d75f31503c78eda50f298e5d67038ae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerSharedAppointments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cpr"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sharedAppointments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cpr"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cpr"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"sourceSystem"}},{"kind":"Field","name":{"kind":"Name","value":"responsibleAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PartnerSharedAppointmentsQuery, PartnerSharedAppointmentsQueryVariables>;
export const RevokeProxyDocument = {"__meta__":{"hash":"sha256:9a744d64c7e2f2fcccd099318bcb874299228567ac5880ed859c15ed90ca12af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeProxy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeProxy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"endReasonText"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeProxyMutation, RevokeProxyMutationVariables>;
export const ServicePaymentsDocument = {"__meta__":{"hash":"sha256:faedd3445748a941a41b10ca8f97dc109b034c543a6602794691466bb4db247d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServicePayments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentDate"}},{"kind":"Field","name":{"kind":"Name","value":"payingAuthority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ServicePaymentsQuery, ServicePaymentsQueryVariables>;
export const WithdrawConsentDocument = {"__meta__":{"hash":"sha256:0ff34abdaff5263586e2b80bfc7cce2b401de099c6ee2f771dd9b3b1e899f7fe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;