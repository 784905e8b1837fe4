import { cpSync } from 'node:fs'
import { courseRoot, loadLessons } from '@course/lessons/course'
import { exercisePath } from '@course/lessons/lesson'
import { resolveExercise } from '@course/lessons/names'
import { backedUpFile, backUp, isUntouched, listBackups } from '../course/backups.ts'
import { type Command, parseCommandArgs } from '../course/command.ts'
import { UsageError } from '../course/errors.ts'
import { pc, shown } from '../course/output.ts'

export const reset: Command = {
  name: 'reset',
  summary: 'restore an exercise to its starter, keeping a backup of your version',
  usage: `pnpm course reset <exercise>
pnpm course reset --list
pnpm course reset --restore <stamp> <exercise>

  <exercise>            back up your file to .course/backups/<stamp>/, then put the starter back
  --list                list the backups, newest last
  --restore <stamp>     bring a backed-up file back (your current file is backed up first)`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('reset', args, {
      list: { type: 'boolean' },
      restore: { type: 'string' },
    })
    const root = courseRoot
    if (values.list) {
      const backups = listBackups(root)
      if (backups.length === 0) console.log('No backups yet.')
      for (const backup of backups)
        console.log(`${pc.bold(backup.stamp)}  ${backup.files.join(', ')}`)
      return 0
    }
    const [name] = positionals
    if (!name) throw new UsageError('reset: name an exercise, e.g. pnpm course reset parse-request')
    const { lesson, exercise } = resolveExercise(name, loadLessons())
    const mine = exercisePath(lesson, exercise, 'src')

    if (values.restore !== undefined) {
      const source = backedUpFile(root, values.restore, lesson, exercise)
      if (!source) {
        throw new UsageError(
          `reset: no backup of ${exercise.id} at "${values.restore}" (see pnpm course reset --list)`,
        )
      }
      const stamp = backUp(root, lesson, exercise)
      cpSync(source, mine)
      console.log(`Restored ${shown(mine, root)} from ${values.restore}.`)
      if (stamp) console.log(pc.dim(`The version it replaced is in .course/backups/${stamp}/.`))
      return 0
    }

    if (isUntouched(lesson, exercise)) {
      console.log(`${shown(mine, root)} is already the starter; nothing to do.`)
      return 0
    }
    const stamp = backUp(root, lesson, exercise)
    cpSync(exercisePath(lesson, exercise, 'starter'), mine)
    console.log(`Reset ${shown(mine, root)} to the starter.`)
    if (stamp) {
      console.log(
        `Your version is kept in .course/backups/${stamp}/${lesson.slug}/${exercise.file}`,
      )
      console.log(pc.dim(`Bring it back with: pnpm course reset --restore ${stamp} ${exercise.id}`))
    }
    return 0
  },
}
