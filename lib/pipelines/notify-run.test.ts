import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "../env.ts";
import { notifyRun } from "./notify-run.ts";

const payload = { pipeline: "crypto-events", runId: "r1", summary: "3 inserted" };

async function receiver(status: number) {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      bodies.push({ method: req.method, type: req.headers["content-type"], body: JSON.parse(body) });
      res.writeHead(status).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.CHURNOPS_NOTIFY_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=secret`;
  resetEnvCache();
  return { bodies, close: () => server.close() };
}

afterEach(() => {
  delete process.env.CHURNOPS_NOTIFY_URL;
  resetEnvCache();
  vi.restoreAllMocks();
});

describe("notifyRun", () => {
  it("writes one line to stderr (never stdout) when CHURNOPS_NOTIFY_URL is unset", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, "write");
    const result = await notifyRun(payload);
    expect(result).toEqual({ delivered: false, note: expect.stringContaining("crypto-events run r1: 3 inserted") });
    expect(err).toHaveBeenCalledWith(`${result.note}\n`);
    expect(out).not.toHaveBeenCalled();
  });

  it("POSTs the payload as JSON and names the receiver without its query string", async () => {
    const r = await receiver(204);
    try {
      const result = await notifyRun(payload);
      expect(result).toEqual({ delivered: true, note: expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:\d+\/hook → 204$/) });
      expect(r.bodies).toEqual([{ method: "POST", type: "application/json", body: payload }]);
    } finally {
      r.close();
    }
  });

  it("fails when the receiver answers an error, saying the data is merged and what to do", async () => {
    const r = await receiver(500);
    try {
      await expect(notifyRun(payload)).rejects.toThrow(/HTTP 500\. The data is merged; only the notification is missing\. To fix:/);
    } finally {
      r.close();
    }
  });
});
