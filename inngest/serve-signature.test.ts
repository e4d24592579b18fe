import { afterAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "../lib/env.ts";

// The real /api/inngest route module, loaded with a signing key set: outside dev mode Inngest must refuse
// requests that are not signed with it.
describe("/api/inngest", () => {
  afterAll(() => {
    delete process.env.INNGEST_SIGNING_KEY;
    delete process.env.INNGEST_DEV;
    resetEnvCache();
    vi.resetModules();
  });

  it("rejects unsigned calls when INNGEST_SIGNING_KEY is set (production mode)", async () => {
    process.env.INNGEST_SIGNING_KEY = "signkey-prod-" + "ab".repeat(32);
    delete process.env.INNGEST_DEV;
    resetEnvCache();
    vi.resetModules();
    const route = await import("../app/api/inngest/route.ts");
    const url = "http://127.0.0.1:3000/api/inngest?fnId=churnops-pipeline-elearning-sample&stepId=step";
    const post = await route.POST(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ event: {}, events: [], steps: {}, ctx: {} }) }) as never, undefined as never);
    expect(post.status).toBe(401);
    const forged = await route.POST(new Request(url, { method: "POST", headers: { "content-type": "application/json", "x-inngest-signature": "t=1700000000&s=" + "00".repeat(32) }, body: "{}" }) as never, undefined as never);
    expect(forged.status).toBe(401);
  });
});
