// What scoring and drift runs call a dataset ("elearning", "wallet", "table:<slug>"), said for people, and the order
// the pages list them in. Pure: the pages, the Overview cards and the tests share it.

const FIXED: Record<string, string> = { elearning: "E-learning", wallet: "Marketplace wallet" };

/** A dataset key as a title: "E-learning", "Marketplace wallet", "Table telco". */
export function datasetLabel(dataset: string): string {
  if (FIXED[dataset]) return FIXED[dataset];
  return dataset.startsWith("table:") ? `Table ${dataset.slice("table:".length)}` : dataset;
}

/** Fixed sources first (e-learning, wallet), then uploaded tables by slug. */
export function compareDatasets(a: string, b: string): number {
  const rank = (d: string) => (d === "elearning" ? 0 : d === "wallet" ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The pipeline that scores, checks the drift of or trains a dataset's model (or PSI-checks its data), as a CLI command:
 * `churnops run drift-elearning`, or `churnops run drift-table --param dataset=<slug>` for an uploaded table.
 */
export function pipelineCommand(kind: "score" | "drift" | "train" | "psi-check", dataset: string): string {
  if (dataset.startsWith("table:")) return `churnops run ${kind}-table --param dataset=${dataset.slice("table:".length)}`;
  return `churnops run ${kind}-${dataset}`;
}

/** Keys a page accepts in ?dataset=: the two fixed sources and table:<slug> (slugs as the upload makes them). */
export const DATASET_KEY = /^(elearning|wallet|table:[a-z0-9][a-z0-9_-]{0,99})$/;
