// What a lesson.json may say, checked field by field, so a mistake in one
// lesson is reported by file and field instead of failing later, somewhere
// else, as a puzzle. Unknown fields are tolerated (and dropped): a newer
// lesson.json still loads in an older course command.
import * as v from 'valibot'

const id = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case words joined by "-", e.g. "parse-request"'),
)

/** A path inside the lesson's folder, never outside it. */
const lessonPath = v.pipe(
  v.string(),
  v.regex(
    /^(?!\/)(?!.*(^|\/)\.\.(\/|$)).+$/,
    'must be a path inside the lesson, e.g. "bin/serve.ts"',
  ),
)

const nonEmpty = v.pipe(v.string(), v.minLength(1, 'must not be empty'))

export const ExerciseSchema = v.object({
  id,
  title: nonEmpty,
  /** The file the learner edits, under src/ (its twins live in starter/ and solution/). */
  file: lessonPath,
  tests: v.pipe(v.array(lessonPath), v.minLength(1, 'must name at least one test file')),
  /** Exercises (by id, anywhere in the course) whose code this one runs. */
  needs: v.optional(v.array(id), []),
  /** Ids this exercise had before, so progress recorded under them is still found. */
  formerIds: v.optional(v.array(id), []),
})

export const MutantSchema = v.object({
  id,
  why: nonEmpty,
  /** A file of solution/ to change. */
  file: lessonPath,
  find: nonEmpty,
  replace: v.string(),
  mustFail: v.object({ test: lessonPath, name: nonEmpty }),
})

export const BenchSchema = v.object({
  id,
  file: lessonPath,
  /** About how long it runs, so the short ones can go first. */
  minutes: v.optional(v.pipe(v.number(), v.minValue(0))),
})

export const LessonFileSchema = v.object({
  id,
  number: v.pipe(v.string(), v.regex(/^\d{2}$/, 'must be two digits, e.g. "01"')),
  title: nonEmpty,
  summary: nonEmpty,
  exercises: v.array(ExerciseSchema),
  mutants: v.optional(v.array(MutantSchema), []),
  /** The lesson's servers by name, each an entry file; the first is the default. None is fine. */
  servers: v.optional(v.record(id, lessonPath), {}),
  bench: v.optional(v.array(BenchSchema), []),
})

export type LessonFile = v.InferOutput<typeof LessonFileSchema>

/** Checks parsed JSON against the schema; the first problem as "field: what is wrong". */
export function checkLessonFile(
  data: unknown,
): { ok: true; lesson: LessonFile } | { ok: false; problem: string } {
  const result = v.safeParse(LessonFileSchema, data)
  if (result.success) return { ok: true, lesson: result.output }
  const [issue] = result.issues
  const field =
    (issue.path ?? [])
      .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
      .join('')
      .replace(/^\./, '') || '(the whole file)'
  return { ok: false, problem: `field "${field}" ${describe(issue)}` }
}

function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.input === undefined) return `is missing (${issue.expected})`
  if (issue.kind === 'schema') return `should be ${issue.expected}, got ${issue.received}`
  return `${issue.message}, got ${issue.received}`
}
