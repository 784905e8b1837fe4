import { type ParseArgsConfig, parseArgs } from 'node:util'
import { wholeNumber } from '@course/common/serve'
import { UsageError } from './errors.ts'

export interface Command {
  name: string
  /** One line, for `course --help`. */
  summary: string
  /** The full help of this command, for `course <command> --help`. */
  usage: string
  /** Returns the process exit status. */
  run(args: string[]): Promise<number>
}

/** node:util parseArgs, with its errors turned into one-line usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(
      `${command}: ${(error as Error).message} (see pnpm course ${command} --help)`,
    )
  }
}

/** A flag's value as a whole number from `min` to `max`, or a one-line usage error naming the command. */
export function wholeNumberFlag(
  command: string,
  flag: string,
  text: string,
  range: { min: number; max: number },
): number {
  try {
    return wholeNumber(flag, text, range)
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`)
  }
}
