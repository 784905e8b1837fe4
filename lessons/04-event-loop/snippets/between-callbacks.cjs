// Run: node lessons/04-event-loop/snippets/between-callbacks.cjs
setImmediate(() => {
  console.log('immediate 1')
  Promise.resolve().then(() => console.log('promise'))
  process.nextTick(() => console.log('nextTick'))
})
setImmediate(() => console.log('immediate 2'))
