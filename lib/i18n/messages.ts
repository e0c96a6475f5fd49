import { currentLanguage, type Language } from './language';

/** Values a text may be built from: numbers, codes and names the reader may see, never a CPR. */
export type Params = Record<string, string | number>;
type Text = string | ((params: Params) => string);
type Bilingual = { da: Text; en: Text };

/**
 * Every text the graph writes itself, in Danish and English. A key without both languages does
 * not compile, and `messages.test.ts` checks that both sides use the same parameters. Stable
 * codes (`extensions.code`, enums) sit beside these texts in the schema, so a front end can also
 * write its own.
 */
export const messages = {
  // Errors, one per code in lib/errors.ts.
  'error.UNAUTHENTICATED': { da: 'Der kræves et gyldigt adgangstoken.', en: 'A valid access token is required.' },
  'error.FORBIDDEN': { da: 'Du må ikke bruge denne forespørgsel.', en: 'This caller may not use this operation.' },
  'error.INSUFFICIENT_ASSURANCE': {
    da: 'Personlige oplysninger kræver et MitID-login på sikringsniveau betydelig eller høj.',
    en: 'Personal data needs a login at assurance level Substantial or High (MitID).',
  },
  'error.PROXY_NOT_VALID': {
    da: 'Du har ingen gyldig fuldmagt til at handle for denne borger: den kan mangle din accept, være tilbagekaldt, udløbet eller ophørt med sagen.',
    en: 'No proxy in force lets you act for this citizen: it may await your acceptance, or be revoked, expired, or ended with its case.',
  },
  'error.CONSENT_NOT_VALID': {
    da: 'Borgerens samtykke til denne tjeneste gælder ikke: det kan være trukket tilbage eller udløbet. Bed borgeren om et nyt.',
    en: "The citizen's consent for this service is not in force: it may be withdrawn or expired. Ask the citizen for a new one.",
  },
  'error.NOT_FOUND': { da: 'Der er ingen sådan oplysning til dig.', en: 'There is no such record for you.' },
  'error.FORBIDDEN_AREA': { da: 'Du har ikke adgang til dette område.', en: 'You have no access to this area.' },
  'error.INTERNAL_CONTEXT_INVALID': { da: 'Denne tjeneste svarer kun gatewayen.', en: 'This service only answers the gateway.' },
  'error.UPSTREAM_TIMEOUT': { da: 'Kilden svarede ikke i tide.', en: 'The source did not answer in time.' },
  'error.UPSTREAM_UNAVAILABLE': { da: 'Kilden er ikke tilgængelig lige nu.', en: 'The source is unavailable right now.' },
  'error.UPSTREAM_BAD_RESPONSE': { da: 'Kilden svarede med data, vi ikke kunne læse.', en: 'The source answered with data we could not read.' },
  'error.BAD_REQUEST': { da: 'Forespørgslen kunne ikke forstås.', en: 'The request could not be understood.' },
  'error.BAD_USER_INPUT': { da: 'Et argument er uden for det tilladte.', en: 'An argument is out of range.' },
  'error.PAYLOAD_TOO_LARGE': { da: 'Forespørgslens indhold er for stort.', en: 'The request body is too large.' },
  'error.CPR_IN_URL': {
    da: 'Send personnumre i en POST-forespørgsels indhold, aldrig i en URL.',
    en: 'Send personal identifiers in a POST body, never in a URL.',
  },
  'error.QUERY_TOO_DEEP': { da: 'Forespørgslen er indlejret for dybt.', en: 'The query is nested too deeply.' },
  'error.TOO_MANY_ALIASES': { da: 'Forespørgslen bruger for mange aliaser.', en: 'The query uses too many aliases.' },
  'error.QUERY_TOO_COSTLY': { da: 'Forespørgslen beder om for meget på én gang.', en: 'The query asks for too much at once.' },
  'error.TOO_MANY_DIRECTIVES': { da: 'Forespørgslen bruger for mange direktiver.', en: 'The query uses too many directives.' },
  'error.QUERY_TOO_LARGE': { da: 'Forespørgslen er for lang.', en: 'The query is too long.' },
  'error.QUERY_BUDGET_EXHAUSTED': {
    da: 'Du har bedt om for mange data i det seneste minut; prøv igen om lidt.',
    en: 'You have asked for too much data this minute; try again shortly.',
  },
  'error.SERVER_BUSY': { da: 'Tjenesten har travlt; prøv igen om lidt.', en: 'The service is busy; try again shortly.' },
  'error.PERSISTED_DOCUMENT_NOT_FOUND': {
    da: 'Der findes ingen registreret forespørgsel med dette id.',
    en: 'There is no registered operation with this document id.',
  },
  'error.PERSISTED_DOCUMENT_REQUIRED': {
    da: 'Her modtages kun registrerede forespørgsler, angivet ved deres documentId, ikke forespørgslens tekst.',
    en: 'Only registered operations are accepted here, named by their documentId, not sent as text.',
  },
  'error.AUDIT_UNAVAILABLE': {
    da: 'Dine oplysninger kan ikke vises lige nu, fordi vi ikke kunne registrere, at de blev vist. Prøv igen om lidt.',
    en: 'Your data cannot be shown right now, because we could not record that it was shown. Try again shortly.',
  },
  'error.RATE_LIMITED': { da: 'For mange forespørgsler; prøv igen om lidt.', en: 'Too many requests; try again shortly.' },
  'error.CITIZEN_LIMIT_REACHED': {
    da: 'I har læst om så mange forskellige borgere i denne time, som jeres aftale tillader; prøv igen senere.',
    en: 'You have read as many different citizens this hour as your agreement allows; try again later.',
  },
  'error.INTERNAL_SERVER_ERROR': { da: 'Der gik noget galt hos os.', en: 'Something went wrong on our side.' },

  // Errors that say more than their code.
  'error.parseFailed': { da: 'Forespørgslen kunne ikke læses.', en: 'The query could not be parsed.' },
  'error.variableInvalid': { da: (p) => `Variablen "${p.variable}" har en ugyldig værdi.`, en: (p) => `Variable "${p.variable}" has an invalid value.` },
  'error.queryDepth': {
    da: (p) => `Forespørgslen er indlejret mere end ${p.limit} niveauer.`,
    en: (p) => `The query is nested more than ${p.limit} levels deep.`,
  },
  'error.queryAliases': { da: (p) => `Forespørgslen bruger mere end ${p.limit} aliaser.`, en: (p) => `The query uses more than ${p.limit} aliases.` },
  'error.queryDirectives': {
    da: (p) => `Forespørgslen bruger mere end ${p.limit} direktiver.`,
    en: (p) => `The query uses more than ${p.limit} directives.`,
  },
  'error.queryCost': {
    da: (p) => `Forespørgslen kan danne ${p.cost} objekter; højst ${p.limit} er tilladt. Bed om færre.`,
    en: (p) => `The query could build ${p.cost} objects; at most ${p.limit} are allowed. Ask for fewer items.`,
  },
  'error.firstRange': { da: (p) => `"first" skal være mellem ${p.min} og ${p.max}.`, en: (p) => `"first" must be between ${p.min} and ${p.max}.` },
  'error.accessLogForbidden': { da: 'Du har ikke adgang til adgangsloggen.', en: 'You have no access to the access log.' },
  'error.accessLogCursor': { da: '"before" skal være en markør, som loggen har givet dig.', en: '"before" must be a cursor this log gave you.' },
  'error.changesByMutation': { da: 'Ændringer sker kun med mutationer.', en: 'Changes are made by mutations only.' },
  'error.ownLoginForRepresentations': {
    da: 'Log ind som dig selv (eller som din organisation) for at se, hvem du må handle for.',
    en: 'Log in as yourself (or as your organisation) to see whom you may act for.',
  },
  'error.overviewNotForToken': {
    da: 'Dette token kan ikke læse en borgers overblik; brug den forespørgsel, der er lavet til det.',
    en: 'This token cannot read a citizen overview; use the query made for it.',
  },
  'error.verificationStaffOnly': {
    da: 'Kun verifikationsmedarbejdere må bruge denne, med personnummeret i variablen `cpr`.',
    en: 'Only verification staff may use this, with the CPR number in the variable `cpr`.',
  },
  'error.purposeShape': {
    da: 'Angiv formålet som en sags- eller opgavereference, f.eks. "VER-2026-0042".',
    en: 'Give the purpose as a case or task reference, e.g. "VER-2026-0042".',
  },
  'error.afterUnknown': {
    da: '"after" skal være id\'et på et punkt i listen (det sidste på forrige side).',
    en: '"after" must be the id of an item in the list (the last one on the previous page).',
  },
  'error.exportOwnLogin': {
    da: 'Kun borgeren selv, logget ind som sig selv, kan bestille og se udtræk af sine data.',
    en: 'Only the citizen themself, logged in as themself, may request and see exports of their data.',
  },
  'error.itemHistoryOwnLogin': {
    da: 'Kun borgeren selv, logget ind som sig selv, kan se hvor en oplysning kommer fra, og hvem der har set den.',
    en: 'Only the citizen themself, logged in as themself, may see where a record came from and who has seen it.',
  },
  'error.exportRunning': {
    da: 'Et udtræk af dine data er allerede i gang. Vent, til det er klar.',
    en: 'An export of your data is already under way. Wait until it is ready.',
  },
  'error.exportLimit': {
    da: (p) => `Du kan bestille højst ${p.limit} udtræk i døgnet. Prøv igen senere.`,
    en: (p) => `You may request at most ${p.limit} exports a day. Try again later.`,
  },
  'error.calendarLinkOwnLogin': {
    da: 'Kun borgeren selv, logget ind som sig selv, kan oprette, se og tilbagekalde kalenderlinks.',
    en: 'Only the citizen themself, logged in as themself, may make, see and revoke calendar links.',
  },
  'error.calendarLinkLimit': {
    da: (p) => `Du har allerede ${p.limit} kalenderlinks. Tilbagekald et, før du opretter et nyt.`,
    en: (p) => `You already have ${p.limit} calendar links. Revoke one before you make another.`,
  },
  'error.consentOwnLogin': {
    da: 'Kun borgeren selv, logget ind som sig selv, kan give, se og trække samtykker tilbage.',
    en: 'Only the citizen themself, logged in as themself, may give, see and withdraw consents.',
  },
  'error.consentUnknownService': { da: 'Der er ingen registreret tjeneste med det klient-id.', en: 'No registered service has that client id.' },
  'error.consentAreas': {
    da: (p) => `Angiv et eller flere af de områder, tjenesten er registreret til: ${p.areas}.`,
    en: (p) => `Name one or more of the areas the service is registered for: ${p.areas}.`,
  },
  'error.consentDays': {
    da: (p) => `Et samtykke til denne tjeneste gælder fra 1 til ${p.max} dage.`,
    en: (p) => `A consent for this service lasts from 1 to ${p.max} days.`,
  },
  'error.correctionText': {
    da: (p) => `Beskriv fejlen med almindelig tekst på 1-${p.max} tegn.`,
    en: (p) => `Describe what is wrong in plain text of 1-${p.max} characters.`,
  },
  'error.correctionKey': {
    da: 'Nøglen (idempotencyKey) skal være 1-128 bogstaver, tal og -_.:',
    en: 'The idempotencyKey must be 1-128 letters, digits and -_.:',
  },
  'error.correctionKeyUsed': {
    da: 'Nøglen er allerede brugt til en anden anmodning. Brug en ny nøgle til en ny anmodning.',
    en: 'That key was already used for another request. Use a new key for a new request.',
  },
  'error.consentPurpose': {
    da: (p) => `Formålet skal være almindelig tekst på 1-${p.max} tegn.`,
    en: (p) => `The purpose must be plain text of 1-${p.max} characters.`,
  },
  'error.proxyIdShape': { da: 'Et fuldmagts-id er 1-64 bogstaver, tal og bindestreger.', en: 'A proxy id is 1-64 letters, digits and dashes.' },
  'error.grantOwnLogin': {
    da: 'Kun borgeren selv, logget ind som sig selv, kan give en fuldmagt.',
    en: 'Only the citizen themself, logged in as themself, may grant a proxy.',
  },
  'error.proxyHolderOne': {
    da: 'Angiv fuldmagtshaveren med enten et CPR-nummer eller et CVR-nummer, ikke begge.',
    en: 'Name the holder by either a CPR number or a CVR number, not both.',
  },
  'error.proxyHolderShape': {
    da: 'Et CPR-nummer er 10 cifre (evt. med bindestreg efter de første seks), et CVR-nummer 8 cifre.',
    en: 'A CPR number is 10 digits (a dash after the first six allowed), a CVR number 8 digits.',
  },
  'error.proxyHolderUnknown': { da: 'Vi kender ingen person eller virksomhed med det nummer.', en: 'No person or organisation with that number is known.' },
  'error.proxyToYourself': { da: 'Du kan ikke give dig selv en fuldmagt.', en: 'You cannot grant a proxy to yourself.' },
  'error.proxyCards': { da: 'Vælg mindst ét område, fuldmagten skal dække.', en: 'Choose at least one area the proxy covers.' },
  'error.proxyStartsInPast': { da: 'En fuldmagt kan tidligst gælde fra i dag.', en: 'A proxy can start today at the earliest.' },
  'error.proxyEndsBeforeStart': { da: 'En fuldmagt kan ikke slutte, før den begynder.', en: 'A proxy cannot end before it starts.' },
  'error.proxyCaseNotYours': {
    da: 'En fuldmagt kan kun bindes til en af dine egne åbne sager.',
    en: 'A proxy can only be bound to one of your own open cases.',
  },
  'error.idempotencyKeyShape': {
    da: 'En idempotensnøgle er 8-64 bogstaver, tal, bindestreger og understreger.',
    en: 'An idempotency key is 8-64 letters, digits, dashes and underscores.',
  },
  'error.idempotencyKeyReused': {
    da: 'Denne idempotensnøgle er allerede brugt til en anden fuldmagt.',
    en: 'This idempotency key was already used for another proxy.',
  },
  'error.proxyEnded': { da: 'Fuldmagten er ophørt og kan ikke længere accepteres.', en: 'The proxy has ended and can no longer be accepted.' },
  'error.proxyNotPending': { da: 'Fuldmagten venter ikke længere på dit svar.', en: 'The proxy no longer waits for your answer.' },
  'error.oneCitizenPerRequest': {
    da: 'Angiv borgeren i variablen `cpr` (10 cifre): én borger pr. forespørgsel.',
    en: 'Name the citizen in the variable `cpr` (10 digits): one citizen per request.',
  },
  'error.tokenMissing': { da: 'Send et adgangstoken som "Authorization: Bearer <token>".', en: 'Send an access token as "Authorization: Bearer <token>".' },
  'error.tokenExpired': { da: 'Adgangstokenet er udløbet.', en: 'The access token has expired.' },
  'error.tokenAudience': { da: 'Adgangstokenet er udstedt til en anden modtager.', en: 'The access token was issued for another audience.' },
  'error.tokenIssuer': {
    da: 'Adgangstokenet kommer fra en udsteder, som denne tjeneste ikke stoler på.',
    en: 'The access token comes from an issuer this service does not trust.',
  },
  'error.tokenNotYetValid': { da: 'Adgangstokenet er ikke gyldigt endnu.', en: 'The access token is not valid yet.' },
  'error.tokenClaim': {
    da: (p) => `Adgangstokenets "${p.claim}"-claim mangler eller er ugyldigt.`,
    en: (p) => `The access token's "${p.claim}" claim is missing or invalid.`,
  },
  'error.tokenAlgorithm': { da: 'Adgangstokenets signaturalgoritme er ikke tilladt.', en: "The access token's signature algorithm is not allowed." },
  'error.tokenUnknownKey': { da: 'Adgangstokenet er signeret med en ukendt nøgle.', en: 'The access token was signed with an unknown key.' },
  'error.tokenSignature': { da: 'Adgangstokenets signatur er ugyldig.', en: "The access token's signature is not valid." },
  'error.tokenMalformed': { da: 'Adgangstokenet er forkert opbygget.', en: 'The access token is malformed.' },
  'error.tokenPartnerClaims': {
    da: 'Et partnertoken skal angive sin klient og sin organisation.',
    en: 'The partner token must name its client and organisation.',
  },
  'error.tokenStaffClaims': { da: 'Et medarbejdertoken skal angive en kommune.', en: 'The staff token must name a municipality.' },
  'error.tokenNoCitizen': { da: 'Adgangstokenet angiver ingen borger.', en: 'The access token does not identify a citizen.' },
  'error.tokenDelegationChain': {
    da: 'Delegeringskæder ("act" inden i "act") accepteres ikke.',
    en: 'Delegation chains ("act" within "act") are not accepted.',
  },
  'error.tokenUnregisteredClient': {
    da: 'Denne klient må ikke handle for borgere: den er ikke en registreret chatbot med scope citizen-context.',
    en: 'This client may not act for citizens: it is not a registered chatbot with the citizen-context scope.',
  },
  'error.tokenConsentClaims': {
    da: 'Et samtykketoken skal angive en registreret tjeneste og dens områder og må hverken angive en person, en organisation eller en anden, der handler.',
    en: 'A consent token must name a registered service and its areas, and neither a person, an organisation nor anyone acting.',
  },
  'error.tokenNoActor': { da: 'Adgangstokenets "act"-claim angiver ingen, der kan handle.', en: 'The access token\'s "act" claim names no one who can act.' },

  // Where a correction request stands (Correction.statusText).
  'correction.status.RECEIVED': { da: 'Modtaget; sendes videre til myndigheden', en: 'Received; being sent on to the authority' },
  'correction.status.FORWARDED': { da: 'Sendt til myndigheden, der ejer oplysningen', en: 'Sent to the authority that owns the record' },
  'correction.status.ANSWERED': { da: 'Besvaret af myndigheden', en: 'Answered by the authority' },
  'correction.status.REJECTED': { da: 'Afvist af myndigheden', en: 'Rejected by the authority' },
  // Where a case stands (Case.progressText, CaseSummary.statusText).
  'caseProgress.OPENED': { da: 'Modtaget af myndigheden', en: 'Received by the authority' },
  'caseProgress.INFORMATION_GATHERED': { da: 'Under behandling', en: 'Being looked into' },
  'caseProgress.DECIDED': { da: 'Afgjort', en: 'Decided' },
  'caseProgress.CLOSED': { da: 'Afsluttet', en: 'Closed' },

  // Where a benefit stands (Benefit.statusText).
  'benefitStatus.IN_PROGRESS': { da: 'Under behandling', en: 'Being processed' },
  'benefitStatus.GRANTED': { da: 'Bevilget', en: 'Granted' },
  'benefitStatus.REFUSED': { da: 'Afslået', en: 'Refused' },
  'benefitStatus.ENDED': { da: 'Ophørt', en: 'Ended' },

  // Why records are withheld (WithheldNotice.message).
  'withheld.notActivated': {
    da: 'Din kommune har endnu ikke åbnet for, at du kan se disse oplysninger digitalt. Kontakt kommunen for at høre om dem.',
    en: 'Your municipality has not yet opened these records for online viewing. Contact the municipality to hear about them.',
  },
  'withheld.unreadable': {
    da: (p) => `${p.count} af dine oplysninger kom fra kildesystemet i en form, vi ikke kunne læse, og vises derfor ikke. Kontakt myndigheden, hvis du mangler noget.`,
    en: (p) => `${p.count} of your records came from the source system in a form we could not read, so they are not shown. Contact the authority if something is missing.`,
  },
  'withheld.ageLimit': {
    da: (p) => `Nogle af dine oplysninger vises først, når du er fyldt ${p.age} år. Kontakt kommunen, hvis du har brug for dem nu.`,
    en: (p) => `Some of your records are shown from age ${p.age}. Contact the municipality if you need them now.`,
  },
  'withheld.ageLimitAbout': {
    da: (p) => `Nogle af dine oplysninger om "${p.topic}" vises først, når du er fyldt ${p.age} år. Kontakt kommunen, hvis du har brug for dem nu.`,
    en: (p) => `Some of your records about "${p.topic}" are shown from age ${p.age}. Contact the municipality if you need them now.`,
  },

  // Why a payment has no date (Payment.paymentDateMissingReason).
  'paymentDate.financeSystemSilent': {
    da: 'Kommunens økonomisystem oplyser ikke udbetalingsdatoer. Kontakt kommunen for at høre, hvornår beløbet udbetales.',
    en: "The municipality's finance system does not report payment dates. Contact the municipality to learn when it is paid.",
  },
  'paymentDate.notReported': { da: 'Kilden oplyste ingen udbetalingsdato.', en: 'The source did not report a payment date.' },

  // An appointment whose source gave no contact (Appointment.contactNote).
  'appointment.generalContact': {
    da: 'Aftalens kildesystem oplyser ingen kontakt. Her er myndighedens generelle kontakt.',
    en: "The appointment's source system gives no contact. This is the authority's general contact.",
  },

  // The calendar feed's own name (gateway/calendar/feed.ts).
  'calendar.name': { da: 'Mine aftaler med det offentlige', en: 'My appointments with public authorities' },

  // How to end an access grant (Citizen.accessGrants).
  'grant.revokeProxy': { da: 'Du kan tilbagekalde fuldmagten her eller på borger.dk.', en: 'You can revoke the proxy here or on borger.dk.' },
  'grant.contactAuthority': {
    da: 'Den er besluttet af en myndighed; kontakt Familieretshuset for at ændre den.',
    en: 'An authority decided it; contact the Family Court Agency (Familieretshuset) to change it.',
  },
  'grant.custody': { da: 'Den følger forældremyndigheden og ophører, når du fylder 18 år.', en: 'It follows custody and ends when you turn 18.' },
  'grant.withdrawConsent': { da: 'Du kan trække samtykket tilbage her når som helst.', en: 'You can withdraw the consent here at any time.' },

  // Who looked at the citizen's data (AccessLogEntry.who).
  'reader.you': { da: 'Dig', en: 'You' },
  'reader.proxy': { da: (p) => `Din fuldmagtshaver ${p.name}`, en: (p) => `Your proxy ${p.name}` },
  'reader.parent': { da: (p) => `Din forælder ${p.name}`, en: (p) => `Your parent ${p.name}` },
  'reader.formerProxy': { da: 'En tidligere fuldmagtshaver', en: 'A former proxy' },
  'reader.chatbot': { da: (p) => `Chatbot: ${p.name}`, en: (p) => `Chatbot: ${p.name}` },
  'reader.service': { da: (p) => `Tjenesten ${p.name}, med dit samtykke`, en: (p) => `The service ${p.name}, with your consent` },
  'reader.staff': { da: 'Kommunens verifikationsmedarbejdere', en: 'Municipal verification staff' },
  'reader.unknown': { da: 'Ukendt', en: 'Unknown' },

  // Where a proxy stands, and why it ended (Proxy.statusText / endReasonText, HeldProxy).
  'proxyStatus.PENDING': { da: 'Venter på, at fuldmagtshaveren accepterer', en: 'Waiting for the holder to accept' },
  'proxyStatus.NOT_YET_IN_FORCE': { da: 'Accepteret, men endnu ikke trådt i kraft', en: 'Accepted, not yet in force' },
  'proxyStatus.IN_FORCE': { da: 'Gælder', en: 'In force' },
  'proxyStatus.ENDED': { da: 'Ophørt', en: 'Ended' },
  'proxyEnd.REVOKED': { da: 'Tilbagekaldt af fuldmagtsgiveren', en: 'Revoked by the citizen who granted it' },
  'proxyEnd.DECLINED': { da: 'Afvist af fuldmagtshaveren', en: 'Declined by the holder' },
  'proxyEnd.EXPIRED': { da: 'Udløbet: gyldighedsperioden er slut', en: 'Expired: its period is over' },
  'proxyEnd.CASE_CLOSED': { da: 'Ophørt, fordi sagen er afsluttet', en: 'Ended because its case was closed' },

  // KLE codes no table knows, not even by a parent (lib/kle.ts).
  'kle.unknown': { da: 'Anden sag', en: 'Other matter' },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof messages;

/** A text in the language asked for. */
export function say(language: Language, key: MessageKey, params: Params = {}): string {
  const text: Text = messages[key][language];
  return typeof text === 'function' ? text(params) : text;
}

/** A text in the language of the request being served (see `inLanguage`). */
export function sayNow(key: MessageKey, params: Params = {}): string {
  return say(currentLanguage(), key, params);
}
