import { GraphQLScalarType } from 'graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';

/** ISO-8601 calendar date, e.g. `2026-03-01`. */
export const LocalDate = LocalDateResolver;

/** ISO-8601 instant in UTC, e.g. `2026-03-01T08:30:00.000Z`. */
export const DateTime = new GraphQLScalarType({ ...DateTimeISOResolver.toConfig(), name: 'DateTime' });
