/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AcceptProxy($id: ID!) {\n  acceptProxy(id: $id) {\n    id\n    grantor {\n      citizenId\n      name\n    }\n    cards\n    boundCaseId\n    status\n    statusText\n    acceptedAt\n  }\n}": typeof types.AcceptProxyDocument,
    "query ChatbotCitizenContext {\n  citizenContext {\n    openCases {\n      title\n      status\n      statusText\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n    nextAppointments {\n      title\n      startsAt\n      place\n      changeLink\n    }\n    nextPayment {\n      amount {\n        amount\n        currency\n      }\n      date\n      dateMissingReason\n      dateGap\n      paidBy\n    }\n  }\n}": typeof types.ChatbotCitizenContextDocument,
    "query ChatbotNextAppointments($first: Int!) {\n  citizenContext {\n    nextAppointments(first: $first) {\n      title\n      startsAt\n      place\n      changeLink\n    }\n  }\n}": typeof types.ChatbotNextAppointmentsDocument,
    "query ChatbotNextPayment {\n  citizenContext {\n    nextPayment {\n      amount {\n        amount\n        currency\n      }\n      date\n      dateMissingReason\n      dateGap\n      paidBy\n    }\n  }\n}": typeof types.ChatbotNextPaymentDocument,
    "query ChatbotOpenCases {\n  citizenContext {\n    openCases {\n      title\n      status\n      statusText\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n  }\n}": typeof types.ChatbotOpenCasesDocument,
    "query CitizenConsents {\n  me {\n    consents {\n      id\n      serviceId\n      service\n      areas\n      purpose\n      createdAt\n      validUntil\n      withdrawnAt\n      inForce\n    }\n  }\n}": typeof types.CitizenConsentsDocument,
    "query CitizenCorrections {\n  me {\n    corrections {\n      id\n      area\n      itemId\n      text\n      status\n      statusText\n      reason\n      createdAt\n      updatedAt\n    }\n  }\n}": typeof types.CitizenCorrectionsDocument,
    "query CitizenOverview {\n  me {\n    id\n    cases {\n      id\n      title\n      kle {\n        code\n        name\n      }\n      progress\n      progressText\n      openedOn\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n    benefits {\n      id\n      name\n      status\n      statusText\n      amount {\n        amount\n        currency\n      }\n      case {\n        id\n        title\n      }\n    }\n    payments {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      paymentDate\n      paymentDateMissingReason\n      paymentDateGap\n      benefit {\n        id\n        name\n      }\n    }\n    appointments {\n      id\n      title\n      startsAt\n      location {\n        name\n      }\n      contact {\n        office\n        phone\n      }\n      contactIsGeneral\n      contactNote\n      changeLink {\n        url\n        isFallback\n      }\n    }\n    deadlines {\n      id\n      title\n      dueAt\n      consequence\n      actLink {\n        url\n        isFallback\n      }\n    }\n    proxies {\n      id\n      holder {\n        name\n      }\n      cards\n      kind\n      validFrom\n      validTo\n    }\n  }\n}": typeof types.CitizenOverviewDocument,
    "query CitizenProxies {\n  me {\n    proxies {\n      id\n      holder {\n        name\n        kind\n      }\n      cards\n      kind\n      validFrom\n      validTo\n      boundCase {\n        id\n        title\n      }\n      status\n      statusText\n      endReason\n      endReasonText\n      acceptedAt\n      revokedAt\n    }\n  }\n}": typeof types.CitizenProxiesDocument,
    "mutation DeclineProxy($id: ID!) {\n  declineProxy(id: $id) {\n    id\n    status\n    statusText\n    endReason\n    endReasonText\n  }\n}": typeof types.DeclineProxyDocument,
    "mutation FlagCorrection($input: FlagCorrectionInput!) {\n  flagCorrection(input: $input) {\n    id\n    area\n    itemId\n    text\n    status\n    statusText\n    reason\n    createdAt\n    updatedAt\n  }\n}": typeof types.FlagCorrectionDocument,
    "mutation GrantConsent($clientId: String!, $areas: [String!]!, $days: Int!, $purpose: String!) {\n  grantConsent(clientId: $clientId, areas: $areas, days: $days, purpose: $purpose) {\n    id\n    areas\n    validUntil\n  }\n}": typeof types.GrantConsentDocument,
    "mutation GrantProxy($input: GrantProxyInput!) {\n  grantProxy(input: $input) {\n    id\n    holder {\n      name\n      kind\n    }\n    cards\n    kind\n    validFrom\n    validTo\n    boundCase {\n      id\n      title\n    }\n    status\n    statusText\n  }\n}": typeof types.GrantProxyDocument,
    "query MyHeldProxies($status: ProxyStatus) {\n  myHeldProxies(status: $status) {\n    id\n    grantor {\n      citizenId\n      name\n    }\n    cards\n    kind\n    validFrom\n    validTo\n    boundCaseId\n    status\n    statusText\n    endReason\n    endReasonText\n    acceptedAt\n    revokedAt\n  }\n}": typeof types.MyHeldProxiesDocument,
    "query PartnerSharedAppointments($cpr: String!) {\n  sharedAppointments(cpr: $cpr) {\n    title\n    startsAt\n    endsAt\n    place\n    sourceSystem\n    responsibleAuthority {\n      name\n    }\n  }\n}": typeof types.PartnerSharedAppointmentsDocument,
    "mutation RevokeProxy($id: ID!) {\n  revokeProxy(id: $id) {\n    id\n    status\n    statusText\n    endReason\n    endReasonText\n    revokedAt\n  }\n}": typeof types.RevokeProxyDocument,
    "query ServicePayments {\n  me {\n    payments(first: 50) {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      paymentDate\n      payingAuthority {\n        name\n      }\n    }\n  }\n}": typeof types.ServicePaymentsDocument,
    "mutation WithdrawConsent($id: ID!) {\n  withdrawConsent(id: $id)\n}": typeof types.WithdrawConsentDocument,
};
const documents: Documents = {
    "mutation AcceptProxy($id: ID!) {\n  acceptProxy(id: $id) {\n    id\n    grantor {\n      citizenId\n      name\n    }\n    cards\n    boundCaseId\n    status\n    statusText\n    acceptedAt\n  }\n}": types.AcceptProxyDocument,
    "query ChatbotCitizenContext {\n  citizenContext {\n    openCases {\n      title\n      status\n      statusText\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n    nextAppointments {\n      title\n      startsAt\n      place\n      changeLink\n    }\n    nextPayment {\n      amount {\n        amount\n        currency\n      }\n      date\n      dateMissingReason\n      dateGap\n      paidBy\n    }\n  }\n}": types.ChatbotCitizenContextDocument,
    "query ChatbotNextAppointments($first: Int!) {\n  citizenContext {\n    nextAppointments(first: $first) {\n      title\n      startsAt\n      place\n      changeLink\n    }\n  }\n}": types.ChatbotNextAppointmentsDocument,
    "query ChatbotNextPayment {\n  citizenContext {\n    nextPayment {\n      amount {\n        amount\n        currency\n      }\n      date\n      dateMissingReason\n      dateGap\n      paidBy\n    }\n  }\n}": types.ChatbotNextPaymentDocument,
    "query ChatbotOpenCases {\n  citizenContext {\n    openCases {\n      title\n      status\n      statusText\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n  }\n}": types.ChatbotOpenCasesDocument,
    "query CitizenConsents {\n  me {\n    consents {\n      id\n      serviceId\n      service\n      areas\n      purpose\n      createdAt\n      validUntil\n      withdrawnAt\n      inForce\n    }\n  }\n}": types.CitizenConsentsDocument,
    "query CitizenCorrections {\n  me {\n    corrections {\n      id\n      area\n      itemId\n      text\n      status\n      statusText\n      reason\n      createdAt\n      updatedAt\n    }\n  }\n}": types.CitizenCorrectionsDocument,
    "query CitizenOverview {\n  me {\n    id\n    cases {\n      id\n      title\n      kle {\n        code\n        name\n      }\n      progress\n      progressText\n      openedOn\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n    benefits {\n      id\n      name\n      status\n      statusText\n      amount {\n        amount\n        currency\n      }\n      case {\n        id\n        title\n      }\n    }\n    payments {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      paymentDate\n      paymentDateMissingReason\n      paymentDateGap\n      benefit {\n        id\n        name\n      }\n    }\n    appointments {\n      id\n      title\n      startsAt\n      location {\n        name\n      }\n      contact {\n        office\n        phone\n      }\n      contactIsGeneral\n      contactNote\n      changeLink {\n        url\n        isFallback\n      }\n    }\n    deadlines {\n      id\n      title\n      dueAt\n      consequence\n      actLink {\n        url\n        isFallback\n      }\n    }\n    proxies {\n      id\n      holder {\n        name\n      }\n      cards\n      kind\n      validFrom\n      validTo\n    }\n  }\n}": types.CitizenOverviewDocument,
    "query CitizenProxies {\n  me {\n    proxies {\n      id\n      holder {\n        name\n        kind\n      }\n      cards\n      kind\n      validFrom\n      validTo\n      boundCase {\n        id\n        title\n      }\n      status\n      statusText\n      endReason\n      endReasonText\n      acceptedAt\n      revokedAt\n    }\n  }\n}": types.CitizenProxiesDocument,
    "mutation DeclineProxy($id: ID!) {\n  declineProxy(id: $id) {\n    id\n    status\n    statusText\n    endReason\n    endReasonText\n  }\n}": types.DeclineProxyDocument,
    "mutation FlagCorrection($input: FlagCorrectionInput!) {\n  flagCorrection(input: $input) {\n    id\n    area\n    itemId\n    text\n    status\n    statusText\n    reason\n    createdAt\n    updatedAt\n  }\n}": types.FlagCorrectionDocument,
    "mutation GrantConsent($clientId: String!, $areas: [String!]!, $days: Int!, $purpose: String!) {\n  grantConsent(clientId: $clientId, areas: $areas, days: $days, purpose: $purpose) {\n    id\n    areas\n    validUntil\n  }\n}": types.GrantConsentDocument,
    "mutation GrantProxy($input: GrantProxyInput!) {\n  grantProxy(input: $input) {\n    id\n    holder {\n      name\n      kind\n    }\n    cards\n    kind\n    validFrom\n    validTo\n    boundCase {\n      id\n      title\n    }\n    status\n    statusText\n  }\n}": types.GrantProxyDocument,
    "query MyHeldProxies($status: ProxyStatus) {\n  myHeldProxies(status: $status) {\n    id\n    grantor {\n      citizenId\n      name\n    }\n    cards\n    kind\n    validFrom\n    validTo\n    boundCaseId\n    status\n    statusText\n    endReason\n    endReasonText\n    acceptedAt\n    revokedAt\n  }\n}": types.MyHeldProxiesDocument,
    "query PartnerSharedAppointments($cpr: String!) {\n  sharedAppointments(cpr: $cpr) {\n    title\n    startsAt\n    endsAt\n    place\n    sourceSystem\n    responsibleAuthority {\n      name\n    }\n  }\n}": types.PartnerSharedAppointmentsDocument,
    "mutation RevokeProxy($id: ID!) {\n  revokeProxy(id: $id) {\n    id\n    status\n    statusText\n    endReason\n    endReasonText\n    revokedAt\n  }\n}": types.RevokeProxyDocument,
    "query ServicePayments {\n  me {\n    payments(first: 50) {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      paymentDate\n      payingAuthority {\n        name\n      }\n    }\n  }\n}": types.ServicePaymentsDocument,
    "mutation WithdrawConsent($id: ID!) {\n  withdrawConsent(id: $id)\n}": types.WithdrawConsentDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptProxy($id: ID!) {\n  acceptProxy(id: $id) {\n    id\n    grantor {\n      citizenId\n      name\n    }\n    cards\n    boundCaseId\n    status\n    statusText\n    acceptedAt\n  }\n}"): (typeof documents)["mutation AcceptProxy($id: ID!) {\n  acceptProxy(id: $id) {\n    id\n    grantor {\n      citizenId\n      name\n    }\n    cards\n    boundCaseId\n    status\n    statusText\n    acceptedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatbotCitizenContext {\n  citizenContext {\n    openCases {\n      title\n      status\n      statusText\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n    nextAppointments {\n      title\n      startsAt\n      place\n      changeLink\n    }\n    nextPayment {\n      amount {\n        amount\n        currency\n      }\n      date\n      dateMissingReason\n      dateGap\n      paidBy\n    }\n  }\n}"): (typeof documents)["query ChatbotCitizenContext {\n  citizenContext {\n    openCases {\n      title\n      status\n      statusText\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n    nextAppointments {\n      title\n      startsAt\n      place\n      changeLink\n    }\n    nextPayment {\n      amount {\n        amount\n        currency\n      }\n      date\n      dateMissingReason\n      dateGap\n      paidBy\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatbotNextAppointments($first: Int!) {\n  citizenContext {\n    nextAppointments(first: $first) {\n      title\n      startsAt\n      place\n      changeLink\n    }\n  }\n}"): (typeof documents)["query ChatbotNextAppointments($first: Int!) {\n  citizenContext {\n    nextAppointments(first: $first) {\n      title\n      startsAt\n      place\n      changeLink\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatbotNextPayment {\n  citizenContext {\n    nextPayment {\n      amount {\n        amount\n        currency\n      }\n      date\n      dateMissingReason\n      dateGap\n      paidBy\n    }\n  }\n}"): (typeof documents)["query ChatbotNextPayment {\n  citizenContext {\n    nextPayment {\n      amount {\n        amount\n        currency\n      }\n      date\n      dateMissingReason\n      dateGap\n      paidBy\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatbotOpenCases {\n  citizenContext {\n    openCases {\n      title\n      status\n      statusText\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n  }\n}"): (typeof documents)["query ChatbotOpenCases {\n  citizenContext {\n    openCases {\n      title\n      status\n      statusText\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CitizenConsents {\n  me {\n    consents {\n      id\n      serviceId\n      service\n      areas\n      purpose\n      createdAt\n      validUntil\n      withdrawnAt\n      inForce\n    }\n  }\n}"): (typeof documents)["query CitizenConsents {\n  me {\n    consents {\n      id\n      serviceId\n      service\n      areas\n      purpose\n      createdAt\n      validUntil\n      withdrawnAt\n      inForce\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CitizenCorrections {\n  me {\n    corrections {\n      id\n      area\n      itemId\n      text\n      status\n      statusText\n      reason\n      createdAt\n      updatedAt\n    }\n  }\n}"): (typeof documents)["query CitizenCorrections {\n  me {\n    corrections {\n      id\n      area\n      itemId\n      text\n      status\n      statusText\n      reason\n      createdAt\n      updatedAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CitizenOverview {\n  me {\n    id\n    cases {\n      id\n      title\n      kle {\n        code\n        name\n      }\n      progress\n      progressText\n      openedOn\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n    benefits {\n      id\n      name\n      status\n      statusText\n      amount {\n        amount\n        currency\n      }\n      case {\n        id\n        title\n      }\n    }\n    payments {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      paymentDate\n      paymentDateMissingReason\n      paymentDateGap\n      benefit {\n        id\n        name\n      }\n    }\n    appointments {\n      id\n      title\n      startsAt\n      location {\n        name\n      }\n      contact {\n        office\n        phone\n      }\n      contactIsGeneral\n      contactNote\n      changeLink {\n        url\n        isFallback\n      }\n    }\n    deadlines {\n      id\n      title\n      dueAt\n      consequence\n      actLink {\n        url\n        isFallback\n      }\n    }\n    proxies {\n      id\n      holder {\n        name\n      }\n      cards\n      kind\n      validFrom\n      validTo\n    }\n  }\n}"): (typeof documents)["query CitizenOverview {\n  me {\n    id\n    cases {\n      id\n      title\n      kle {\n        code\n        name\n      }\n      progress\n      progressText\n      openedOn\n      contact {\n        office\n        phone\n        email\n        openingHours\n      }\n    }\n    benefits {\n      id\n      name\n      status\n      statusText\n      amount {\n        amount\n        currency\n      }\n      case {\n        id\n        title\n      }\n    }\n    payments {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      paymentDate\n      paymentDateMissingReason\n      paymentDateGap\n      benefit {\n        id\n        name\n      }\n    }\n    appointments {\n      id\n      title\n      startsAt\n      location {\n        name\n      }\n      contact {\n        office\n        phone\n      }\n      contactIsGeneral\n      contactNote\n      changeLink {\n        url\n        isFallback\n      }\n    }\n    deadlines {\n      id\n      title\n      dueAt\n      consequence\n      actLink {\n        url\n        isFallback\n      }\n    }\n    proxies {\n      id\n      holder {\n        name\n      }\n      cards\n      kind\n      validFrom\n      validTo\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CitizenProxies {\n  me {\n    proxies {\n      id\n      holder {\n        name\n        kind\n      }\n      cards\n      kind\n      validFrom\n      validTo\n      boundCase {\n        id\n        title\n      }\n      status\n      statusText\n      endReason\n      endReasonText\n      acceptedAt\n      revokedAt\n    }\n  }\n}"): (typeof documents)["query CitizenProxies {\n  me {\n    proxies {\n      id\n      holder {\n        name\n        kind\n      }\n      cards\n      kind\n      validFrom\n      validTo\n      boundCase {\n        id\n        title\n      }\n      status\n      statusText\n      endReason\n      endReasonText\n      acceptedAt\n      revokedAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeclineProxy($id: ID!) {\n  declineProxy(id: $id) {\n    id\n    status\n    statusText\n    endReason\n    endReasonText\n  }\n}"): (typeof documents)["mutation DeclineProxy($id: ID!) {\n  declineProxy(id: $id) {\n    id\n    status\n    statusText\n    endReason\n    endReasonText\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FlagCorrection($input: FlagCorrectionInput!) {\n  flagCorrection(input: $input) {\n    id\n    area\n    itemId\n    text\n    status\n    statusText\n    reason\n    createdAt\n    updatedAt\n  }\n}"): (typeof documents)["mutation FlagCorrection($input: FlagCorrectionInput!) {\n  flagCorrection(input: $input) {\n    id\n    area\n    itemId\n    text\n    status\n    statusText\n    reason\n    createdAt\n    updatedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GrantConsent($clientId: String!, $areas: [String!]!, $days: Int!, $purpose: String!) {\n  grantConsent(clientId: $clientId, areas: $areas, days: $days, purpose: $purpose) {\n    id\n    areas\n    validUntil\n  }\n}"): (typeof documents)["mutation GrantConsent($clientId: String!, $areas: [String!]!, $days: Int!, $purpose: String!) {\n  grantConsent(clientId: $clientId, areas: $areas, days: $days, purpose: $purpose) {\n    id\n    areas\n    validUntil\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GrantProxy($input: GrantProxyInput!) {\n  grantProxy(input: $input) {\n    id\n    holder {\n      name\n      kind\n    }\n    cards\n    kind\n    validFrom\n    validTo\n    boundCase {\n      id\n      title\n    }\n    status\n    statusText\n  }\n}"): (typeof documents)["mutation GrantProxy($input: GrantProxyInput!) {\n  grantProxy(input: $input) {\n    id\n    holder {\n      name\n      kind\n    }\n    cards\n    kind\n    validFrom\n    validTo\n    boundCase {\n      id\n      title\n    }\n    status\n    statusText\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyHeldProxies($status: ProxyStatus) {\n  myHeldProxies(status: $status) {\n    id\n    grantor {\n      citizenId\n      name\n    }\n    cards\n    kind\n    validFrom\n    validTo\n    boundCaseId\n    status\n    statusText\n    endReason\n    endReasonText\n    acceptedAt\n    revokedAt\n  }\n}"): (typeof documents)["query MyHeldProxies($status: ProxyStatus) {\n  myHeldProxies(status: $status) {\n    id\n    grantor {\n      citizenId\n      name\n    }\n    cards\n    kind\n    validFrom\n    validTo\n    boundCaseId\n    status\n    statusText\n    endReason\n    endReasonText\n    acceptedAt\n    revokedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerSharedAppointments($cpr: String!) {\n  sharedAppointments(cpr: $cpr) {\n    title\n    startsAt\n    endsAt\n    place\n    sourceSystem\n    responsibleAuthority {\n      name\n    }\n  }\n}"): (typeof documents)["query PartnerSharedAppointments($cpr: String!) {\n  sharedAppointments(cpr: $cpr) {\n    title\n    startsAt\n    endsAt\n    place\n    sourceSystem\n    responsibleAuthority {\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeProxy($id: ID!) {\n  revokeProxy(id: $id) {\n    id\n    status\n    statusText\n    endReason\n    endReasonText\n    revokedAt\n  }\n}"): (typeof documents)["mutation RevokeProxy($id: ID!) {\n  revokeProxy(id: $id) {\n    id\n    status\n    statusText\n    endReason\n    endReasonText\n    revokedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServicePayments {\n  me {\n    payments(first: 50) {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      paymentDate\n      payingAuthority {\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query ServicePayments {\n  me {\n    payments(first: 50) {\n      id\n      kind\n      amount {\n        amount\n        currency\n      }\n      paymentDate\n      payingAuthority {\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WithdrawConsent($id: ID!) {\n  withdrawConsent(id: $id)\n}"): (typeof documents)["mutation WithdrawConsent($id: ID!) {\n  withdrawConsent(id: $id)\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;