// Runs a lesson's tests with vitest in a child process and reads back what
// happened, test by test, from vitest's JSON report.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { FIGURES_ENV } from '@course/common/harness'
import { type ImplementationChoice, implementationEnv } from '@course/lessons/implementation'
import type { Lesson } from '@course/lessons/lesson'
import { runNode } from './child.ts'

const vitestBin = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
)

export type Status = 'passed' | 'failed' | 'skipped'

export interface Outcome {
  /** Test file, relative to the lesson, e.g. test/parse-request.test.ts. */
  file: string
  name: string
  status: Status
  message?: string
  durationMs: number
}

export interface TestRun {
  outcomes: Outcome[]
  /** Files that failed as a whole (a server that could not start, a syntax error). */
  fileErrors: Array<{ file: string; message: string }>
  durationMs: number
  /** What the tests measured, for the learner to see (showFigures in the harness). */
  figures: string[]
}

export interface RunOptions {
  implementation: ImplementationChoice
  /** Stream vitest's own report to the terminal. */
  show?: boolean
  /** Only the tests whose name matches. */
  namePattern?: string
}

interface VitestReport {
  testResults: Array<{
    name: string
    status: string
    message: string
    startTime: number
    endTime: number
    assertionResults: Array<{
      title: string
      status: string
      failureMessages: string[]
      duration?: number
    }>
  }>
}

export async function runTests(
  lesson: Lesson,
  files: string[],
  options: RunOptions,
): Promise<TestRun> {
  const outDir = mkdtempSync(join(tmpdir(), 'course-run-'))
  const report = join(outDir, 'report.json')
  const figures = join(outDir, 'figures.txt')
  const args = [
    vitestBin,
    'run',
    '--configLoader',
    'runner',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]
  if (options.show) args.push('--reporter=default')
  if (options.namePattern) args.push('-t', options.namePattern)
  args.push(...files)
  const started = performance.now()
  const code = await runNode(args, {
    cwd: lesson.dir,
    env: {
      ...implementationEnv(options.implementation),
      FORCE_COLOR: options.show ? '1' : '0',
      [FIGURES_ENV]: figures,
    },
    stdio: options.show ? ['inherit', 'pipe', 'inherit'] : 'ignore',
    // The JSON report is for us; the line announcing it would only puzzle a learner.
    onStdout: (text) => process.stdout.write(text.replace(/^JSON report written to .*\n/m, '')),
  })
  const durationMs = performance.now() - started
  const noted = existsSync(figures) ? readFileSync(figures, 'utf8').split('\n').filter(Boolean) : []
  try {
    return { ...readReport(lesson, report), durationMs, figures: noted }
  } catch {
    const message = `vitest exited with status ${code} and wrote no report`
    return {
      outcomes: [],
      fileErrors: files.map((file) => ({ file, message })),
      durationMs,
      figures: noted,
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

function readReport(lesson: Lesson, path: string): Omit<TestRun, 'durationMs' | 'figures'> {
  const report = JSON.parse(readFileSync(path, 'utf8')) as VitestReport
  const outcomes: Outcome[] = []
  const fileErrors: TestRun['fileErrors'] = []
  for (const result of report.testResults) {
    const file = relative(lesson.dir, result.name)
    // A file can fail with no failing test: a broken import, or a beforeAll that
    // threw, whose tests vitest then reports as skipped. Either way it failed.
    const testFailed = result.assertionResults.some((test) => test.status === 'failed')
    if (result.status === 'failed' && (result.message || !testFailed)) {
      fileErrors.push({
        file,
        message:
          result.message || 'a setup hook (beforeAll) failed, so the tests after it did not run',
      })
    }
    for (const test of result.assertionResults) {
      const status: Status =
        test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped'
      const message = test.failureMessages[0]
      outcomes.push({
        file,
        name: test.title,
        status,
        durationMs: test.duration ?? 0,
        ...(message ? { message } : {}),
      })
    }
  }
  return { outcomes, fileErrors }
}

/** Did this run fail the test of this name? Skipped because its file broke does not count. */
export function failedTest(run: TestRun, file: string, name: string): boolean {
  return run.outcomes.some(
    (outcome) => outcome.file === file && outcome.name === name && outcome.status === 'failed',
  )
}
