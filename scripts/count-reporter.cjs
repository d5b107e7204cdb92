// Prints one plain closing line, "tests: N passed, N failed[, N skipped]", that any CI log reader understands.
class CountReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numFailedTestSuites - results.snapshot.filesRemovedList.length;
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    process.stdout.write(
      `\ntests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
    if (failedSuites > 0 && failed === 0) process.stdout.write(`(${failedSuites} test files failed to run)\n`);
  }
}
module.exports = CountReporter;
