import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkWellFormed } from "./__fixtures__/html-well-formed.ts";
import { sampleDriftReportInput } from "./__fixtures__/sample-drift-report.ts";
import { renderDriftReport } from "./render-drift-report.ts";

const dir = mkdtempSync(path.join(tmpdir(), "churnops-drift-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("renderDriftReport written to disk", () => {
  it("round-trips through a UTF-8 file as one small, self-contained document", () => {
    const html = renderDriftReport(sampleDriftReportInput());
    const file = path.join(dir, "elearning-2026-03-02.html");
    writeFileSync(file, html, "utf8");
    const back = readFileSync(file, "utf8");
    expect(back).toBe(html);
    expect(back.startsWith("<!doctype html>")).toBe(true);
    expect(back).toContain('<meta charset="utf-8">'); // "≥", "–" and "…" survive opening from disk
    expect(checkWellFormed(back).errors).toEqual([]);
    // Five columns with inline SVG stay well under 100 kB (the iframe and the download load it whole).
    expect(Buffer.byteLength(back)).toBeLessThan(100_000);
  });
});
