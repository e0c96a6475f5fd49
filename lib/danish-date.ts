/**
 * Danish time: the calendar day, and the wall clock in Copenhagen to and from UTC. Validity
 * periods and payment dates are Danish days; several source systems give their times as the
 * Copenhagen wall clock (with its offset, or without one), which their adapters read as UTC and
 * the simulators write.
 */
const copenhagen = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** `2026-05-12T10:15:00`: the wall clock in Copenhagen at the instant, without an offset. */
export function copenhagenWallClock(instant: Date | string): string {
  const parts = Object.fromEntries(copenhagen.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * `2026-05-12T10:15:00+02:00`: the wall clock in Copenhagen at the instant, with its offset, which
 * tells apart the two instants of the hour that happens twice when summer time ends.
 */
export function copenhagenWithOffset(instant: Date | string): string {
  const wall = copenhagenWallClock(instant);
  // The wall clock shows whole seconds: its distance from the instant's whole second is the offset,
  // one hour in winter and two in summer time.
  const hours = (Date.parse(`${wall}Z`) - Math.floor(new Date(instant).getTime() / 1000) * 1000) / 3_600_000;
  return `${wall}+0${hours}:00`;
}

/**
 * The UTC instant (ISO) of a Copenhagen wall-clock time (`2026-05-12T10:15`, seconds optional), or
 * null when there is none: a date that does not exist, or the hour skipped when summer time
 * begins. The hour that happens twice when summer time ends is read as the first (summer time):
 * the wall clock alone cannot say which is meant.
 */
export function fromCopenhagenWallClock(value: string): string | null {
  const wall = value.length === 16 ? `${value}:00` : value;
  const asUtc = Date.parse(`${wall}Z`);
  if (Number.isNaN(asUtc)) return null;
  // Summer time (UTC+2) first, then winter (UTC+1): the instant whose wall clock reads as given.
  const instant = [2, 1].map((hours) => asUtc - hours * 3_600_000).find((ms) => copenhagenWallClock(new Date(ms)) === wall);
  return instant === undefined ? null : new Date(instant).toISOString();
}

/**
 * The calendar day in Denmark (ISO `YYYY-MM-DD`). Validity periods and payment dates are Danish
 * days: in UTC a proxy's last day would end at 01:00 or 02:00 Danish time, and the next payment
 * would be judged by yesterday's date after midnight.
 */
export function danishDate(moment: Date): string {
  return copenhagenWallClock(moment).slice(0, 10);
}
