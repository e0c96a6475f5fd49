/** Dates, times, amounts and ages in plain Danish. */

const zone = 'Europe/Copenhagen';
const dayFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone });

/** The graph's scalars (LocalDate, DateTime) arrive as strings. */
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A LocalDate (`2026-11-23`): "23. november 2026". */
export function formatDate(value: unknown): string {
  const date = new Date(`${text(value)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? '' : dayFormat.format(date);
}

/** A DateTime: "23. november 2026 kl. 09.30", in Danish time. */
export function formatDateTime(value: unknown): string {
  const date = new Date(text(value));
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day}. ${parts.month} ${parts.year} kl. ${parts.hour}.${parts.minute}`;
}

/** A machine-readable date for `<time dateTime>`. */
export const isoOf = (value: unknown) => text(value);

export function formatMoney(money: { amount: string; currency: string }): string {
  const amount = Number(money.amount);
  if (!Number.isFinite(amount)) return `${money.amount} ${money.currency}`;
  return new Intl.NumberFormat('da-DK', { style: 'currency', currency: money.currency }).format(amount);
}

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** How long ago, in plain Danish: "for 12 minutter siden". */
export function ageInDanish(asOf: unknown, now: Date = new Date()): string {
  const then = new Date(text(asOf)).getTime();
  if (Number.isNaN(then)) return 'på et ukendt tidspunkt';
  const minutes = Math.max(0, Math.floor((now.getTime() - then) / 60_000));
  if (minutes < 1) return 'for mindre end et minut siden';
  if (minutes < 60) return `for ${counted(minutes, 'minut', 'minutter')} siden`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `for ${counted(hours, 'time', 'timer')} siden`;
  return `for ${counted(Math.floor(hours / 24), 'dag', 'dage')} siden`;
}
