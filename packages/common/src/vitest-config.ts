import { defineConfig } from 'vitest/config'

/**
 * The test settings every lesson shares. Test files run one after another:
 * these tests measure time on a 2-core machine, and two files fighting for
 * the cores would distort each other's shapes.
 */
export function lessonTestConfig() {
  return defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      pool: 'forks',
      fileParallelism: false,
      testTimeout: 30_000,
      hookTimeout: 30_000,
      // A failure should point at the learner's line or the test's, never
      // into the course's own harness (todo(), failure(), the contract suite).
      onStackTrace: (_error, frame) => !frame.file.includes('/packages/common/src/'),
    },
  })
}
