// What every pool of W workers shows from outside, whether the workers are
// processes or threads: W requests at a time, and N requests in about
// ceil(N/W) rounds of T. Written once, run against both pools.
import { burst } from '@course/common'
import { expectRatio, expectServedAtOnce, type ServerProcess } from '@course/common/harness'
import { it } from 'vitest'

export function describePoolShapes(server: () => ServerProcess, timeline: string): void {
  it('serves W requests at once, never more, on W distinct workers', async () => {
    const { spans } = await burst(server().baseUrl, { path: '/io?ms=150', n: 7 })
    expectServedAtOnce(spans, 3, { reproduce: `pnpm course timeline ${timeline} --n 7 --ms 150` })
  })

  it('takes about ceil(N/W) x T for N requests of T', async () => {
    const three = await burst(server().baseUrl, { path: '/io?ms=120', n: 3 })
    const nine = await burst(server().baseUrl, { path: '/io?ms=120', n: 9 })
    // 3 requests on 3 workers take one round of T; 9 take three rounds.
    expectRatio({
      names: ['9 requests', '3 requests'],
      times: [nine.wallMs, three.wallMs],
      min: 2,
      max: 4.2,
      reproduce: `pnpm course timeline ${timeline} --n 9 --ms 120`,
    })
  })
}
