import { type FSWatcher, readdirSync, watch as watchFiles } from 'node:fs'
import { join } from 'node:path'
import { loadLessons } from '@course/lessons/course'
import { chooseImplementation, implementationDir } from '@course/lessons/implementation'
import type { Lesson } from '@course/lessons/lesson'
import { resolveTarget } from '@course/lessons/names'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { runExercises } from '../course/exercise-run.ts'
import { pc } from '../course/output.ts'

/** Folders of a lesson that hold nothing its tests run. */
const unwatched = new Set(['node_modules', '.impl', '.course', 'bench', 'hints', 'starter'])

/**
 * The folders whose files a test run can load: the lesson's own (src/,
 * solution/, test/, bin/...) and the implementation's. vitest's own watcher
 * cannot do this: the learner's code is loaded by a dynamic import, often in
 * a server process or a pool thread, outside any module graph it follows.
 */
function watchedFolders(lesson: Lesson, implementation: string): string[] {
  const folders = readdirSync(lesson.dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !unwatched.has(entry.name))
    .map((entry) => join(lesson.dir, entry.name))
  const own = implementationDir(lesson.dir, implementation)
  return folders.includes(own) ? folders : [...folders, own]
}

const isCode = (file: string | null) => !file || /\.(ts|mts|js|mjs|json)$/.test(file)

export const watch: Command = {
  name: 'watch',
  summary: 'run the tests of one lesson or exercise again on every save',
  usage: `pnpm course watch <lesson|exercise> [--solution]

Runs the tests, then again each time you save a file of the lesson (yours in
src/, or anything the tests load). When they pass it says so and names the
next exercise. Press r to re-run by hand (where saves are not seen, in some
network or container folders, press r after each save), q to quit.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('watch', args, {
      solution: { type: 'boolean' },
    })
    const [name] = positionals
    if (!name)
      throw new UsageError(
        'watch: name one lesson or exercise, e.g. pnpm course watch parse-request',
      )
    const lessons = loadLessons()
    const target = resolveTarget(name, lessons)
    const implementation = chooseImplementation(values.solution)
    const banner = pc.dim(`Watching lesson ${target.lesson.number}: press r to re-run, q to quit.`)

    let running = false
    let again = false
    const rerun = async () => {
      if (running) {
        again = true
        return
      }
      running = true
      do {
        again = false
        await runExercises(target, lessons, implementation)
        console.log(banner)
      } while (again)
      running = false
    }

    let timer: NodeJS.Timeout | undefined
    // Editors save in bursts (write, rename, chmod): one re-run per burst.
    const onSave = (_event: string, file: string | null) => {
      if (!isCode(file)) return
      clearTimeout(timer)
      timer = setTimeout(rerun, 100)
    }
    const watchers: FSWatcher[] = watchedFolders(target.lesson, implementation).map((folder) =>
      watchFiles(folder, { recursive: true }, onSave),
    )

    return new Promise<number>((resolve) => {
      const quit = () => {
        clearTimeout(timer)
        for (const watcher of watchers) watcher.close()
        if (process.stdin.isTTY) process.stdin.setRawMode(false)
        process.stdin.pause()
        resolve(0)
      }
      process.once('SIGINT', quit)
      process.once('SIGTERM', quit)
      if (process.stdin.isTTY) {
        process.stdin.setRawMode(true)
        process.stdin.on('data', (key: Buffer) => {
          const text = key.toString()
          if (text === 'q' || text === '\u0003') quit()
          else if (text === 'r') void rerun()
        })
      }
      void rerun()
    })
  },
}
