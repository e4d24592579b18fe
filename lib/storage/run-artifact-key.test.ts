import { describe, expect, it } from "vitest";
import { InvalidArtifactKeyError } from "./errors.ts";
import { runArtifactKey, uploadArtifactKey, uploadArtifactPrefix } from "./run-artifact-key.ts";

const RUN = "0b6f1c2e-5d4a-4f3b-9c8d-7e6f5a4b3c2d";

describe("runArtifactKey", () => {
  it("keys a run's file by source and run id, never by date", () => {
    expect(runArtifactKey("elearning", RUN, "users.csv")).toBe(`datasets/elearning/${RUN}/users.csv`);
    expect(runArtifactKey("wallet", RUN, "PAYMENTS.csv")).not.toBe(runArtifactKey("wallet", "another-run", "PAYMENTS.csv"));
  });

  it("refuses a source or run id that would add or escape a folder", () => {
    expect(() => runArtifactKey("elearning/x", RUN, "users.csv")).toThrow(InvalidArtifactKeyError);
    expect(() => runArtifactKey("elearning", "..", "users.csv")).toThrow(InvalidArtifactKeyError);
    expect(() => runArtifactKey("elearning", RUN, "../users.csv")).toThrow(InvalidArtifactKeyError);
  });
});

describe("uploadArtifactKey", () => {
  it("keys an upload made before any run by its upload id", () => {
    expect(uploadArtifactKey("elearning", RUN, "events.csv")).toBe(`datasets/elearning/uploads/${RUN}/events.csv`);
    expect(uploadArtifactPrefix("wallet", RUN)).toBe(`datasets/wallet/uploads/${RUN}`);
    expect(() => uploadArtifactPrefix("wallet", "a/b")).toThrow(InvalidArtifactKeyError);
  });
});
