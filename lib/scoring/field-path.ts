/**
 * A zod issue path as a client would write it: ["rows", 3, "watch_minutes"] → "rows[3].watch_minutes", [] → "body".
 * (route-errors.ts joins with dots for the older routes; the scoring API names rows the way JSON readers do.)
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out || "body";
}
