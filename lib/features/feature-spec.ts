import type { FeatureKind } from "../ml/types.ts";

/** One feature column of a features table (or a tabular dataset), as preprocessing and the what-if form see it. */
export interface FeatureSpec {
  /** the SQL column name */
  name: string;
  kind: FeatureKind;
}
