import kle from '../config/kle.json';

/**
 * Plain-language names for KLE numbers, from configuration data (KLE is licensed by KL and
 * changes four times a year, so it is data, not code). An unknown topic falls back to its group,
 * then its main group, so a new code still gets a readable name.
 */
const names: Record<string, string> = kle.codes;

export function kleName(code: string): string {
  const parts = code.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const name = names[parts.slice(0, length).join('.')];
    if (name) return name;
  }
  return `KLE ${code}`;
}
