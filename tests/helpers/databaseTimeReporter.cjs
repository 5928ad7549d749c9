/**
 * Prints how much of a Jest run went to the tests on MongoDB: for each test under a describe
 * naming `mongodb`, the time since the test before it in its file finished, so its hooks (the
 * Payload or server it starts) count too. Without TEST_MONGODB_URI there are none and it is quiet.
 */
class DatabaseTimeReporter {
  constructor() {
    this.lastFinished = new Map()
    this.milliseconds = 0
    this.tests = 0
  }

  onTestFileStart(test) {
    this.lastFinished.set(test.path, Date.now())
  }

  onTestCaseResult(test, result) {
    const now = Date.now()
    const since = now - (this.lastFinished.get(test.path) ?? now)
    this.lastFinished.set(test.path, now)
    if (result.ancestorTitles.some((title) => /\bmongodb\b/.test(title))) {
      this.milliseconds += since
      this.tests += 1
    }
  }

  onRunComplete() {
    if (this.tests === 0) return
    process.stdout.write(
      `MongoDB: ${this.tests} tests took ${Math.round(this.milliseconds / 1000)} s of this run (with their hooks)\n`,
    )
  }
}

module.exports = DatabaseTimeReporter
