import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer, type EmbeddedServer } from "../../lib/db/embedded-server.ts";
import { applyMigrations } from "../../lib/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    churnopsHome: string;
  }
}

/** One fresh, migrated database per test run and engine; removed afterwards so runs never see each other's rows. */
export default async function setup(project: TestProject) {
  const engine = process.env.CHURNOPS_TEST_ENGINE ?? project.config.env?.CHURNOPS_TEST_ENGINE;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `churnops-test-${engine}-`));
  let url: string;
  let server: EmbeddedServer | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (engine === "postgres") {
    const admin = process.env.DATABASE_URL!;
    const name = `churnops_test_${process.pid}_${Date.now()}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    server = await startEmbeddedServer(path.join(home, "pglite"));
    url = server.url;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await applyMigrations(client);
  await client.end();
  project.provide("databaseUrl", url);
  project.provide("churnopsHome", home);
  return async () => {
    await server?.stop();
    await drop?.();
    fs.rmSync(home, { recursive: true, force: true });
  };
}
