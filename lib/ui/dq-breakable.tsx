import { Fragment, type ReactNode } from "react";

/**
 * Identifier text (EVENT_TYPE_UNKNOWN, row_count_between, in_set:event_type) with line-break opportunities after
 * the characters of `after` (default "_", ":" and "."), so narrow table columns wrap at word-like boundaries.
 * The text content is unchanged.
 */
export function Breakable({ text, after = "_:." }: { text: string; after?: string }): ReactNode {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (after.includes(text[i])) {
      parts.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && <wbr />}
    </Fragment>
  ));
}
