import type { RunStatus } from "../db/generated/prisma/enums.ts";

// Status lists for the browser: run-queries.ts pulls in the database client, so client components use these.

export const RUN_STATUSES = ["queued", "running", "cancelling", "succeeded", "failed", "cancelled"] as const satisfies readonly RunStatus[];

const TERMINAL: readonly string[] = ["succeeded", "failed", "cancelled"];

export function isTerminalStatus(status: string): boolean {
  return TERMINAL.includes(status);
}
