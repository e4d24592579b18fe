#!/usr/bin/env node
// The churnops CLI. Sources are TypeScript run through tsx, so there is no separate build step.
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (!process.env.CHURNOPS_CWD_KEEP) process.chdir(root); // data folder, migrations and workers resolve from the project root
await import("./register-hooks.mjs"); // tsx + `server-only` (see there)
if (process.argv[2] === "worker") {
  // The worker serves inngest/ functions; lib/ (and so the CLI's command table) never imports inngest/.
  process.argv.splice(2, 1);
  await import("../inngest/worker-main.ts");
} else {
  const { main } = await import("../lib/cli/main.ts");
  process.exitCode = await main(process.argv.slice(2));
}
