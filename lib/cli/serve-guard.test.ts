import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env.ts";
import { commands } from "./commands.ts";

describe("churnops serve", () => {
  afterEach(() => {
    for (const name of ["CHURNOPS_ADMIN_TOKEN", "INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete process.env[name];
    resetEnvCache();
  });

  it("refuses to listen on a non-loopback address without CHURNOPS_ADMIN_TOKEN", async () => {
    delete process.env.CHURNOPS_ADMIN_TOKEN;
    resetEnvCache();
    for (const host of ["0.0.0.0", "192.168.1.10", "::"]) {
      await expect(commands.serve.run([], { host })).rejects.toThrow(/refusing to listen on .* without CHURNOPS_ADMIN_TOKEN/);
    }
  });

  it("refuses to start with an Inngest endpoint that would run unsigned requests", async () => {
    process.env.CHURNOPS_ADMIN_TOKEN = "a-long-enough-admin-token";
    process.env.INNGEST_DEV = "1";
    resetEnvCache();
    await expect(commands.serve.run([], { host: "0.0.0.0" })).rejects.toThrow(/INNGEST_DEV turns off Inngest's request signatures/);
    delete process.env.INNGEST_DEV;
    process.env.INNGEST_EVENT_KEY = "event-key";
    resetEnvCache();
    await expect(commands.serve.run([], { host: "127.0.0.1" })).rejects.toThrow(/without INNGEST_SIGNING_KEY/);
  });
});
