import { readFileSync } from "node:fs";

export interface RocAucReferenceCase {
  name: string;
  p: number[];
  scores: number[];
  /** scikit-learn 1.2.1 roc_auc_score on the rows duplicated with weights p and 1 − p */
  sklearn_weighted: number;
  /** NannyML's estimate_roc_auc formula (without rounding); null where scores tie (it does not group ties) */
  nannyml: number | null;
}

// Written by make-estimate-reference.py; see its docstring.
export const estimateReference = JSON.parse(readFileSync(new URL("./estimate_reference.json", import.meta.url), "utf8")) as {
  about: string;
  roc_auc: RocAucReferenceCase[];
};
