import { parseArgs } from 'node:util'

/** Each option a server takes: its smallest (0 unless said) and largest values, and a default (or none). */
export type NumericOptions = Record<string, { min?: number; max: number; default?: number }>

/**
 * Reads a server's command line: `--port N` plus the whole-number options it
 * declares. Anything else (an unknown flag, "abc", a negative number) prints
 * a one-line error and the usage, then exits with status 2.
 */
export function parseServerArgs<T extends NumericOptions>(
  name: string,
  spec: T,
  argv: string[] = process.argv.slice(2),
): { port: number } & { [K in keyof T]: number | undefined } {
  const all: NumericOptions = { port: { max: 65_535, default: 0 }, ...spec }
  const usage = `usage: ${name} ${Object.entries(all)
    .map(([flag, { min = 0, max }]) => `[--${flag} ${min}..${max}]`)
    .join(' ')}`
  if (argv.includes('--help')) {
    console.log(usage)
    process.exit(0)
  }
  try {
    const { values } = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.keys(all).map((flag) => [flag, { type: 'string' }])),
    })
    const result: Record<string, number | undefined> = {}
    for (const [flag, { min = 0, max, default: fallback }] of Object.entries(all)) {
      const raw = values[flag]
      if (typeof raw !== 'string') {
        result[flag] = fallback
        continue
      }
      result[flag] = wholeNumber(`--${flag}`, raw, { min, max })
    }
    return result as { port: number } & { [K in keyof T]: number | undefined }
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
}

/** A flag's text as a whole number from `min` to `max`; else an Error whose message is one line naming the flag. */
export function wholeNumber(
  flag: string,
  text: string,
  { min, max }: { min: number; max: number },
): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`${flag} takes a whole number from ${min} to ${max}, got "${text}"`)
  }
  return value
}
