import { describe, expect, it } from "vitest";
import { z } from "zod";
import { executePipeline } from "./execute-pipeline.ts";
import { failureKindOf } from "./pipeline-errors.ts";
import { definePipeline, defineStep } from "./pipeline-definition.ts";
import { getRunDetail } from "./run-queries.ts";
import { claimRun, createRun, finishRun } from "./run-store.ts";

// Regression: a step failed with a message quoting binary input ("\u0000"). Postgres refuses NUL in text (22021),
// so the write of that message failed too and the run showed a Prisma error instead of its cause.
const binaryFailure = definePipeline({
  id: "test-binary-failure",
  title: "fails quoting a NUL byte",
  description: "test only",
  params: z.object({}),
  steps: [
    defineStep({
      id: "read",
      title: "Read input",
      output: z.object({}),
      async run(ctx) {
        ctx.progress(0.5, "at byte \u0000\u0001");
        throw new Error("users.csv line 1, column 3: unexpected byte \u0000 in a text file");
      },
    }),
  ],
});

describe("run bookkeeping of a step whose error contains a NUL byte", () => {
  it("ends the run failed with the message readable", async () => {
    const runId = await createRun({ pipelineId: binaryFailure.id, params: {}, trigger: "manual", executor: "local", concurrencyKey: `test-${Date.now()}`, steps: binaryFailure.steps });
    expect(await claimRun(runId, process.pid)).toBe("claimed");
    const error = await executePipeline(binaryFailure, runId, {}, { runStep: (_id, fn) => fn(), deliver: async () => {} }).then(() => null, (e: Error) => e);
    expect(error?.message).toContain("\u0000");
    await finishRun(runId, { status: "failed", failureKind: failureKindOf(error), message: error!.message, stack: error!.stack });

    const run = await getRunDetail(runId);
    expect(run).toMatchObject({
      status: "failed",
      errorMessage: "users.csv line 1, column 3: unexpected byte \\u0000 in a text file",
      steps: [expect.objectContaining({ status: "failed", errorMessage: "users.csv line 1, column 3: unexpected byte \\u0000 in a text file" })],
    });
    expect(run?.errorStack).toMatch(/^Error: users\.csv line 1, column 3: unexpected byte \\u0000 in a text file\n\s+at /);
  });
});
