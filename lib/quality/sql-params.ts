/** Collects bound parameters while SQL is assembled ($1, $2, ...): values never become SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
