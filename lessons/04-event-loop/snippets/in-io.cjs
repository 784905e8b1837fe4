// Run: node lessons/04-event-loop/snippets/in-io.cjs
const { readFile } = require('node:fs')

readFile(__filename, () => {
  console.log('readFile callback')
  setTimeout(() => console.log('timeout'), 0)
  setImmediate(() => console.log('immediate'))
  process.nextTick(() => console.log('nextTick'))
})
