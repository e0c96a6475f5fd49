import { HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';
import sourceConfig from '../../config/appointment-sources.json';
import { copenhagenWithOffset } from '../../lib/danish-date';
import { cprSchema } from '../../lib/index-wire';
import { nspFhir } from '../../subgraphs/appointments/sources/nsp';
import type { Dataset } from '../fixtures/dataset';
import type { SimulatedAppointment } from '../fixtures/generator';
import { municipalities } from '../fixtures/personas';
import type { CallRecorder } from '../indexes/call-recorder';
import type { Faults } from '../indexes/faults';
import { sourceHandler, withGarbage } from './source-route';

/**
 * NSP's patient overview (sundhed.dk), simulated: a FHIR R4 search result, a `Bundle` of
 * `Appointment` resources. Each appointment carries what it refers to as contained resources: the
 * hospital (`Location`, name and address text) run by its region (`Organization`, identified by
 * the Danish region code), the outpatient clinic to contact (`HealthcareService`, its `telecom`),
 * and the patient with the municipality of their address (DK Core's municipality-code extension,
 * four digits: "0751"). No CPR number in the answer. The change link and a sharing objection are
 * extensions. Times are Copenhagen time with the offset. Appointments only: NSP sets no deadlines.
 *
 * ```json
 * { "resourceType": "Bundle", "type": "searchset", "total": 1, "entry": [ { "search": { "mode": "match" },
 *   "resource": { "resourceType": "Appointment", "id": "AFT-T751-0001", "status": "booked",
 *     "description": "Ambulant kontrol", "start": "2026-12-07T10:30:00+01:00", "end": "2026-12-07T11:15:00+01:00",
 *     "contained": [
 *       { "resourceType": "Patient", "id": "patient", "address": [ { "extension": [ { "url": "http://hl7.dk/fhir/core/StructureDefinition/dk-core-municipalityCodes",
 *           "valueCodeableConcept": { "coding": [ { "system": "http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes", "code": "0751" } ] } } ] } ] },
 *       { "resourceType": "Organization", "id": "region", "identifier": [ { "system": "https://nsp.example.invalid/fhir/NamingSystem/regionskode", "value": "1082" } ], "name": "Region Midtjylland" },
 *       { "resourceType": "Location", "id": "sted", "name": "Aarhus Universitetshospital",
 *         "address": { "text": "Palle Juul-Jensens Boulevard 99, 8200 Aarhus N" }, "managingOrganization": { "reference": "#region", "display": "Region Midtjylland" } },
 *       { "resourceType": "HealthcareService", "id": "afsnit", "name": "Ambulatoriet", "providedBy": { "reference": "#region" },
 *         "telecom": [ { "system": "phone", "value": "+45 86 12 34 56" }, { "system": "email", "value": "…" } ], "availabilityExceptions": "Man-tors 10-15, fre 10-13" } ],
 *     "participant": [ { "actor": { "reference": "#patient" }, "status": "accepted" },
 *       { "actor": { "reference": "#sted", "display": "Aarhus Universitetshospital" }, "status": "accepted" },
 *       { "actor": { "reference": "#afsnit", "display": "Ambulatoriet" }, "status": "accepted" } ],
 *     "extension": [ { "url": "https://nsp.example.invalid/fhir/StructureDefinition/aendringslink", "valueUrl": "https://…" },
 *       { "url": "https://nsp.example.invalid/fhir/StructureDefinition/delingFrabedt", "valueBoolean": true } ] } } ] }
 * ```
 */

/** The Danish regions by their region code. */
export const regions = {
  '1081': 'Region Nordjylland',
  '1082': 'Region Midtjylland',
  '1083': 'Region Syddanmark',
  '1084': 'Region Hovedstaden',
  '1085': 'Region Sjælland',
} as const;
export type RegionCode = keyof typeof regions;

/** The region that runs each hospital the personas' municipalities send their citizens to (personas.ts). */
export const hospitalRegions: Readonly<Record<string, RegionCode>> = {
  [municipalities['751'].hospital.navn]: '1082',
  [municipalities['740'].hospital.navn]: '1082',
  [municipalities['461'].hospital.navn]: '1083',
  [municipalities['851'].hospital.navn]: '1081',
  [municipalities['101'].hospital.navn]: '1084',
};

type Reference = { reference: string; display?: string };
type Extension = { url: string; valueUrl?: string; valueBoolean?: boolean };

export interface FhirAppointment {
  resourceType: 'Appointment';
  id: string;
  status: 'booked';
  description: string;
  start: string;
  end?: string;
  contained: object[];
  participant: { actor: Reference; status: 'accepted' }[];
  extension?: Extension[];
}

export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  /** Left out when there is nothing, as FHIR leaves out empty lists. */
  entry?: { search: { mode: 'match' }; resource: unknown }[];
}

/** One hospital appointment as a FHIR Appointment resource. */
export function renderNspAppointment(record: SimulatedAppointment): FhirAppointment {
  const { sted, kontakt } = record;
  const regionCode = sted === null ? undefined : hospitalRegions[sted.navn];
  const region = regionCode === undefined ? undefined : { reference: '#region', display: regions[regionCode] };
  const contained: object[] = [
    {
      resourceType: 'Patient',
      id: 'patient',
      address: [
        {
          extension: [
            {
              url: nspFhir.municipalityExtension,
              valueCodeableConcept: { coding: [{ system: nspFhir.municipalityCodes, code: record.myndighed.kode.padStart(4, '0') }] },
            },
          ],
        },
      ],
    },
  ];
  const participant: FhirAppointment['participant'] = [{ actor: { reference: '#patient' }, status: 'accepted' }];
  if (regionCode !== undefined) {
    contained.push({ resourceType: 'Organization', id: 'region', identifier: [{ system: nspFhir.regionCodes, value: regionCode }], name: regions[regionCode] });
  }
  if (sted !== null) {
    contained.push({
      resourceType: 'Location',
      id: 'sted',
      name: sted.navn,
      ...(sted.adresse === null ? {} : { address: { text: sted.adresse } }),
      ...(region ? { managingOrganization: region } : {}),
    });
    participant.push({ actor: { reference: '#sted', display: sted.navn }, status: 'accepted' });
  }
  if (kontakt !== null) {
    const telecom = [
      ...(kontakt.telefon === null ? [] : [{ system: 'phone', value: kontakt.telefon }]),
      ...(kontakt.email === null ? [] : [{ system: 'email', value: kontakt.email }]),
    ];
    contained.push({
      resourceType: 'HealthcareService',
      id: 'afsnit',
      name: kontakt.navn,
      ...(region ? { providedBy: { reference: region.reference } } : {}),
      ...(telecom.length > 0 ? { telecom } : {}),
      ...(kontakt.aabningstider === null ? {} : { availabilityExceptions: kontakt.aabningstider }),
    });
    participant.push({ actor: { reference: '#afsnit', display: kontakt.navn }, status: 'accepted' });
  }
  const extension: Extension[] = [
    ...(record.aendringslink === null ? [] : [{ url: nspFhir.changeLink, valueUrl: record.aendringslink }]),
    ...(record.delingFrabedt ? [{ url: nspFhir.sharingObjected, valueBoolean: true }] : []),
  ];
  return {
    resourceType: 'Appointment',
    id: record.aftaleId,
    status: 'booked',
    description: record.titel,
    start: copenhagenWithOffset(record.start),
    ...(record.slut === null ? {} : { end: copenhagenWithOffset(record.slut) }),
    contained,
    participant,
    ...(extension.length > 0 ? { extension } : {}),
  };
}

/** A citizen's hospital appointments in NSP (deadlines are not NSP's). */
export function renderNspAppointments(dataset: Dataset, cpr: string): FhirAppointment[] {
  return (dataset.lookup.appointments.byCpr.get(cpr) ?? []).filter((record) => record.kildesystem === 'NSP' && record.type === 'AFTALE').map(renderNspAppointment);
}

/** Resources as a FHIR search result. */
export function nspBundle(resources: readonly unknown[]): FhirBundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    ...(resources.length > 0 ? { entry: resources.map((resource) => ({ search: { mode: 'match' as const }, resource })) } : {}),
  };
}

/** What the `garbage` fault puts among the good appointments: an Appointment whose start is no time and that names no patient. */
const garbageAppointment = { resourceType: 'Appointment', id: 'GARBAGE-0001', status: 'booked', description: 'Ambulant kontrol', start: 'i morgen formiddag', participant: [] };

/** A FHIR refusal: an OperationOutcome, in its own words, never the body it could not read. */
const refusal = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'invalid', diagnostics: 'Søgningen skal angive patientens identifikator' }],
};

/** NSP's search: POST `{ "patient": { "identifier": "<cpr>" } }` on the configured path (FHIR `_search` with a body). */
export function createNspHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl: string, faults?: Faults): RequestHandler[] {
  return [
    sourceHandler(baseUrl, recorder, faults, {
      system: 'NSP',
      path: sourceConfig.sources.NSP.path,
      body: z.object({ patient: z.object({ identifier: cprSchema }) }),
      cprOf: (body) => body.patient.identifier,
      refusal,
      answer: (cpr, garbage) =>
        HttpResponse.json(nspBundle(withGarbage<unknown>(renderNspAppointments(dataset, cpr), garbageAppointment, garbage)), {
          headers: { 'content-type': 'application/fhir+json' },
        }),
    }),
  ];
}
