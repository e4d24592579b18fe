/** Row indices of a train / validation / test split; each sorted ascending, disjoint, together every row. */
export interface RowSplit {
  train: Uint32Array;
  validation: Uint32Array;
  test: Uint32Array;
}

/** Throws unless 0 ≤ share < 1. */
export function checkShare(caller: string, name: string, share: number): void {
  if (!(share >= 0 && share < 1)) throw new RangeError(`${caller}: ${name} = ${share}; need a share in [0, 1)`);
}
