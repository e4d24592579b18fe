import { SqlParams } from "./sql-params.ts";

// A piece of SQL whose values stay apart from its text until a whole statement is rendered. An expectation is
// compiled once into such pieces, and the same pieces then go into the counting scan, the sample queries and the
// reject inserts: each statement numbers its own placeholders ($1, $2, ...) when it renders them, so a piece
// never carries a number that is only right inside one statement.
//
// Safe by default, like sql-template-tag (which this mirrors, without adding a dependency): anything interpolated
// into sql`…` is a bound value unless it is itself a SqlFragment; SQL text enters only through raw(), which is
// used for quoted identifiers and fixed keywords, never for data.

export class SqlFragment {
  /** strings.length === values.length + 1, as in a template literal. */
  private constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** Builds a fragment from template parts, inlining nested fragments so nothing is nested at render time. */
  static of(strings: readonly string[], parts: readonly unknown[]): SqlFragment {
    const outStrings = [strings[0]];
    const outValues: unknown[] = [];
    parts.forEach((part, i) => {
      if (part instanceof SqlFragment) {
        outStrings[outStrings.length - 1] += part.strings[0];
        for (let j = 0; j < part.values.length; j++) {
          outValues.push(part.values[j]);
          outStrings.push(part.strings[j + 1]);
        }
        outStrings[outStrings.length - 1] += strings[i + 1];
      } else {
        outValues.push(part);
        outStrings.push(strings[i + 1]);
      }
    });
    return new SqlFragment(outStrings, outValues);
  }

  /** Adds this fragment's values to `params` (in order) and returns its text with their placeholders. */
  render(params: SqlParams): string {
    let text = this.strings[0];
    for (let i = 0; i < this.values.length; i++) text += params.add(this.values[i]) + this.strings[i + 1];
    return text;
  }

  /** The fragment as a statement of its own: text numbered from $1, and its values. */
  toQuery(): { text: string; values: unknown[] } {
    const params = new SqlParams();
    const text = this.render(params);
    return { text, values: params.values };
  }
}

/** sql`… ${value} …`: values become bound parameters, fragments are inlined. */
export function sql(strings: TemplateStringsArray, ...parts: unknown[]): SqlFragment {
  return SqlFragment.of(strings, parts);
}

/** Trusted SQL text: a quoted identifier or a fixed keyword, never data. */
export function raw(text: string): SqlFragment {
  return SqlFragment.of([text], []);
}

/** The fragments joined by a fixed separator (" AND ", ", "). */
export function joinSql(parts: readonly SqlFragment[], separator: string): SqlFragment {
  if (!parts.length) return raw("");
  return SqlFragment.of(["", ...parts.slice(1).map(() => separator), ""], parts);
}
