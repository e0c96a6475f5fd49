import { z } from 'zod';
import sourceConfig from '../../../config/appointment-sources.json';
import { isoDateTimeSchema } from '../../../lib/index-wire';
import type { Upstream } from '../../../lib/upstream';
import type { SourceAdapter, SourceItem } from './source';

/**
 * NSP's patient overview (sundhed.dk): a FHIR R4 search result, a `Bundle` of `Appointment`
 * resources, asked with POST `{ "patient": { "identifier": "<cpr>" } }` (FHIR `_search` with a
 * body, so the CPR number is never in a URL).
 *
 * An appointment says what it refers to as contained resources, each reached from a participant
 * (`#id`): the patient, whose address carries DK Core's municipality code ("0751", read as "751":
 * the citizen's municipality); the hospital (`Location`: name, address text) and the outpatient
 * clinic to contact (`HealthcareService`: name, `telecom`, opening hours as
 * `availabilityExceptions`). The region that runs them (`Organization` with a region code, 1081 to
 * 1085) is the organiser: a hospital appointment belongs to its region, not to the municipality.
 * The change link and a sharing objection are extensions. NSP sets no deadlines and links no case.
 */

/**
 * Where NSP's own identifiers and extensions are defined, and DK Core's: the simulated NSP
 * (mocks/sources/nsp.ts) writes with these, so the two cannot drift apart.
 */
export const nspFhir = {
  municipalityExtension: 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-municipalityCodes',
  municipalityCodes: 'http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes',
  regionCodes: 'https://nsp.example.invalid/fhir/NamingSystem/regionskode',
  changeLink: 'https://nsp.example.invalid/fhir/StructureDefinition/aendringslink',
  sharingObjected: 'https://nsp.example.invalid/fhir/StructureDefinition/delingFrabedt',
} as const;

const text = z.string().min(1);
/** A reference to a contained resource: `#id`. */
const localReference = z.object({ reference: z.string().regex(/^#.+/), display: z.string().optional() });

/** FHIR's Appointment statuses; cancelled ones and mistakes are not appointments to show (see `fetch`). */
const statuses = ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist'] as const;
const notShown = new Set<string>(['cancelled', 'entered-in-error']);

const extensionSchema = z.looseObject({ url: z.string() });

const appointmentSchema = z.object({
  resourceType: z.literal('Appointment'),
  id: text,
  status: z.enum(statuses),
  description: text,
  start: isoDateTimeSchema,
  end: isoDateTimeSchema.optional(),
  contained: z.array(z.looseObject({ resourceType: z.string(), id: z.string() })).default([]),
  participant: z.array(z.object({ actor: localReference.partial().optional(), status: z.string() })).min(1),
  extension: z.array(extensionSchema).default([]),
});

const patientSchema = z.object({
  resourceType: z.literal('Patient'),
  address: z.array(z.object({ extension: z.array(extensionSchema).default([]) })).min(1),
});
const municipalityExtensionSchema = z.object({
  valueCodeableConcept: z.object({ coding: z.array(z.object({ system: z.string(), code: z.string() })) }),
});

const locationSchema = z.object({
  resourceType: z.literal('Location'),
  name: text,
  address: z.object({ text: text.optional() }).optional(),
  managingOrganization: localReference.optional(),
});

const serviceSchema = z.object({
  resourceType: z.literal('HealthcareService'),
  name: text,
  providedBy: localReference.optional(),
  telecom: z.array(z.object({ system: z.string(), value: text })).default([]),
  availabilityExceptions: text.optional(),
});

const organizationSchema = z.object({
  resourceType: z.literal('Organization'),
  identifier: z.array(z.object({ system: z.string(), value: z.string() })),
  name: text,
});

const changeLinkSchema = z.object({ valueUrl: text });
const sharingObjectedSchema = z.object({ valueBoolean: z.boolean() });

const bundleSchema = z.object({ resourceType: z.literal('Bundle'), entry: z.array(z.unknown()).default([]) });
const entrySchema = z.object({ search: z.object({ mode: z.string() }).optional(), resource: z.unknown() });
const statusOf = z.object({ status: z.string() });

/** Thrown inside `read` for a reference or extension it cannot follow; `read` answers null. */
class Unreadable extends Error {}

function must<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Unreadable();
  return parsed.data;
}

function readAppointment(resource: z.infer<typeof appointmentSchema>): SourceItem {
  const contained = new Map(resource.contained.map((each) => [`#${each.id}`, each]));
  if (contained.size !== resource.contained.length) throw new Unreadable();
  const resolve = (reference: string | undefined) => {
    if (reference === undefined) return undefined;
    const found = contained.get(reference);
    if (!found) throw new Unreadable();
    return found;
  };
  const actors = resource.participant.flatMap(({ actor }) => (actor?.reference === undefined ? [] : [resolve(actor.reference)!]));
  const actor = <T>(type: string, schema: z.ZodType<T>): T | undefined => {
    const found = actors.filter((each) => each.resourceType === type);
    if (found.length > 1) throw new Unreadable();
    return found.length === 0 ? undefined : must(schema, found[0]);
  };

  const patient = actor('Patient', patientSchema);
  const municipality = patient?.address
    .flatMap((address) => address.extension.filter((each) => each.url === nspFhir.municipalityExtension))
    .flatMap((each) => must(municipalityExtensionSchema, each).valueCodeableConcept.coding)
    .find((coding) => coding.system === nspFhir.municipalityCodes)?.code;
  // Without the patient's municipality, no rule of activation or age can be applied: unreadable.
  if (municipality === undefined || !/^\d{3,4}$/.test(municipality)) throw new Unreadable();

  const location = actor('Location', locationSchema);
  const service = actor('HealthcareService', serviceSchema);
  const organisation = resolve(location?.managingOrganization?.reference ?? service?.providedBy?.reference);
  const region = organisation === undefined ? undefined : must(organizationSchema, organisation);
  const regionCode = region?.identifier.find((each) => each.system === nspFhir.regionCodes)?.value;

  const extension = (url: string) => resource.extension.filter((each) => each.url === url);
  if (extension(nspFhir.changeLink).length > 1 || extension(nspFhir.sharingObjected).length > 1) throw new Unreadable();
  const changeLink = extension(nspFhir.changeLink).map((each) => must(changeLinkSchema, each).valueUrl)[0] ?? null;
  // Only a clear "true" objects to sharing; an extension that says something else cannot be read.
  const sharingObjected = extension(nspFhir.sharingObjected).map((each) => must(sharingObjectedSchema, each).valueBoolean)[0] ?? false;
  const telecom = (system: string) => service?.telecom.find((each) => each.system === system)?.value ?? null;

  const startsAt = new Date(resource.start).toISOString();
  const endsAt = resource.end === undefined ? null : new Date(resource.end).toISOString();
  if (endsAt !== null && endsAt < startsAt) throw new Unreadable();

  return {
    sourceId: resource.id,
    kind: 'APPOINTMENT',
    title: resource.description,
    startsAt,
    endsAt,
    place: location === undefined ? null : { name: location.name, address: location.address?.text ?? null },
    // The region that runs the hospital; a hospital NSP names no region for leaves it to configuration.
    organiser: region === undefined || regionCode === undefined ? null : { code: regionCode, name: region.name },
    citizenMunicipality: String(Number(municipality)),
    contact:
      service === undefined
        ? null
        : { navn: service.name, telefon: telecom('phone'), email: telecom('email'), aabningstider: service.availabilityExceptions ?? null },
    changeLink,
    cancelLink: null,
    caseId: null,
    sharingObjected,
    consequence: null,
  };
}

export const nspAdapter: SourceAdapter = {
  system: 'NSP',

  async fetch(upstream: Upstream, cpr: string, deadline: number): Promise<unknown[]> {
    const bundle = await upstream.post(sourceConfig.sources.NSP.path, { patient: { identifier: cpr } }, bundleSchema, { deadline });
    return bundle.entry.flatMap((raw) => {
      const entry = entrySchema.safeParse(raw);
      // An entry it cannot make out is passed on as it is, to be read as unreadable and counted.
      if (!entry.success) return [raw];
      // Included resources and the server's notes (OperationOutcome) are not appointments.
      if (entry.data.search !== undefined && entry.data.search.mode !== 'match') return [];
      const status = statusOf.safeParse(entry.data.resource);
      if (status.success && notShown.has(status.data.status)) return [];
      return [entry.data.resource];
    });
  },

  read(item: unknown): SourceItem | null {
    const parsed = appointmentSchema.safeParse(item);
    if (!parsed.success) return null;
    try {
      return readAppointment(parsed.data);
    } catch {
      return null;
    }
  },
};
