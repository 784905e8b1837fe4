// Proves the turbo configuration: a lesson's cached test result must be thrown
// away when packages/common changes, and kept when only prose changes.
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { courseRoot } from '@course/lessons/course'
import { afterEach, describe, expect, it } from 'vitest'

const turbo = join(courseRoot, 'node_modules', '.bin', 'turbo')
const task = '@course/lesson-01-blocking-server#test:solution'

interface PlannedTask {
  taskId: string
  hash: string
  inputs: Record<string, string>
}

function plan(taskId: string): PlannedTask[] {
  const pkg = taskId.split('#')[0] ?? ''
  const output = execFileSync(turbo, ['run', 'test:solution', '--dry=json', `--filter=${pkg}`], {
    cwd: courseRoot,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  })
  return (JSON.parse(output) as { tasks: PlannedTask[] }).tasks
}

function planned(taskId: string): PlannedTask {
  const found = plan(taskId).find((each) => each.taskId === taskId)
  if (!found) throw new Error(`turbo planned no ${taskId}`)
  return found
}

const hashOf = (taskId: string) => planned(taskId).hash

const probes: string[] = []
function probe(path: string, text: string) {
  probes.push(path)
  writeFileSync(path, text)
}

afterEach(() => {
  for (const path of probes.splice(0)) rmSync(path, { force: true })
})

describe('turbo inputs', () => {
  it('re-run a lesson\u2019s tests when packages/common changes', () => {
    const before = hashOf(task)
    probe(join(courseRoot, 'packages/common/src/turbo-probe.ts'), 'export const probe = 1\n')
    // The lesson sees the change through @course/common's transit task, which hashes its sources.
    expect(Object.keys(planned('@course/common#transit').inputs)).toContain('src/turbo-probe.ts')
    expect(hashOf(task)).not.toBe(before)
  })

  it('re-run a lesson\u2019s tests when the lesson model in packages/lessons changes', () => {
    const before = hashOf(task)
    probe(join(courseRoot, 'packages/lessons/src/turbo-probe.ts'), 'export const probe = 1\n')
    expect(hashOf(task)).not.toBe(before)
  })

  it('keep a lesson\u2019s cached tests when only its README or the learner\u2019s files change', () => {
    const before = hashOf(task)
    probe(join(courseRoot, 'lessons/01-blocking-server/turbo-probe.md'), '# prose\n')
    probe(
      join(courseRoot, 'lessons/01-blocking-server/src/turbo-probe.ts'),
      'export const probe = 1\n',
    )
    expect(hashOf(task)).toBe(before)
  })

  it('re-run the CLI\u2019s tests when a lesson\u2019s server code changes', () => {
    // runtime-modules.test.ts starts every lesson's servers from the CLI package.
    const cli = '@course/cli#test:solution'
    const before = hashOf(cli)
    probe(
      join(courseRoot, 'lessons/01-blocking-server/solution/turbo-probe.ts'),
      'export const probe = 1\n',
    )
    expect(hashOf(cli)).not.toBe(before)
  })
})
