// Every error of the course command is one line that names the cause and the
// next step, with exit status 2 for a wrong call and 1 for a failure.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsxExecArgv } from '@course/common/serve'
import { courseRoot, loadLessons } from '@course/lessons/course'
import { lessonFile, writeCourse } from '@course/lessons/fixture'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const bin = fileURLToPath(new URL('../bin/course.js', import.meta.url))

function course(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  })
  return { code: result.status, out: result.stdout, err: result.stderr.trim() }
}

/** The one line a failing command printed, checked to be one line and no stack trace. */
function oneLine(result: ReturnType<typeof course>): string {
  expect(result.err.split('\n'), result.err).toHaveLength(1)
  expect(result.err).not.toMatch(/\n\s+at /)
  return result.err
}

describe('every error of the course command', () => {
  let busy: Server
  beforeAll(async () => {
    busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())))

  it('a busy port: names the port and another to choose, exit 1', () => {
    const { port } = busy.address() as { port: number }
    const result = course(['serve', '01', '--solution', '--', '--port', String(port)])
    expect(result.code).toBe(1)
    expect(oneLine(result)).toBe(
      `course: serve: port ${port} is already in use (is an earlier server still running?); stop it, or choose another port, e.g. -- --port ${port + 1}`,
    )
  })

  it('a busy port met by a lesson\u2019s server started on its own: the same line, exit 1', () => {
    const { port } = busy.address() as { port: number }
    const entry = join(courseRoot, 'lessons/01-blocking-server/bin/serve.ts')
    const result = spawnSync(process.execPath, [...tsxExecArgv, entry, '--port', String(port)], {
      encoding: 'utf8',
      env: { ...process.env, COURSE_IMPL: 'solution' },
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(
      `port ${port} is already in use (is an earlier server still running?); stop it, or choose another port, e.g. -- --port ${port + 1}`,
    )
  })

  it('a server option before the --: gives the command that works, exit 2', () => {
    const result = course(['serve', '01', '--port', '8081'])
    expect(result.code).toBe(2)
    expect(oneLine(result)).toBe(
      'course: serve: --port is an option of the server, so it goes after --: pnpm course serve 01 -- --port 8081',
    )
  })

  it('a missing lesson: names the lessons there are, exit 2', () => {
    const result = course(['test', '42'])
    expect(result.code).toBe(2)
    const numbers = loadLessons().map((lesson) => lesson.number)
    expect(oneLine(result)).toBe(
      `course: there is no lesson 42; the lessons are ${numbers.join(', ')} (pnpm start lists them)`,
    )
  })

  it('a bad lesson.json: names the file and the field, exit 1', () => {
    const root = writeCourse({ '01-demo': lessonFile({ number: 1 }) })
    const result = course(['status'], { COURSE_ROOT: root })
    expect(result.code).toBe(1)
    expect(oneLine(result)).toBe(
      'course: lessons/01-demo/lesson.json: field "number" should be string, got 1 (the course itself needs fixing)',
    )
  })

  it('an unreadable file: names it and what to check, exit 1', () => {
    const root = writeCourse({})
    mkdirSync(join(root, 'lessons', '01-demo', 'lesson.json'), { recursive: true })
    const result = course(['status'], { COURSE_ROOT: root })
    expect(result.code).toBe(1)
    expect(oneLine(result)).toMatch(
      /^course: lessons\/01-demo\/lesson.json: cannot be read \(EISDIR\); check the file exists and is readable/,
    )
    rmSync(root, { recursive: true, force: true })
  })

  it('a lesson without servers: says there is nothing to serve, exit 2', () => {
    const root = writeCourse({ '04-loop': lessonFile({ id: 'loop', number: '04' }) })
    for (const command of ['serve', 'timeline']) {
      const result = course([command, '04'], { COURSE_ROOT: root })
      expect(result.code, command).toBe(2)
      expect(oneLine(result)).toMatch(/^course: lesson 04 has no server to start/)
    }
  })

  it('an exercise without hints: says so, exit 2', () => {
    const root = writeCourse({ '01-demo': lessonFile() })
    writeFileSync(join(root, 'lessons', '01-demo', 'README.md'), '# Demo\n')
    const result = course(['hint', 'add'], { COURSE_ROOT: root })
    expect(result.code).toBe(2)
    expect(oneLine(result)).toBe('course: hint: exercise "add" has no hints yet')
  })
})
