// Run: node lessons/04-event-loop/snippets/await.cjs
async function task() {
  console.log('task starts')
  await null
  console.log('task resumes')
}
task()
Promise.resolve().then(() => console.log('promise'))
console.log('sync')
