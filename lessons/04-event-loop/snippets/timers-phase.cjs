// Run: node lessons/04-event-loop/snippets/timers-phase.cjs
setTimeout(() => {
  console.log('timeout 1')
  setTimeout(() => console.log('timeout 2'), 0)
  setImmediate(() => console.log('immediate'))
}, 0)
