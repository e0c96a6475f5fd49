import { areaFields } from '../runtime/area-fields';
import { citizenReference, entityReference } from '../runtime/references';
import { Citizen } from './citizen.type';
import { byPeriodDescending, toBenefit } from './benefit.mapper';
import { Benefit } from './benefit.type';

export const CitizenBenefitsResolver = areaFields({
  area: 'benefits',
  citizen: Citizen,
  entity: Benefit,
  toEntity: toBenefit,
  order: byPeriodDescending,
  description:
    'Benefits the citizen receives or has applied for, most recent first. Null with an error when the caller may not see benefits or the benefits index cannot answer.',
});

export const benefitReferences = {
  Citizen: citizenReference,
  Benefit: entityReference('benefits', toBenefit),
};
