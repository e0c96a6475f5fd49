/**
 * Facts a CPR number carries. The 7th digit and the two-digit year together give the century,
 * so a 16-year-old and a 116-year-old are told apart.
 */
/** Age on a given day, with the CPR century rules of the 7th digit. */
export function ageFromCpr(cpr: string, on: Date): number {
  const day = Number(cpr.slice(0, 2));
  const month = Number(cpr.slice(2, 4));
  const yy = Number(cpr.slice(4, 6));
  const seventh = Number(cpr[6]);
  let century = 1900;
  if (seventh === 4 || seventh === 9) century = yy <= 36 ? 2000 : 1900;
  else if (seventh >= 5 && seventh <= 8) century = yy <= 57 ? 2000 : 1800;
  const year = century + yy;
  const birthdayPassed = on.getUTCMonth() + 1 > month || (on.getUTCMonth() + 1 === month && on.getUTCDate() >= day);
  return on.getUTCFullYear() - year - (birthdayPassed ? 0 : 1);
}
