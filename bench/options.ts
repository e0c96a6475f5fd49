import { parseArgs } from 'node:util';

/**
 * A bench command's options, each `--name value`, strict: an option not named in `defaults`, or
 * one without its value, is an error rather than silently ignored.
 */
export function benchOptions<Name extends string>(args: string[], defaults: Record<Name, string>): Record<Name, string> {
  const options = Object.fromEntries(Object.entries(defaults).map(([name, value]) => [name, { type: 'string' as const, default: value as string }]));
  return parseArgs({ args, options, strict: true }).values as Record<Name, string>;
}
