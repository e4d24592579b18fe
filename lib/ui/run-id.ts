import { AppError } from "../errors.ts";
import { runIdSchema } from "../pipelines/start-run.ts";

/** A run id from a URL, or a 400 that says what a run id looks like. */
export function parseRunId(raw: string): string {
  const parsed = runIdSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", `"${raw.slice(0, 64)}" is not a run id: run ids are UUIDs such as 3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21.`, 400);
  return parsed.data;
}
