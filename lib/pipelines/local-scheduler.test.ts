import { describe, expect, it } from "vitest";
import { z } from "zod";
import { definePipeline } from "./pipeline-definition.ts";
import { startLocalScheduler } from "./local-scheduler.ts";
import { nextRunOf } from "./schedules.ts";

const def = (id: string, schedule?: string) =>
  definePipeline({ id, title: id, description: "", params: z.object({}), steps: [], schedule });

describe("startLocalScheduler", () => {
  it("starts a run of each scheduled pipeline when its cron fires, and none of unscheduled ones", async () => {
    const started: string[] = [];
    // croner accepts a seconds field: "every second" makes the test fast.
    const scheduler = startLocalScheduler([def("every-second", "* * * * * *"), def("manual-only")], async (id) => void started.push(id));
    try {
      expect(scheduler.jobs.map((j) => j.pipelineId)).toEqual(["every-second"]);
      await new Promise((r) => setTimeout(r, 2200));
      expect(started.length).toBeGreaterThanOrEqual(1);
      expect(new Set(started)).toEqual(new Set(["every-second"]));
    } finally {
      scheduler.stop();
    }
  });

  it("reports errors of a fired run without stopping the schedule", async () => {
    const errors: string[] = [];
    const scheduler = startLocalScheduler([def("failing", "* * * * * *")], async () => { throw new Error("boom"); }, (id, e) => errors.push(`${id}:${(e as Error).message}`));
    try {
      await new Promise((r) => setTimeout(r, 2200));
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors[0]).toBe("failing:boom");
    } finally {
      scheduler.stop();
    }
  });
});

describe("nextRunOf", () => {
  it("computes the next daily 02:00 UTC fire time", () => {
    // Hand-computed: after 2025-01-01T03:00Z the next 02:00 UTC is the following day.
    expect(nextRunOf("0 2 * * *", new Date("2025-01-01T03:00:00Z"))?.toISOString()).toBe("2025-01-02T02:00:00.000Z");
    expect(nextRunOf("0 2 * * *", new Date("2025-01-01T01:00:00Z"))?.toISOString()).toBe("2025-01-01T02:00:00.000Z");
  });
});
