import type { Reporter, TestModule } from 'vitest/node'

/** Prints how many database tests ran on each engine, so the CI log shows the real PostgreSQL ones ran. */
export default class EngineCountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { pglite: 0, postgres: 0 }
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (test.result().state !== 'passed') continue
        if (/\bon pglite\b/.test(test.fullName)) counts.pglite++
        if (/\bon postgres\b/.test(test.fullName)) counts.postgres++
      }
    }
    const real = process.env.TEST_DATABASE_URL
      ? ''
      : ' (set TEST_DATABASE_URL to run them on real PostgreSQL too)'
    console.log(
      `\nDatabase tests passed: ${counts.pglite} on PGlite (PostgreSQL 18), ${counts.postgres} on PostgreSQL server${real}`,
    )
  }
}
