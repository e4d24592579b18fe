// Prints one closing line over every test runner's JSON report: "tests: N passed, N failed, N skipped".
import fs from "node:fs";

let passed = 0, failed = 0, skipped = 0;
const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : null);
const vitest = read("reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  if (!vitest.success && vitest.numFailedTests === 0) failed += 1; // a suite that failed to load
}
const e2e = read("reports/e2e.json");
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
  skipped += e2e.stats.skipped;
}
for (const reason of process.argv.slice(2)) console.log(`SKIPPED ${reason}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
