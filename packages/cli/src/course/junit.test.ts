import { describe, expect, it } from 'vitest'
import { toJunit } from './junit.ts'

describe('toJunit', () => {
  it('groups cases into suites and counts failures', () => {
    const xml = toJunit('course', [
      { suite: 'lesson-01/a', name: 'works', status: 'passed', seconds: 0.5 },
      {
        suite: 'lesson-01/a',
        name: 'breaks <b>',
        status: 'failed',
        message: 'expected 1\n\u001b[31mgot 2',
        seconds: 1,
      },
      { suite: 'lesson-01/b', name: 'waits', status: 'skipped', seconds: 0 },
    ])
    expect(xml).toContain('<testsuites name="course" tests="3" failures="1">')
    expect(xml).toContain('<testsuite name="lesson-01/a" tests="2" failures="1" skipped="0">')
    expect(xml).toContain('name="breaks &lt;b&gt;"')
    expect(xml).toContain('<failure message="expected 1">')
    expect(xml).not.toContain('\u001b')
    expect(xml).toContain('<skipped/>')
  })
})
