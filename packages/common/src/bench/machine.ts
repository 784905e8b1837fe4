// Every result says where it was measured. A figure from a 2-core laptop
// and one from a 64-core server are different facts, and a load average
// of 3 at the start says the machine was busy before the benchmark began.
import { arch, availableParallelism, cpus, loadavg, platform, totalmem } from 'node:os'

export interface Machine {
  cores: number
  cpuModel: string
  node: string
  platform: string
  memoryGiB: number
  /** 1, 5 and 15 minute load averages when the run started (0 on Windows). */
  loadAverage: [number, number, number]
}

export function describeMachine(): Machine {
  const [one = 0, five = 0, fifteen = 0] = loadavg()
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${platform()} ${arch()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: [one, five, fifteen],
  }
}

/** One line for a table's caption: "2 cores (AMD EPYC 7B13), Node v20.20.2, load 0.42 at start". */
export function machineLine(machine: Machine): string {
  return `${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, load ${machine.loadAverage[0].toFixed(2)} at start`
}
