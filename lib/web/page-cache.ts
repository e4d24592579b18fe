import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { captureResponse, type CapturedResponse } from "./capture-response.ts";

/**
 * A micro-cache for the dashboard's pages, in front of Next in the web process (lib/web/next-server.ts).
 *
 * Why: every page is dynamic (it shows live runs), and rendering one costs 10–25 ms of the web process's CPU. Twenty
 * people watching the dashboard during a run (each open tab refreshes every 2 s) rendered the same pages over and
 * over, and on a 2-core machine that shares its CPU with the run, p99 went to ~1 s. Here a page is rendered at most
 * about once per `freshMs` for identical requests, the way nginx micro-caching does it (proxy_cache_valid 1s,
 * proxy_cache_lock, proxy_cache_use_stale updating):
 *
 * - A response younger than freshMs is served from memory ("hit").
 * - An older one (younger than staleMs) is served while one request renders the page anew ("stale"); no one else
 *   waits for that render.
 * - Identical requests that arrive while the first render runs, with nothing to serve, wait for it ("shared").
 * - Any request that is not GET or HEAD (a server action, a form post, an API call that changes something) empties
 *   the cache, before and after it runs, so a change made through this server shows on the next page load.
 *   Changes made elsewhere (a run's worker, the CLI) show within freshMs, like the pages' own 2 s refresh.
 *
 * What is kept apart: the key is the method, the URL and every request header except per-connection ones, so a
 * response rendered for one cookie, Authorization header, RSC (client navigation) request or encoding is never sent
 * for another. A request without the admin cookie therefore never matches a signed-in one's entry and still goes
 * through the request guard. Only 200 HTML or RSC responses without Set-Cookie are kept; API routes, /metrics and
 * build output are never touched. `Cache-Control: no-cache` from the client (a hard reload) renders anew.
 */
export interface PageCacheOptions {
  /** Serve a stored response this long (ms) without rendering. 0 turns the cache off. */
  freshMs: number;
  /** Serve a stored response up to this age while one request renders anew; older ones are not served. */
  staleMs: number;
  maxEntries: number;
  maxBodyBytes: number;
  now?: () => number;
}

/** What the cache did, in the PAGE_CACHE_HEADER of each response it answered or stored. */
type PageCacheOutcome = "hit" | "stale" | "shared" | "miss";
export const PAGE_CACHE_HEADER = "x-churnops-page-cache";

type Render = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  storedAt: number;
}

// Per-connection (hop-by-hop) headers and the client's own cache directives: they never change what a page says.
const KEY_SKIPS = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "cache-control", "pragma"]);
// Headers of a stored response that describe one transmission, not the content.
const STORED_SKIPS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);
const CACHEABLE_TYPE = /^(text\/html|text\/x-component)\b/i;

/** Paths the cache may answer: pages only, never APIs, metrics or Next's own build output. */
export function isCacheablePagePath(pathname: string): boolean {
  return !(pathname === "/api" || pathname.startsWith("/api/") || pathname.startsWith("/_next/") || pathname === "/metrics");
}

export function pageCacheKey(req: IncomingMessage): string {
  const parts = [req.method ?? "GET", req.url ?? "/"];
  const raw = req.rawHeaders;
  const headers: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (!KEY_SKIPS.has(name)) headers.push(`${name}:${raw[i + 1]}`);
  }
  headers.sort();
  return JSON.stringify([...parts, ...headers]);
}

function wantsFresh(req: IncomingMessage): boolean {
  const cc = String(req.headers["cache-control"] ?? "").toLowerCase();
  return cc.includes("no-cache") || cc.includes("no-store") || cc.includes("max-age=0") || String(req.headers.pragma ?? "").toLowerCase().includes("no-cache");
}

function isStorable(c: CapturedResponse): boolean {
  return c.status === 200 && c.headers["set-cookie"] === undefined && CACHEABLE_TYPE.test(String(c.headers["content-type"] ?? ""));
}

export function createPageCache(options: PageCacheOptions) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>(); // insertion order = least recently stored first
  const inflight = new Map<string, Promise<Entry | null>>();
  let generation = 0;

  const invalidate = () => {
    generation++;
    entries.clear();
    inflight.clear();
  };

  const store = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
  };

  const send = (res: ServerResponse, entry: Entry, outcome: PageCacheOutcome) => {
    res.writeHead(entry.status, { ...entry.headers, "content-length": entry.body.length, [PAGE_CACHE_HEADER]: outcome });
    res.end(entry.body);
  };

  /** Renders through `render` (Next) and keeps the response if it may be reused. */
  const renderAndStore = (key: string, req: IncomingMessage, res: ServerResponse, render: Render): Promise<void> => {
    const startedIn = generation;
    let resolve!: (e: Entry | null) => void;
    const shared = new Promise<Entry | null>((r) => (resolve = r));
    inflight.set(key, shared);
    captureResponse(res, options.maxBodyBytes, (captured) => {
      if (inflight.get(key) === shared) inflight.delete(key);
      if (!captured || !isStorable(captured)) return resolve(null);
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(captured.headers)) if (!STORED_SKIPS.has(name) && name !== PAGE_CACHE_HEADER) headers[name] = value;
      const entry = { status: captured.status, headers, body: captured.body, storedAt: now() };
      // A render that began before a change made through this server may show the old state: hand it to those who
      // asked with it, but do not keep it.
      if (generation === startedIn) store(key, entry);
      resolve(entry);
    });
    res.setHeader(PAGE_CACHE_HEADER, "miss");
    return Promise.resolve(render(req, res));
  };

  async function handle(req: IncomingMessage, res: ServerResponse, render: Render): Promise<void> {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      invalidate();
      res.once("close", invalidate);
      return render(req, res);
    }
    const pathname = (req.url ?? "/").split("?")[0];
    if (options.freshMs <= 0 || method === "HEAD" || !isCacheablePagePath(pathname)) return render(req, res);
    const key = pageCacheKey(req);
    if (wantsFresh(req)) return renderAndStore(key, req, res, render);
    const entry = entries.get(key);
    const age = entry ? now() - entry.storedAt : Infinity;
    if (entry && age < options.freshMs) return send(res, entry, "hit");
    const pending = inflight.get(key);
    if (pending) {
      if (entry && age < options.staleMs) return send(res, entry, "stale");
      const result = await pending;
      if (result) return send(res, result, "shared");
    }
    return renderAndStore(key, req, res, render);
  }

  return { handle };
}
