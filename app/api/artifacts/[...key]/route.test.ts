import { describe, expect, it } from "vitest";
import { GET } from "./route.ts";

// Whatever Next hands the handler (it passes undecodable segments through raw), a malformed or traversing key is a
// 400 naming the problem, never a 500 and never a store lookup. The full-path case, where Next's own decoding fails
// before any handler runs, is answered by the request guard (lib/security/request-guard.ts).
const get = (segments: string[]) => GET(new Request(`http://127.0.0.1:3000/api/artifacts/${segments.join("/")}`), { params: Promise.resolve({ key: segments }) });

describe("GET /api/artifacts/[...key]", () => {
  it("answers 400 for malformed percent-encodings and traversal, before touching the store", async () => {
    const keys = [
      ["%c0%ae%c0%ae", "etc", "passwd"], // overlong UTF-8 for "..": decodeURIComponent throws URIError
      ["..", "etc", "passwd"],
      ["%2e%2e", "etc", "passwd"],
      ["%252e%252e", "etc", "passwd"],
      ["%zz"],
      ["a%"],
      ["%ed%a0%80"], // an encoded lone surrogate
      ["a", "%00", "b"],
    ];
    for (const key of keys) {
      const res = await get(key);
      expect(res.status, key.join("/")).toBe(400);
      expect(await res.json()).toMatchObject({ error: "INVALID_INPUT", message: expect.stringMatching(/not a valid artifact key/) });
    }
  });
});
