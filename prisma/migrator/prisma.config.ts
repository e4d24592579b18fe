// Prisma 6.19 CLI used ONLY to generate migration SQL (`migrate diff`). Offline: engine "js" runs the wasm schema
// engine through a driver adapter. Needs env PRISMA_QUERY_ENGINE_LIBRARY=/bin/false (else the CLI downloads libquery_engine).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const u = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
// Discrete fields, not connectionString: PrismaPg.connectToShadowDb() spreads this config with another database name.
const pgConfig = {
  host: u.hostname,
  port: Number(u.port || 5432),
  user: decodeURIComponent(u.username),
  password: decodeURIComponent(u.password),
  database: u.pathname.slice(1),
  allowExitOnIdle: true,
  idleTimeoutMillis: 200,
};

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "../migrations" },
  adapter: async () => new PrismaPg(pgConfig),
});
