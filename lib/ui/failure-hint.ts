import type { FactLink } from "./step-facts.ts";
import { qualityHref, rejectsHref } from "./step-facts.ts";

export interface FailureView {
  /** "failed" (red) or "cancelled" (neutral: a choice, not an error). */
  tone: "error" | "neutral";
  title: string;
  /** What happened, without the server's own "To fix" sentence (the hint replaces it with links). */
  message: string | null;
  hint: string | null;
  links: FactLink[];
}

interface RunLike {
  id: string;
  pipelineId: string;
  status: string;
  failureKind: string | null;
  errorMessage: string | null;
  validations: { dqRunId: string; suite: string; status: string }[];
  rejectedRows: number;
}

const withoutFix = (message: string) => message.replace(/\s*To fix:.*$/s, "").trim();
const fixOf = (message: string) => /To fix:\s*(.*)$/s.exec(message)?.[1]?.trim() ?? null;

/**
 * How a run that did not succeed reads. A gate failure links its failed reports, and its rejected rows only when it
 * recorded some (a too-few-rows failure rejects none, so "see the rejects" would lead to an empty page).
 */
export function failureView(run: RunLike): FailureView | null {
  if (run.status === "cancelled") {
    return { tone: "neutral", title: "Cancelled", message: "This run was cancelled; nothing it had not finished was kept.", hint: "Start it again from Pipelines when you are ready.", links: [{ label: "Pipelines", href: "/pipelines" }] };
  }
  if (run.status !== "failed") return null;
  const message = run.errorMessage ? withoutFix(run.errorMessage) : null;
  if (run.failureKind === "data_gate") {
    const failed = run.validations.filter((v) => v.status === "failed");
    const links: FactLink[] = failed.map((v) => ({ label: `Validation report ${v.suite}`, href: qualityHref(v.dqRunId) }));
    if (run.rejectedRows > 0) links.push({ label: `The ${run.rejectedRows.toLocaleString("en")} rejected rows of this run`, href: rejectsHref(run.id) });
    const hint = run.rejectedRows > 0
      ? "Correct the source files (the rejected rows say which lines and why) and run again."
      : "Correct the source files (the validation report says which check failed) and run again.";
    return { tone: "error", title: "Stopped by the data gate", message, hint, links };
  }
  const fix = run.errorMessage ? fixOf(run.errorMessage) : null;
  return { tone: "error", title: "Failed", message, hint: fix ?? "Check the message above, then start the pipeline again.", links: [{ label: "Run it again from Pipelines", href: "/pipelines" }] };
}
