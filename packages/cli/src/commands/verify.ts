import { join } from 'node:path'
import { loadLessons } from '@course/lessons/course'
import type { Lesson } from '@course/lessons/lesson'
import { mutantImplementation } from '@course/lessons/mutants'
import { resolveTarget } from '@course/lessons/names'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { mark, pc, table } from '../course/output.ts'
import { failedTest, runTests, type TestRun } from '../course/run-tests.ts'
import { allPass, exerciseVerdict } from '../course/verdict.ts'

interface Check {
  lesson: Lesson
  what: string
  expected: string
  /** Runs the check; returns what happened, whether that is what was expected, and why not. */
  run(): Promise<{ ok: boolean; actual: string; details?: string[] }>
}

const counts = (run: TestRun) => {
  const passed = run.outcomes.filter((outcome) => outcome.status === 'passed').length
  const failed = run.outcomes.filter((outcome) => outcome.status === 'failed').length
  const broken = run.fileErrors.length ? `, ${run.fileErrors.length} file(s) broken` : ''
  return `${passed} passed, ${failed} failed${broken}`
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Each failing test or broken file, with the first line of what it said. */
function failures(run: TestRun): string[] {
  const firstLine = (message = '') => message.split('\n')[0]?.slice(0, 160) ?? ''
  return [
    ...run.fileErrors.map((error) => `${error.file}: ${firstLine(error.message)}`),
    ...run.outcomes
      .filter((outcome) => outcome.status === 'failed')
      .map((outcome) => `${outcome.file} > ${outcome.name}: ${firstLine(outcome.message)}`),
  ]
}

function checksFor(lesson: Lesson): Check[] {
  const allTests = lesson.exercises.flatMap((exercise) => exercise.tests)
  let starterRun: Promise<TestRun> | undefined
  const checks: Check[] = [
    {
      lesson,
      what: 'the solution passes every test',
      expected: 'all pass',
      async run() {
        const run = await runTests(lesson, allTests, { implementation: 'solution' })
        return { ok: allPass(run, lesson.exercises), actual: counts(run), details: failures(run) }
      },
    },
  ]
  for (const exercise of lesson.exercises) {
    checks.push({
      lesson,
      what: `the starter of ${exercise.id} fails`,
      expected: 'some fail',
      async run() {
        // One run of the starter serves the check of every exercise.
        starterRun ??= runTests(lesson, allTests, { implementation: join(lesson.dir, 'starter') })
        const verdict = exerciseVerdict(await starterRun, exercise)
        return { ok: !verdict.passed, actual: `${verdict.failing} failed` }
      },
    })
  }
  for (const mutant of lesson.mutants) {
    checks.push({
      lesson,
      what: `mutant ${mutant.id}`,
      expected: `fails "${mutant.mustFail.name}"`,
      async run() {
        const implementation = mutantImplementation(lesson, mutant)
        try {
          // Only the named test: a mutant that hangs must not stall every other test of the file.
          const run = await runTests(lesson, [mutant.mustFail.test], {
            implementation: implementation.dir,
            namePattern: escapeRegExp(mutant.mustFail.name),
          })
          const named = run.outcomes.some((outcome) => outcome.name === mutant.mustFail.name)
          if (!named)
            return { ok: false, actual: `no test of that name in ${mutant.mustFail.test}` }
          const caught = failedTest(run, mutant.mustFail.test, mutant.mustFail.name)
          return { ok: caught, actual: caught ? 'caught' : `survived (${counts(run)})` }
        } finally {
          implementation.remove()
        }
      },
    })
  }
  return checks
}

export const verify: Command = {
  name: 'verify',
  summary: 'instructors: every solution passes, every starter fails, every mutant is caught',
  usage: `pnpm course verify [<lesson>]

For each lesson (or the one named): runs every test against the reference
solution (all must pass) and against the starters (each exercise must fail),
then applies each known-wrong change ("mutant", listed in lesson.json) to the
reference and checks the test named for it fails. Exits 1 if any check does
not hold.`,
  async run(args) {
    const { positionals } = parseCommandArgs('verify', args, {})
    const lessons = loadLessons()
    const chosen = positionals.length
      ? positionals.map((name) => resolveTarget(name, lessons).lesson)
      : lessons
    const checks = chosen.flatMap(checksFor)
    const rows: string[][] = [
      [pc.bold('lesson'), pc.bold('check'), pc.bold('expected'), pc.bold('result')],
    ]
    let failures = 0
    for (const [index, check] of checks.entries()) {
      process.stdout.write(
        pc.dim(`[${index + 1}/${checks.length}] ${check.lesson.number} ${check.what} ... `),
      )
      const started = performance.now()
      const { ok, actual, details = [] } = await check.run()
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      console.log(`${ok ? mark.passed : mark.failed} ${actual} ${pc.dim(`(${seconds} s)`)}`)
      if (!ok) for (const line of details) console.log(`      ${line}`)
      if (!ok) failures++
      rows.push([
        check.lesson.number,
        check.what,
        check.expected,
        `${ok ? mark.passed : mark.failed} ${actual}`,
      ])
    }
    console.log(`\n${table(rows)}\n`)
    console.log(`verify: ${checks.length - failures} passed, ${failures} failed`)
    return failures === 0 ? 0 : 1
  },
}
