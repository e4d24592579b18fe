// `npm run demo`: generate the Prisma client, build the app if needed, then serve it on the embedded database
// with the sample data loaded on first start. One command on a fresh machine.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, ["node_modules/prisma/build/index.js", "generate"]);

// Rebuild when any source is newer than the last build.
const newest = (dir) => {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
};
const buildId = path.join(root, ".next/BUILD_ID");
const sources = Math.max(...["app", "lib", "inngest", "public"].filter((d) => fs.existsSync(d)).map(newest));
if (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < sources || process.env.CHURNOPS_REBUILD) {
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
}

const child = spawn(process.execPath, ["bin/churnops.mjs", "serve", "--seed", ...process.argv.slice(2)], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
