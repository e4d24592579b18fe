import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env.ts";
import { commands } from "./commands.ts";

describe("churnops serve", () => {
  afterEach(() => {
    delete process.env.CHURNOPS_ADMIN_TOKEN;
    resetEnvCache();
  });

  it("refuses to listen on a non-loopback address without CHURNOPS_ADMIN_TOKEN", async () => {
    delete process.env.CHURNOPS_ADMIN_TOKEN;
    resetEnvCache();
    for (const host of ["0.0.0.0", "192.168.1.10", "::"]) {
      await expect(commands.serve.run([], { host })).rejects.toThrow(/refusing to listen on .* without CHURNOPS_ADMIN_TOKEN/);
    }
  });
});
