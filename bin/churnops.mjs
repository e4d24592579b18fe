#!/usr/bin/env node
// The churnops CLI. Sources are TypeScript; there is no separate build step. The CLI's own modules are bundled with
// esbuild (a dependency of tsx) into node_modules/.cache/churnops-cli on first use and whenever one of them
// changes: registering tsx's loader and transforming ~150 files cost about a second per command on a busy 2-core
// machine, most of `churnops runs`' budget. If bundling fails for any reason, the sources run through tsx as before.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const bin = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(bin), "..");
if (!process.env.CHURNOPS_CWD_KEEP) process.chdir(root); // data folder, migrations and workers resolve from the project root

const CACHE = path.join(root, "node_modules", ".cache", "churnops-cli");
const MANIFEST = path.join(CACHE, "manifest.json");
const ENTRY = "lib/cli/main.ts";

/** The bundle's main.mjs if every source it was built from is unchanged since, else null. */
function currentBundle() {
  try {
    const m = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
    for (const input of m.inputs) if (fs.statSync(path.join(root, input)).mtimeMs > m.builtAt) return null;
    const main = path.join(CACHE, m.dir, "main.mjs");
    return fs.existsSync(main) ? main : null;
  } catch {
    return null;
  }
}

async function buildBundle() {
  const esbuild = await import("esbuild");
  const builtAt = Date.now();
  const dir = `${builtAt}-${process.pid}`;
  const outdir = path.join(CACHE, dir);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: ENTRY },
    bundle: true,
    splitting: true, // dynamic imports stay lazy: `runs` never loads Inngest or the S3 SDK
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outdir,
    outExtension: { ".js": ".mjs" },
    // `server-only` throws outside Next's react-server condition; in the bundle it is the empty module it stands for.
    alias: { "server-only": "./node_modules/server-only/empty.js" },
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  const tmp = `${MANIFEST}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ builtAt, dir, inputs }));
  fs.renameSync(tmp, MANIFEST);
  // Older bundles: a command started before may still load lazy chunks from its own, so keep the recent ones.
  for (const old of fs.readdirSync(CACHE)) {
    const at = Number(old.split("-")[0]);
    if (old !== dir && at && builtAt - at > 3_600_000) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
  }
  return path.join(outdir, "main.mjs");
}

async function loadMain() {
  if (!process.env.CHURNOPS_CLI_TSX) {
    try {
      const bundle = currentBundle() ?? (await buildBundle());
      return (await import(pathToFileURL(bundle).href)).main;
    } catch (e) {
      if (process.env.CHURNOPS_DEBUG) console.error("churnops: running from sources (bundling failed):", e);
    }
  }
  await import("./register-hooks.mjs"); // tsx + `server-only` (see there)
  return (await import("../lib/cli/main.ts")).main;
}

if (process.argv[2] === "worker") {
  // The worker serves inngest/ functions; lib/ (and so the CLI's command table) never imports inngest/.
  process.argv.splice(2, 1);
  await import("./register-hooks.mjs");
  await import("../inngest/worker-main.ts");
} else {
  const main = await loadMain();
  process.exitCode = await main(process.argv.slice(2), { bin });
}
