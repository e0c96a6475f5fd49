/**
 * The operations the benchmark sends. The overview is the README's: all five areas, and the
 * nested references ask for a non-key field (`title`, `name`) so the gateway really resolves
 * them in their own subgraph instead of answering the id it already has.
 */
export const overviewQuery =
  '{ me { id cases { id title progress } benefits { id name case { id title } } ' +
  'payments { id amount { amount currency } paymentDate benefit { id name } } ' +
  'appointments { id title startsAt contact { office } } proxies { id holder { name } cards } } }';

/** The lawyer's case-bound view of thomas: the two cards the proxy grants, and their link. */
export const proxyQuery = '{ me { cases { id title progress } benefits { id name case { id title } } } }';

/** The chatbot's compact citizen context. */
export const chatbotQuery =
  '{ citizenContext { openCases { title status contact { office phone } } ' +
  'nextAppointments { title startsAt place changeLink } nextPayment { amount { amount currency } date paidBy } } }';

/** A partner authority's shared appointments for thomas; the CPR travels in the variables. */
export const partnerQuery =
  'query PartnerSharedAppointments($cpr: String!) { sharedAppointments(cpr: $cpr) { title startsAt endsAt place sourceSystem responsibleAuthority { name } } }';
