const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text made safe for HTML and SVG text content and for quoted attribute values: the five characters that can end
 * a text run or an attribute are replaced by entities (OWASP's rule for HTML contexts). Every user-supplied
 * string in a report (column names, categories, labels, dataset, run id) passes through here.
 * @example escapeHtml('<img src=x onerror="alert(1)">') // "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
