// The learner's loop on a one-exercise course: test, watch, and what each says next.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fixturesDir, makeCourse } from './course/fixture.ts'

const bin = fileURLToPath(new URL('../bin/course.js', import.meta.url))
/** The learner's own environment: no COURSE_IMPL from whoever runs these tests. */
const learnerEnv = (root: string) => {
  const { COURSE_IMPL: _outer, ...env } = process.env
  return { ...env, NO_COLOR: '1', COURSE_ROOT: root }
}
const roots: string[] = []

function fixture() {
  const root = makeCourse(fixturesDir)
  roots.push(root)
  return { root, mine: join(root, 'lessons', '01-demo', 'src', 'add.ts') }
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

const course = (root: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: learnerEnv(root),
  })
  return { code: result.status, out: result.stdout }
}

describe('course test', () => {
  it('fails an exercise whose test file broke in a setup hook, though no test failed', () => {
    const { root, mine } = fixture()
    writeFileSync(mine, 'export const add = (a: number, b: number) => a + b\n')
    const tests = join(root, 'lessons', '01-demo', 'test', 'add.test.ts')
    // vitest reports the tests behind a broken beforeAll as skipped, not failed.
    writeFileSync(
      tests,
      `${readFileSync(tests, 'utf8')}
import { beforeAll, describe } from 'vitest'
describe('a server that never starts', () => {
  beforeAll(() => { throw new Error('it exited before it was ready') })
  it('answers', () => {})
})
`,
    )
    const result = course(root, 'test', 'add')
    expect(result.code).toBe(1)
    expect(result.out).not.toContain('add passes')
  })

  it('fails the starter and points to a hint, then passes and names what comes next', () => {
    const { root, mine } = fixture()
    const failing = course(root, 'test', 'add')
    expect(failing.code).toBe(1)
    expect(failing.out).toContain('✗ add: 0 passed, 1 failed.')
    expect(failing.out).toContain('Stuck? pnpm course hint add')
    expect(failing.out).not.toContain('Your numbers:')

    writeFileSync(mine, 'export const add = (a: number, b: number) => a + b\n')
    const passing = course(root, 'test', 'add')
    expect(passing.code).toBe(0)
    expect(passing.out).toContain('✓ add passes: all 1 of its tests.')
    expect(passing.out).toContain('Your numbers:\n  add(2, 3) = 5')
    expect(passing.out).toContain(
      'Next: every exercise passes; run the benchmarks: pnpm course bench',
    )
    expect(course(root, 'status').out).toMatch(/✓ add\s+Add\s+passed/)
  })
})

describe('course test, after a pass', () => {
  it('names the type errors in the exercise file that the tests cannot see', () => {
    const { root, mine } = fixture()
    writeFileSync(
      join(root, 'lessons', '01-demo', 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src'] }),
    )
    // Right at run time, wrong for tsc under strict: two parameters of implicit type any.
    writeFileSync(mine, 'export const add = (a, b) => a + b\n')
    const untyped = course(root, 'test', 'add')
    expect(untyped.code).toBe(0)
    expect(untyped.out).toContain('✓ add passes: all 1 of its tests.')
    expect(untyped.out).toContain(
      'add passes its tests, but tsc finds 2 type errors in lessons/01-demo/src/add.ts',
    )
    expect(untyped.out).toMatch(/lessons\/01-demo\/src\/add\.ts\(1,\d+\): error TS7006/)

    writeFileSync(mine, 'export const add = (a: number, b: number) => a + b\n')
    const typed = course(root, 'test', 'add')
    expect(typed.code).toBe(0)
    expect(typed.out).toContain('✓ types: tsc finds no error in lessons/01-demo/src/add.ts.')
  })
})

describe('course watch', () => {
  it('re-runs the exercise when the learner saves their file, and says when it passes', async () => {
    const { root, mine } = fixture()
    const child = spawn(process.execPath, [bin, 'watch', 'add'], {
      env: learnerEnv(root),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    try {
      await vi.waitFor(() => expect(out).toContain('Watching lesson 01'), {
        timeout: 30_000,
        interval: 100,
      })
      expect(out).toContain('✗ add: 0 passed, 1 failed.')

      // The learner's file is loaded by a dynamic import: only the course's own watcher sees it.
      writeFileSync(mine, 'export const add = (a: number, b: number) => a + b\n')
      await vi.waitFor(() => expect(out).toContain('✓ add passes: all 1 of its tests.'), {
        timeout: 30_000,
        interval: 100,
      })
      expect(out).toContain('Next: every exercise passes')
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  })
})
