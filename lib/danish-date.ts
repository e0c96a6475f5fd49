const copenhagen = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day in Denmark (ISO `YYYY-MM-DD`). Validity periods and payment dates are Danish
 * days: in UTC a proxy's last day would end at 01:00 or 02:00 Danish time, and the next payment
 * would be judged by yesterday's date after midnight.
 */
export function danishDate(moment: Date): string {
  return copenhagen.format(moment);
}
