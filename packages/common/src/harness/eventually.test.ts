import { describe, expect, it } from 'vitest'
import { eventually } from './eventually.ts'

const how = { reproduce: 'kill -TTIN <supervisor pid>; curl http://127.0.0.1:8080/whoami' }

describe('eventually', () => {
  it('resolves as soon as the condition holds, checking again meanwhile', async () => {
    let checks = 0
    await eventually(() => ++checks === 3, { what: 'the third check', intervalMs: 1, ...how })
    expect(checks).toBe(3)
  })

  it('waits for an asynchronous condition', async () => {
    let checks = 0
    await eventually(async () => ++checks > 1, { what: 'a second check', intervalMs: 1, ...how })
    expect(checks).toBe(2)
  })

  it('fails after the timeout with what it waited for, what it saw and the command', async () => {
    let seen = 0
    const waiting = eventually(
      () => {
        seen += 1
        return false
      },
      {
        what: '3 workers answering',
        timeoutMs: 60,
        intervalMs: 10,
        actual: () => `workers answering: ${seen > 0 ? '2' : 'none'}`,
        ...how,
      },
    )
    await expect(waiting).rejects.toThrow(/expected: {2}3 workers answering, within 60 ms/)
    await expect(waiting).rejects.toThrow(/actual: {4}workers answering: 2/)
    await expect(waiting).rejects.toThrow(/figures: {3}\d+ checks over \d+ ms, 10 ms apart/)
    await expect(waiting).rejects.toThrow(how.reproduce)
    expect(seen).toBeGreaterThan(2)
  })
})
