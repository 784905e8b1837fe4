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
    },
  })
}
