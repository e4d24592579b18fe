import { describe, expect, it } from "vitest";
import { putArtifact } from "../../../../lib/storage/artifact-records.ts";
import { REPORT_VIEW_CSP } from "../../../../lib/http/report-view-policy.ts";
import { GET } from "./route.ts";

const get = (key: string) => {
  const segments = key.split("/");
  return GET(new Request(`http://127.0.0.1:3000/api/report-view/${key}`), { params: Promise.resolve({ key: segments }) });
};

const HTML = `<!doctype html><html><head><style>body{font:14px sans-serif}</style></head><body><h1>Drift report</h1><script>parent.document.title="pwned"</script></body></html>`;

describe("GET /api/report-view/[...key]", () => {
  it("serves a stored HTML report inline, under a CSP sandbox, frameable by the app only", async () => {
    await putArtifact("reports/drift/elearning/2026-12-02-view-test.html", HTML, { kind: "report", contentType: "text/html" });
    const res = await get("reports/drift/elearning/2026-12-02-view-test.html");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('inline; filename="2026-12-02-view-test.html"');
    expect(res.headers.get("content-security-policy")).toBe(REPORT_VIEW_CSP);
    expect(REPORT_VIEW_CSP).toMatch(/^sandbox; default-src 'none';/); // no allow-scripts, no allow-same-origin
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toBe(HTML);
  });

  it("refuses artifacts that are not HTML reports (they stay downloads), and unknown keys", async () => {
    await putArtifact("reports/drift/elearning/not-html.csv", "a,b\n", { kind: "report", contentType: "text/csv" });
    await putArtifact("predictions/elearning/x/view-test.html", HTML, { kind: "predictions", contentType: "text/html" });
    for (const key of ["reports/drift/elearning/not-html.csv", "predictions/elearning/x/view-test.html", "reports/drift/none.html"]) {
      const res = await get(key);
      expect(res.status, key).toBe(404);
      expect(res.headers.get("content-security-policy"), key).toBeNull();
    }
    expect((await get("reports/../etc/passwd")).status).toBe(400);
  });
});
