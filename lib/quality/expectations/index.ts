import { between } from "./between.ts";
import { columnExists } from "./column-exists.ts";
import { conditional } from "./conditional.ts";
import type { ExpectationKind, ExpectationKindName } from "./expectation-kind.ts";
import { foreignKey } from "./foreign-key.ts";
import { inSet } from "./in-set.ts";
import { matchesRegex } from "./matches-regex.ts";
import { notNull } from "./not-null.ts";
import { parsesAs } from "./parses-as.ts";
import { productEquals } from "./product-equals.ts";
import { rowCountBetween } from "./row-count-between.ts";
import { shareBelow } from "./share-below.ts";
import { unique } from "./unique.ts";

/**
 * The registry of expectation kinds: kind name -> its module (compile, judge, describe), as Great Expectations
 * registers each Expectation class under its snake_case name. The mapped type makes a kind in expectation-types.ts
 * without an entry here (or an entry under the wrong name) a type error, so nothing is registered at run time.
 */
export const expectationKinds: { readonly [K in ExpectationKindName]: ExpectationKind<K> } = {
  not_null: notNull,
  unique,
  in_set: inSet,
  between,
  matches_regex: matchesRegex,
  parses_as: parsesAs,
  conditional,
  foreign_key: foreignKey,
  product_equals: productEquals,
  column_exists: columnExists,
  share_below: shareBelow,
  row_count_between: rowCountBetween,
};
