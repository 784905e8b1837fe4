// What each exercise of this lesson must export. The tests call your code
// through these types, and the reference solution implements the same ones.
import type { HttpBindings } from '@hono/node-server'
import type { Hono } from 'hono'
import type Koa from 'koa'

/** Where a /cpu request's work runs: inline on the loop unless a cure says otherwise. */
export type CpuRunner = (units: number) => number | Promise<number>

/** What both apps take (exercises 1 and 2). */
export interface AsyncAppOptions {
  /** Runs the CPU work of /cpu (exercises 3 and 4); inline on the event loop when left out. */
  cpu?: CpuRunner
}

/** Exercise 1 (koa-app.ts). */
export interface KoaAppOptions extends AsyncAppOptions {
  /** Runs right after the timeline middleware, before anything else (exercise 5's load shedder). */
  shedder?: Koa.Middleware
}

export type CreateKoaApp = (options?: KoaAppOptions) => Koa

/** Exercise 2 (hono-app.ts): what the layers tell each other, through c.set() and c.get(). */
export interface HonoAppEnv {
  /** On Node, @hono/node-server's request and response; absent under app.request(). */
  Bindings: Partial<HttpBindings>
  Variables: {
    /** When the request came in (the timeline middleware sets it first). */
    accepted: number
  }
}

export type CreateHonoApp = (options?: AsyncAppOptions) => Hono<HonoAppEnv>

/** Exercise 3 (chunked-cpu.ts): the same checksum as cpuWork(units), computed in pieces. */
export type CpuInChunks = (units: number, chunkUnits: number) => Promise<number>

/** Exercise 4 (offload-cpu.ts). */
export interface CpuOffloadOptions {
  threads: number
  /** Tasks allowed to wait for a free thread; one more fails at once. */
  maxQueue: number
}

export interface CpuOffload {
  /**
   * Runs cpuWork(units) on a pool thread and resolves with its checksum; when
   * every thread is busy and the queue is full, rejects at once with a 503
   * error (http-errors) that carries a Retry-After header.
   */
  cpu(units: number): Promise<number>
  /** Resolves once every thread has started. */
  ready(): Promise<void>
  close(): Promise<void>
}

export type CreateCpuOffload = (options: CpuOffloadOptions) => CpuOffload

/** Exercise 5 (load-shedder.ts). */
export interface ShedderOptions {
  /** Requests allowed in flight at once; the next one gets 503 at once. */
  maxInFlight?: number
  /** Refuse new requests while the event loop runs more than this late (ms). */
  maxEventLoopDelayMs?: number
  /** The Retry-After header of a refused request, in seconds. */
  retryAfterSeconds?: number
}

export interface LoadShedder {
  middleware: Koa.Middleware
  /** Stops the event-loop monitor. */
  close(): void
}

export type CreateLoadShedder = (options: ShedderOptions) => LoadShedder
