// Run: node lessons/04-event-loop/snippets/microtasks.cjs
Promise.resolve().then(() => {
  console.log('promise 1')
  process.nextTick(() => console.log('nextTick 2'))
  Promise.resolve().then(() => console.log('promise 2'))
})
queueMicrotask(() => console.log('queueMicrotask'))
process.nextTick(() => console.log('nextTick 1'))
