import { describe, expect, it } from "vitest";
import { failureView } from "./failure-hint.ts";

const RUN = "11111111-1111-4111-8111-111111111111";
const DQ = "22222222-2222-4222-8222-222222222222";
const gateMessage = "Data gate failed: elearning.users: NO_USERS (row_count_between: 0, mostly 1). Nothing downstream was changed. To fix: correct the source files (rejected rows with reasons are on /data/rejects) and run again.";
const base = { id: RUN, pipelineId: "elearning-ingest", status: "failed", failureKind: "data_gate", errorMessage: gateMessage, validations: [{ dqRunId: DQ, suite: "elearning.users", status: "failed" }] };

describe("failureView", () => {
  it("links the failed report but not the rejects when the gate rejected no rows (too few rows)", () => {
    const v = failureView({ ...base, rejectedRows: 0 })!;
    expect(v.tone).toBe("error");
    expect(v.message).toBe("Data gate failed: elearning.users: NO_USERS (row_count_between: 0, mostly 1). Nothing downstream was changed.");
    expect(v.links).toEqual([{ label: "Validation report elearning.users", href: `/data/quality/${DQ}` }]);
    expect(`${v.hint} ${v.message}`).not.toContain("/data/rejects");
  });
  it("links this run's rejects when the gate rejected rows", () => {
    const v = failureView({ ...base, rejectedRows: 4 })!;
    expect(v.links).toContainEqual({ label: "The 4 rejected rows of this run", href: `/data/rejects?runId=${RUN}` });
  });
  it("shows a cancel as neutral, and a plain error with its own fix sentence", () => {
    expect(failureView({ ...base, status: "cancelled", failureKind: "cancelled", rejectedRows: 0 })).toMatchObject({ tone: "neutral", title: "Cancelled" });
    const crashed = failureView({ ...base, failureKind: "crashed", errorMessage: "The worker stopped. To fix: start the pipeline again.", validations: [], rejectedRows: 0 })!;
    expect(crashed).toMatchObject({ tone: "error", message: "The worker stopped.", hint: "start the pipeline again." });
    expect(failureView({ ...base, status: "succeeded", rejectedRows: 0 })).toBeNull();
  });
});
