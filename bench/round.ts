/** Results keep the digits that mean something, so the JSON stays readable. */
export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
