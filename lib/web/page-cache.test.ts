import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache, PAGE_CACHE_HEADER, type PageCacheOptions } from "./page-cache.ts";

// A real HTTP server with the cache in front of a counting renderer standing in for Next.
interface Harness {
  url: string;
  renders: () => number;
  /** While held, renders wait before answering; release() lets every waiting render answer. */
  hold: () => void;
  release: () => void;
  setClock: (ms: number) => void;
  close: () => Promise<void>;
}

const servers: Harness[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

type Respond = (req: IncomingMessage, res: ServerResponse, n: number) => void;
const html: Respond = (_req, res, n) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`render ${n}`);
};

async function harness(respond: Respond = html, options: Partial<PageCacheOptions> = {}): Promise<Harness> {
  let clock = 1_000_000;
  let count = 0;
  let gate: Promise<void> | null = null;
  let open = () => {};
  const cache = createPageCache({ freshMs: 1000, staleMs: 10_000, maxEntries: 50, maxBodyBytes: 1 << 20, now: () => clock, ...options });
  const server = http.createServer((req, res) => {
    void cache.handle(req, res, async (rq, rs) => {
      const n = ++count;
      if (gate && rq.method === "GET") await gate; // a held server still answers changes (POST) at once
      respond(rq, rs, n);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const h: Harness = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    renders: () => count,
    hold: () => {
      gate = new Promise((r) => (open = r));
    },
    release: () => {
      gate = null;
      open();
    },
    setClock: (ms) => (clock = ms),
    close: () => new Promise((r) => server.close(() => r())),
  };
  servers.push(h);
  return h;
}

async function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  const res = await fetch(url, { method, headers });
  return { status: res.status, body: await res.text(), cache: res.headers.get(PAGE_CACHE_HEADER), headers: res.headers };
}

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

describe("page cache", () => {
  it("serves an identical request within freshMs from the first render, and renders again after it", async () => {
    const h = await harness();
    expect(await get(`${h.url}/runs`)).toMatchObject({ body: "render 1", cache: "miss" });
    const second = await get(`${h.url}/runs`);
    expect(second).toMatchObject({ status: 200, body: "render 1", cache: "hit" });
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    h.setClock(1_000_000 + 999);
    expect((await get(`${h.url}/runs`)).cache).toBe("hit");
    h.setClock(1_000_000 + 1000);
    expect(await get(`${h.url}/runs`)).toMatchObject({ body: "render 2", cache: "miss" });
    expect(h.renders()).toBe(2);
  });

  it("keeps responses for different URLs, cookies, Authorization and RSC requests apart", async () => {
    const h = await harness();
    const variants: [string, Record<string, string>][] = [
      ["/", {}],
      ["/?status=failed", {}],
      ["/", { cookie: "churnops_admin=a" }],
      ["/", { cookie: "churnops_admin=b" }],
      ["/", { authorization: "Bearer x" }],
      ["/", { rsc: "1" }],
      ["/", { rsc: "1", "next-router-state-tree": "%5B%22%22%5D" }],
      ["/", { "accept-encoding": "identity" }],
    ];
    for (const [path, headers] of variants) expect((await get(h.url + path, headers)).cache).toBe("miss");
    expect(h.renders()).toBe(variants.length);
    // Each variant now has its own entry, answered without rendering.
    for (const [path, headers] of variants) expect((await get(h.url + path, headers)).cache).toBe("hit");
    expect(h.renders()).toBe(variants.length);
  });

  it("renders once for identical requests that arrive together, and the others share that render", async () => {
    const h = await harness();
    h.hold();
    const all = Promise.all(Array.from({ length: 6 }, () => get(`${h.url}/`)));
    await until(() => h.renders() === 1);
    await new Promise((r) => setTimeout(r, 50)); // the other five are waiting now
    h.release();
    const results = await all;
    expect(h.renders()).toBe(1);
    expect(results.map((r) => r.body)).toEqual(Array(6).fill("render 1"));
    expect(results.filter((r) => r.cache === "shared")).toHaveLength(5);
  });

  it("serves the expired page while one request renders anew, but never one older than staleMs", async () => {
    const h = await harness();
    await get(`${h.url}/`);
    h.setClock(1_000_000 + 5000);
    h.hold();
    const renewing = get(`${h.url}/`);
    await until(() => h.renders() === 2);
    expect(await get(`${h.url}/`)).toMatchObject({ body: "render 1", cache: "stale" });
    h.release();
    expect(await renewing).toMatchObject({ body: "render 2", cache: "miss" });
    expect(await get(`${h.url}/`)).toMatchObject({ body: "render 2", cache: "hit" });

    h.setClock(1_000_000 + 5000 + 10_000); // render 2 is now too old to serve even while another render runs
    h.hold();
    const renewing2 = get(`${h.url}/`);
    await until(() => h.renders() === 3);
    const waiting = get(`${h.url}/`);
    await new Promise((r) => setTimeout(r, 50));
    h.release();
    expect(await renewing2).toMatchObject({ body: "render 3" });
    expect(await waiting).toMatchObject({ body: "render 3", cache: "shared" });
  });

  it("a request that changes something empties the cache, and a render begun before it is not kept", async () => {
    const h = await harness((req, res, n) => html(req, res, n));
    await get(`${h.url}/runs`);
    expect((await get(`${h.url}/runs`)).cache).toBe("hit");
    await get(`${h.url}/runs`, {}, "POST");
    expect(await get(`${h.url}/runs`)).toMatchObject({ body: "render 3", cache: "miss" });

    h.hold();
    const before = get(`${h.url}/`); // render 4 starts; a change is made and answered while it runs
    await until(() => h.renders() === 4);
    await get(`${h.url}/api/pipelines/x/runs`, {}, "POST");
    h.release();
    expect(await before).toMatchObject({ body: "render 4", cache: "miss" });
    expect(await get(`${h.url}/`)).toMatchObject({ body: "render 6", cache: "miss" });
  });

  it("keeps only 200 HTML or RSC answers without Set-Cookie, never APIs, HEAD or oversized bodies", async () => {
    const responses: Record<string, Respond> = {
      "/missing": (_q, s) => (s.writeHead(404, { "content-type": "text/html" }), s.end("no")),
      "/cookie": (_q, s) => (s.writeHead(200, { "content-type": "text/html", "set-cookie": "a=b" }), s.end("c")),
      "/Cookie": (_q, s) => (s.writeHead(200, { "Content-Type": "text/html", "Set-Cookie": "a=b" }), s.end("C")), // any case
      "/json": (_q, s) => (s.writeHead(200, { "content-type": "application/json" }), s.end("{}")),
      "/api/runs": html,
      "/metrics": (_q, s) => (s.writeHead(200, { "content-type": "text/html" }), s.end("m")),
      "/big": (_q, s) => (s.writeHead(200, { "content-type": "text/html" }), s.write("x".repeat(600)), s.end("y".repeat(600))),
      "/rsc": (_q, s) => (s.writeHead(200, { "content-type": "text/x-component" }), s.end("0:[]")),
    };
    const h = await harness((q, s, n) => (responses[q.url!.split("?")[0]] ?? html)(q, s, n), { maxBodyBytes: 1000 });
    for (const path of Object.keys(responses)) {
      await get(h.url + path);
      const again = await get(h.url + path);
      expect(again.cache === "hit", path).toBe(path === "/rsc");
    }
    const before = h.renders();
    await get(`${h.url}/rsc`, {}, "HEAD");
    expect(h.renders()).toBe(before + 1);
  });

  it("sends each header once from a stored response, whatever the case of its name when written", async () => {
    const h = await harness((_q, s) => (s.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "X-Page": "runs" }), s.end("p")));
    await get(`${h.url}/runs`);
    const hit = await get(`${h.url}/runs`);
    expect(hit.cache).toBe("hit");
    expect(hit.headers.get("content-type")).toBe("text/html; charset=utf-8"); // a duplicate would read "…, …"
    expect(hit.headers.get("x-page")).toBe("runs");
  });

  it("a client asking for a fresh page (hard reload) gets a new render", async () => {
    const h = await harness();
    await get(`${h.url}/`);
    expect(await get(`${h.url}/`, { "cache-control": "no-cache" })).toMatchObject({ body: "render 2", cache: "miss" });
    expect(await get(`${h.url}/`)).toMatchObject({ body: "render 2", cache: "hit" });
  });

  it("with freshMs 0 every request renders", async () => {
    const h = await harness(html, { freshMs: 0 });
    for (let i = 1; i <= 3; i++) expect(await get(`${h.url}/`)).toMatchObject({ body: `render ${i}` });
  });

  it("holds at most maxEntries responses, dropping the least recently stored", async () => {
    const h = await harness(html, { maxEntries: 2 });
    await get(`${h.url}/a`);
    await get(`${h.url}/b`);
    await get(`${h.url}/c`);
    expect((await get(`${h.url}/c`)).cache).toBe("hit");
    expect((await get(`${h.url}/b`)).cache).toBe("hit");
    expect((await get(`${h.url}/a`)).cache).toBe("miss");
  });

  it("stores what went out on the wire: compressed bytes written in chunks, with the headers set by a wrapping layer", async () => {
    const page = "<p>" + "churn ".repeat(500) + "</p>";
    const h = await harness((_q, s) => {
      s.statusCode = 200;
      s.setHeader("content-type", "text/html");
      s.setHeader("content-encoding", "gzip");
      const gz = gzipSync(page);
      s.write(gz.subarray(0, 10));
      s.write(gz.subarray(10));
      s.end();
    });
    await get(`${h.url}/`);
    const res = await fetch(`${h.url}/`);
    expect(res.headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(await res.text()).toBe(page); // fetch decompresses: the stored bytes are a whole gzip stream
  });
});
