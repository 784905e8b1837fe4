// Run: node lessons/04-event-loop/snippets/blocked-timer.cjs
setTimeout(() => console.log('timeout of 10 ms'), 10)
const started = Date.now()
while (Date.now() - started < 50) {
  // 50 ms of work that never gives the thread back
}
console.log('50 ms of sync work done')
