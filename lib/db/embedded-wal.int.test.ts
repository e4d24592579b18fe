import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "./client.ts";
import { query } from "./sql.ts";
import { trimEmbeddedWal } from "./embedded-wal.ts";

const walBytes = async () => (await query<{ bytes: number }>("SELECT coalesce(sum(size), 0)::float8 AS bytes FROM pg_ls_waldir()"))[0]!.bytes;
const MB = 1024 * 1024;

describe("trimEmbeddedWal", () => {
  afterAll(async () => {
    await query("DROP TABLE IF EXISTS public.wal_probe");
  });

  it("leaves the embedded folder with at most max_wal_size of WAL after a large write (Postgres: nothing to do)", async () => {
    const { engine } = await getDb();
    await query("DROP TABLE IF EXISTS public.wal_probe");
    await query("CREATE TABLE public.wal_probe AS SELECT g, repeat(md5(g::text), 8) AS pad FROM generate_series(1, 600000) g");
    if (engine !== "embedded") {
      await expect(trimEmbeddedWal(1)).resolves.toBeUndefined();
      return;
    }
    expect((await query<{ max_wal_size: string }>("SHOW max_wal_size"))[0]!.max_wal_size).toBe("64MB");
    // A small buffer pool: initialising it was much of a cold open (embedded-server.ts START_PARAMS).
    expect((await query<{ shared_buffers: string }>("SHOW shared_buffers"))[0]!.shared_buffers).toBe("32MB");
    expect(await walBytes()).toBeGreaterThan(128 * MB); // PGlite's backend does not checkpoint by itself
    await trimEmbeddedWal();
    // Old segments are removed, not kept for reuse (wal_recycle off): what stays is the current segment and the next.
    expect((await query<{ wal_recycle: string }>("SHOW wal_recycle"))[0]!.wal_recycle).toBe("off");
    expect(await walBytes()).toBeLessThanOrEqual(2 * 16 * MB);
  });
});
