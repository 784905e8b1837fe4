import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const bin = fileURLToPath(new URL('../bin/course.js', import.meta.url))
const course = (...args: string[]) => {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('the course command', () => {
  it('shows progress and the next step by default', () => {
    const { code, out } = course()
    expect(code).toBe(0)
    expect(out).toMatch(/01\s+The blocking server/)
    expect(out).toMatch(/Next:/)
  })

  it('answers an unknown command with the closest one and exit status 2', () => {
    const { code, err } = course('verfy')
    expect(code).toBe(2)
    expect(err.trim()).toBe(
      'course: unknown command "verfy"; did you mean "verify"? (pnpm course --help lists them)',
    )
  })

  it('answers an unknown lesson or exercise with one line and exit status 2', () => {
    const { code, err } = course('test', 'parse-requets')
    expect(code).toBe(2)
    expect(err.trim().split('\n')).toHaveLength(1)
    expect(err).toContain('did you mean "parse-request"')
  })

  it('refuses bad options with exit status 2', () => {
    expect(course('timeline', '01', '--n', 'many').code).toBe(2)
    expect(course('timeline', '04', '--cpu', '99999').code).toBe(2)
    expect(course('test', '01', '--colour').code).toBe(2)
    expect(course('grade', '/no/such/checkout').code).toBe(2)
    expect(course('hint').code).toBe(2)
  })

  it('has --help on every command', () => {
    for (const command of [
      'status',
      'test',
      'watch',
      'hint',
      'diff',
      'reset',
      'serve',
      'send',
      'timeline',
      'bench',
      'verify',
      'grade',
    ]) {
      const { code, out } = course(command, '--help')
      expect(code, command).toBe(0)
      expect(out, command).toContain(`pnpm course ${command}`)
    }
  })
})
