import { z } from "zod";
import { scoringFrameSchema } from "../../scoring/scoring-frame.ts";
import type { StepRef } from "../pipeline-definition.ts";

/** What the first step of every scoring pipeline decides: which model version scores which rows. */
export const scoringTargetOutput = z.object({
  model: z.string(),
  version: z.number().int().positive(),
  versionId: z.string().uuid(),
  family: z.string(),
  /** "elearning" | "wallet" | "table:<slug>" */
  dataset: z.string(),
  frame: scoringFrameSchema,
  /** rows the frame holds (counted when the target was chosen) */
  rows: z.number().int(),
});

export type ScoringTarget = z.infer<typeof scoringTargetOutput>;

/** Every scoring pipeline's first step has this id and output; the shared steps read it. */
export const scoringTargetRef: StepRef<typeof scoringTargetOutput> = { id: "scoring-target", output: scoringTargetOutput };
