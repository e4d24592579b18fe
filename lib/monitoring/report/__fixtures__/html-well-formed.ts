// A strict checker for the markup the report renderer writes (tests only; no HTML parser is installed and
// Playwright is out of scope here): tags balance and nest, attributes are quoted, text holds no stray "<", and
// every "&" starts an entity. Stricter than the HTML parsing algorithm, which forgives all of these.

const VOID = new Set(["meta", "link", "br", "hr", "img", "input", "source", "wbr", "col", "area", "base", "embed", "track"]);
const RAW_TEXT = new Set(["style", "script"]);

export interface WellFormedResult {
  errors: string[];
  /** start tags by (lower-case) name */
  tags: Map<string, number>;
}

export function checkWellFormed(html: string): WellFormedResult {
  const errors: string[] = [];
  const tags = new Map<string, number>();
  const stack: string[] = [];
  let i = 0;
  const text = (s: string) => {
    if (s.includes(">")) errors.push(`stray ">" in text near ${JSON.stringify(s.slice(0, 40))}`);
    for (const m of s.matchAll(/&([^;\s]{0,12});?/g)) {
      if (!/^&(#\d+|#x[0-9a-f]+|[a-z]+);$/i.test(m[0])) errors.push(`bad entity ${JSON.stringify(m[0])}`);
    }
  };
  if (!/^<!doctype html>/i.test(html)) errors.push("missing <!doctype html>");
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt);
      if (end < 0) return { errors: [...errors, "unclosed comment"], tags };
      i = end + 3;
      continue;
    }
    if (/^<!doctype/i.test(html.slice(lt, lt + 9))) {
      i = html.indexOf(">", lt) + 1;
      continue;
    }
    const close = /^<\/([a-zA-Z][\w-]*)\s*>/.exec(html.slice(lt));
    if (close) {
      const name = close[1]!.toLowerCase();
      const open = stack.pop();
      if (open !== name) errors.push(`</${name}> closes <${open ?? "nothing"}>`);
      i = lt + close[0].length;
      continue;
    }
    const start = /^<([a-zA-Z][\w-]*)((?:\s+[a-zA-Z_:][\w:.-]*(?:="[^"<]*")?)*)\s*(\/?)>/.exec(html.slice(lt));
    if (!start) {
      errors.push(`malformed tag near ${JSON.stringify(html.slice(lt, lt + 60))}`);
      i = lt + 1;
      continue;
    }
    const name = start[1]!.toLowerCase();
    tags.set(name, (tags.get(name) ?? 0) + 1);
    for (const m of start[2]!.matchAll(/="([^"]*)"/g)) text(m[1]!);
    i = lt + start[0].length;
    if (RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}>`, i);
      if (end < 0) return { errors: [...errors, `unclosed <${name}>`], tags };
      i = end + name.length + 3;
      continue;
    }
    if (!VOID.has(name) && start[3] !== "/") stack.push(name);
  }
  if (stack.length) errors.push(`unclosed: ${stack.join(" > ")}`);
  return { errors, tags };
}
