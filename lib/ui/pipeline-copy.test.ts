import { describe, expect, it } from "vitest";
import { pipelines } from "../pipelines/catalog.ts";
import { codeSpans, pipelineCopy } from "./pipeline-copy.ts";

describe("pipelineCopy", () => {
  it("has plain words for every pipeline of the catalogue, without table names or backticks", () => {
    for (const p of pipelines) {
      const copy = pipelineCopy(p.id, "");
      expect(copy.summary, p.id).not.toBe("");
      expect(copy.summary, p.id).not.toMatch(/`|raw\.|staging\.|ARCHITECTURE/);
    }
  });
  it("turns backtick spans into code parts", () => {
    expect(codeSpans("via `churnops ingest elearning` into raw.*")).toEqual([
      { text: "via ", code: false },
      { text: "churnops ingest elearning", code: true },
      { text: " into raw.*", code: false },
    ]);
  });
});
