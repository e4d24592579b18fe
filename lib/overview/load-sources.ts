// Which pipelines load which fixed source. The catalogue does not say what a pipeline loads (its steps do), and the
// Overview needs the answer for freshness and the checklist, so it is written down here, next to its only readers.

export interface FixedSource {
  source: "elearning" | "wallet";
  title: string;
  pipelineIds: readonly string[];
  /** The pipeline a new user runs to get this source's data. */
  samplePipelineId: string;
  /** Its params for the one-click "Load the sample": small enough to load in about a minute on a laptop. */
  quickSample: Record<string, number>;
}

export const FIXED_SOURCES: readonly FixedSource[] = [
  { source: "elearning", title: "E-learning", pipelineIds: ["elearning-sample", "elearning-ingest"], samplePipelineId: "elearning-sample", quickSample: { users: 500, days: 60 } },
  { source: "wallet", title: "Marketplace wallet", pipelineIds: ["wallet-sample", "wallet-ingest"], samplePipelineId: "wallet-sample", quickSample: { buyers: 2000 } },
];

/** Every pipeline whose success means data was loaded (the fixed sources' and the uploaded datasets' loader). */
export const LOAD_PIPELINE_IDS: readonly string[] = [...FIXED_SOURCES.flatMap((s) => s.pipelineIds), "tabular-load"];
