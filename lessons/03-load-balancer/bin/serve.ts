// Starts this lesson's balancer: the learner's by default, the reference with
// COURSE_IMPL=solution. With --config it balances over the backends the file
// names (and re-reads it on SIGHUP); without, it starts --backends W of
// lesson 01's blocking servers itself.
//
//   pnpm course serve 03 -- --port 8080 --backends 3 --algorithm weighted --weights 5,1,1
//   pnpm course serve 03 -- --port 8080 --config balancer.json
import { parseArgs } from 'node:util'
import { explainTodo, serveLesson, wholeNumber } from '@course/common/serve'
import { Balancer, type Implementation } from '../balancer/balancer.ts'
import { ALGORITHMS, type BalancerConfig, checkConfig, readConfig } from '../balancer/config.ts'
import { startLocalBackends } from '../balancer/local-backends.ts'
import { impl } from '../lesson.ts'

const usage =
  'usage: serve [--port N] (--config FILE | [--backends W] [--algorithm NAME] [--weights 5,1,1] [--max-conn K])'

function options() {
  if (process.argv.includes('--help')) {
    console.log(usage)
    process.exit(0)
  }
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        config: { type: 'string' },
        backends: { type: 'string', default: '3' },
        algorithm: { type: 'string', default: 'round-robin' },
        'max-conn': { type: 'string', default: '0' },
        weights: { type: 'string' },
      },
    })
    if (!(ALGORITHMS as readonly string[]).includes(values.algorithm)) {
      throw new Error(
        `--algorithm takes one of ${ALGORITHMS.join(', ')}, got "${values.algorithm}"`,
      )
    }
    if (values.weights !== undefined && !/^\d+(,\d+)*$/.test(values.weights)) {
      throw new Error(
        `--weights takes whole numbers separated by commas (5,1,1), got "${values.weights}"`,
      )
    }
    return {
      ...values,
      port: wholeNumber('--port', values.port, { min: 0, max: 65_535 }),
      backends: wholeNumber('--backends', values.backends, { min: 1, max: 64 }),
      maxConn: wholeNumber('--max-conn', values['max-conn'], { min: 0, max: 100_000 }),
    }
  } catch (error) {
    console.error(`serve: ${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
}

const args = options()

async function initialConfig(): Promise<BalancerConfig> {
  if (args.config) return readConfig(args.config)
  const { backends } = await startLocalBackends(args.backends)
  const weights = args.weights?.split(',').map(Number) ?? []
  for (const [i, weight] of weights.entries()) {
    const backend = backends[i]
    if (backend) backend.weight = weight
  }
  return checkConfig({
    backends,
    algorithm: args.algorithm,
    maxConnPerBackend: args.maxConn,
  })
}

let config: BalancerConfig
try {
  config = await initialConfig()
} catch (error) {
  console.error(`serve: ${(error as Error).message}`)
  process.exit(2)
}

const implementation: Implementation = await explainTodo(async () => ({
  ...(await impl.load<Pick<Implementation, 'createPicker'>>('pickers.ts')),
  ...(await impl.load<Pick<Implementation, 'createProxy'>>('proxy.ts')),
  ...(await impl.load<Pick<Implementation, 'Dispatcher'>>('dispatcher.ts')),
  ...(await impl.load<Pick<Implementation, 'PassiveHealth' | 'ActiveHealthCheck'>>('health.ts')),
  ...(await impl.load<Pick<Implementation, 'Upstream'>>('reload.ts')),
}))
const balancer = await explainTodo(() => new Balancer(config, implementation))
// nginx -s reload: re-read the file; a bad file is reported and the running config kept.
const file = args.config
if (file) {
  process.on('SIGHUP', () => {
    try {
      balancer.reload(readConfig(file))
      console.log(`reloaded ${file}`)
    } catch (error) {
      console.error(`reload: ${(error as Error).message}; keeping the running configuration`)
    }
  })
}

await serveLesson(
  `Load balancer (${config.algorithm}, ${config.backends.length} backend${config.backends.length === 1 ? '' : 's'}) from ${impl.dir}`,
  args.port,
  () => balancer.server,
  { afterDrain: async () => balancer.close() },
)
