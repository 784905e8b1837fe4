// Servers load only what serves: every lesson's servers, with their worker
// processes and pool threads, are started and used, and the modules they
// loaded are checked against the course's test and benchmark tooling.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { moduleLogEnv, startServer, toolingModulesIn } from '@course/common/harness'
import { send } from '@course/common/load'
import { loadLessons } from '@course/lessons/course'
import { afterAll, describe, expect, it } from 'vitest'

const logs = mkdtempSync(join(tmpdir(), 'course-modules-'))
afterAll(() => rmSync(logs, { recursive: true, force: true }))

describe('a lesson server and its workers', () => {
  for (const lesson of loadLessons()) {
    for (const [name, entry] of Object.entries(lesson.servers)) {
      it(`load no test or benchmark tooling (lesson ${lesson.number}, ${name})`, async () => {
        const log = join(logs, `${lesson.slug}-${name}.log`)
        const server = await startServer({
          entry: join(lesson.dir, entry),
          env: { COURSE_IMPL: 'solution', ...moduleLogEnv(log) },
        })
        try {
          // Real requests, so every worker or thread has served and loaded what serving needs.
          for (let i = 0; i < 4; i++) {
            for (const path of ['/io?ms=1', '/cpu?n=1', '/whoami']) {
              expect((await send(server.baseUrl, { path })).status).toBe(200)
            }
          }
        } finally {
          await server.stop()
        }
        const loaded = readFileSync(log, 'utf8')
        // The recorder must have seen the server itself, or an empty list below proves nothing.
        expect(loaded).toContain(entry)
        expect(
          toolingModulesIn(log),
          `${entry} (or a worker or thread it started) loaded test tooling: import servers' code only from runtime subpaths (@course/common/app, /http, /work, /serve, ...)`,
        ).toEqual([])
      })
    }
  }
})
