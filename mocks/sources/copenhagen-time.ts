/**
 * Danish local time for the simulated source systems that speak it: a UTC instant as the wall
 * clock in Copenhagen, with or without its offset. (The adapters read it back; the mocks only write.)
 */
const format = new Intl.DateTimeFormat('en-GB', {
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
export function copenhagenWallClock(iso: string): string {
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** `2026-05-12T10:15:00+02:00`: the wall clock in Copenhagen at the instant, with its offset. */
export function copenhagenWithOffset(iso: string): string {
  const wall = copenhagenWallClock(iso);
  const instant = new Date(iso);
  const offsetMinutes = Math.round((Date.parse(`${wall}Z`) - (instant.getTime() - instant.getUTCMilliseconds())) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${wall}${sign}${hours}:${minutes}`;
}
