import type { Lane } from './lane.ts'

/** How the pictures show a phase: a character in the terminal, a colour in SVG. */
export interface PhaseLook {
  glyph: string
  colour: string
}

// Waiting looks empty and work looks solid in every picture, whichever lesson
// names the phases; a phase no one planned for still gets a look of its own.
const PREFERRED: Record<string, PhaseLook> = {
  waiting: { glyph: '.', colour: '#ddd' },
  queued: { glyph: ':', colour: '#bbb' },
  ready: { glyph: ':', colour: '#bbb' },
  wait: { glyph: '~', colour: '#cde' },
  parked: { glyph: '~', colour: '#cde' },
  served: { glyph: '#', colour: '#9bd' },
  'at backend': { glyph: '#', colour: '#9bd' },
  running: { glyph: '#', colour: '#9bd' },
  cpu: { glyph: '#', colour: '#fb9' },
}
const SPARE_GLYPHS = ['=', '+', '*', '%', 'o', 'x', '@', '&']
// Pale, so that no phase is mistaken for a worker: the SVG gives workers the strong colours.
const SPARE_COLOURS = ['#bdb', '#dbe', '#eec', '#cbb', '#dcb', '#bcd']

/**
 * One look per phase in these lanes, in the order the phases first appear. Two
 * phases never share a glyph or a colour in one picture: the second to want
 * one takes a spare.
 */
export function phaseLooks(lanes: readonly Lane[]): Map<string, PhaseLook> {
  const looks = new Map<string, PhaseLook>()
  const glyphs = new Set<string>()
  const colours = new Set<string>()
  const take = (wanted: string | undefined, taken: Set<string>, spares: string[]) => {
    const pick = wanted && !taken.has(wanted) ? wanted : spares.find((spare) => !taken.has(spare))
    const chosen = pick ?? '?'
    taken.add(chosen)
    return chosen
  }
  for (const { phase } of lanes.flatMap((lane) => lane.intervals)) {
    if (looks.has(phase)) continue
    const preferred = PREFERRED[phase]
    looks.set(phase, {
      glyph: take(preferred?.glyph, glyphs, SPARE_GLYPHS),
      colour: take(preferred?.colour, colours, SPARE_COLOURS),
    })
  }
  return looks
}
