import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { courseRoot, loadLessons } from '@course/lessons/course'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { studentImplementation } from '../course/implementations.ts'
import { type JunitCase, toJunit } from '../course/junit.ts'
import { mark, pc, table } from '../course/output.ts'
import { runTests } from '../course/run-tests.ts'
import { stateDir } from '../course/state.ts'
import { exerciseVerdict } from '../course/verdict.ts'

interface ExerciseGrade {
  id: string
  title: string
  status: 'passed' | 'failed'
  passed: number
  failed: number
  failures: Array<{ test: string; message: string }>
}

export const grade: Command = {
  name: 'grade',
  summary: "instructors: grade a student's checkout into JSON and JUnit XML",
  usage: `pnpm course grade [<path>] [--out <folder>]

Runs every lesson's tests against the exercise files (lessons/*/src) of the
checkout at <path> (default: this one), using this course's tests, and writes
grade.json and grade.junit.xml to --out (default .course/grades/<time>/).
An exercise counts when all of its tests pass.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('grade', args, { out: { type: 'string' } })
    const checkout = resolve(positionals[0] ?? courseRoot)
    if (!existsSync(join(checkout, 'lessons'))) {
      throw new UsageError(
        `grade: ${checkout} is not a checkout of this course (it has no lessons/ folder)`,
      )
    }
    const out = resolve(
      values.out ?? join(stateDir(), 'grades', new Date().toISOString().replace(/[:.]/g, '-')),
    )
    const lessons = loadLessons()
    const cases: JunitCase[] = []
    const report = []
    for (const lesson of lessons) {
      process.stdout.write(pc.dim(`grading lesson ${lesson.number} ${lesson.title} ... `))
      const implementation = studentImplementation(lesson, checkout)
      const run = await runTests(
        lesson,
        lesson.exercises.flatMap((exercise) => exercise.tests),
        {
          implementation: implementation.dir,
        },
      ).finally(() => implementation.remove())
      console.log(pc.dim(`${(run.durationMs / 1000).toFixed(1)} s`))
      const exercises: ExerciseGrade[] = lesson.exercises.map((exercise) => {
        const suite = `lesson-${lesson.number}/${exercise.id}`
        for (const outcome of run.outcomes.filter((each) => exercise.tests.includes(each.file))) {
          cases.push({
            suite,
            name: outcome.name,
            status: outcome.status,
            seconds: outcome.durationMs / 1000,
            ...(outcome.message ? { message: outcome.message } : {}),
          })
        }
        for (const error of run.fileErrors.filter((each) => exercise.tests.includes(each.file))) {
          cases.push({
            suite,
            name: `${error.file} could not run`,
            status: 'failed',
            message: error.message,
            seconds: 0,
          })
        }
        const verdict = exerciseVerdict(run, exercise)
        return {
          id: exercise.id,
          title: exercise.title,
          status: verdict.passed ? 'passed' : 'failed',
          passed: verdict.passing,
          failed: verdict.failing,
          failures: verdict.failures,
        }
      })
      report.push({ id: lesson.id, number: lesson.number, title: lesson.title, exercises })
    }

    const all = report.flatMap((lesson) => lesson.exercises)
    const done = all.filter((exercise) => exercise.status === 'passed').length
    const score = {
      exercisesPassed: done,
      exercises: all.length,
      percent: Math.round((100 * done) / Math.max(all.length, 1)),
    }
    mkdirSync(out, { recursive: true })
    writeFileSync(
      join(out, 'grade.json'),
      `${JSON.stringify({ checkout, gradedAt: new Date().toISOString(), score, lessons: report }, null, 2)}\n`,
    )
    writeFileSync(join(out, 'grade.junit.xml'), toJunit('sync-vs-async', cases))

    const rows = [[pc.bold('lesson'), pc.bold('exercise'), pc.bold('tests'), pc.bold('result')]]
    for (const lesson of report) {
      for (const exercise of lesson.exercises) {
        rows.push([
          lesson.number,
          exercise.id,
          `${exercise.passed}/${exercise.passed + exercise.failed}`,
          exercise.status === 'passed' ? `${mark.passed} passed` : `${mark.failed} failed`,
        ])
      }
    }
    console.log(`\n${table(rows)}\n\nscore: ${done}/${all.length} exercises (${score.percent}%)`)
    console.log(pc.dim(`wrote ${join(out, 'grade.json')} and grade.junit.xml`))
    return 0
  },
}
