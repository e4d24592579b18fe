import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The module graph of our own code, read from the import statements: no runtime import cycles, and lib/ never
// imports inngest/ (ARCHITECTURE §3.1). Type-only imports are erased at run time, so they are not edges.

const ROOT = path.resolve(import.meta.dirname, "..");
const ROOTS = ["lib", "inngest", "app", "bin"];
const SKIP = /(^|\/)(node_modules|generated|\.next)(\/|$)|\.test\.tsx?$/;

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (SKIP.test(path.relative(ROOT, full))) continue;
      if (e.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs)$/.test(e.name)) out.push(full);
    }
  };
  for (const r of ROOTS) walk(path.join(ROOT, r));
  return out;
}

/** Relative, non-type-only imports (static and dynamic) of one file, resolved to absolute paths. */
export function runtimeImports(file: string, text: string): string[] {
  const specs: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/g;
  for (const m of text.matchAll(statement)) {
    const typeOnly = Boolean(m[2]) || /^\{\s*(type\s+[^,}]+\s*,?\s*)+\}$/.test(m[3].trim());
    if (!typeOnly) specs.push(m[4]);
  }
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g)) specs.push(m[1]);
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) specs.push(m[1]);
  return specs.filter((s) => s.startsWith(".")).map((s) => path.resolve(path.dirname(file), s));
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of sourceFiles()) g.set(f, runtimeImports(f, fs.readFileSync(f, "utf8")).filter((t) => fs.existsSync(t)));
  return g;
}

/** Every cycle found by a depth-first search, as a list of repo-relative paths (first == last). */
function cycles(g: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, "active");
    stack.push(n);
    for (const next of g.get(n) ?? []) {
      if (state.get(next) === "active") found.push([...stack.slice(stack.indexOf(next)), next].map((p) => path.relative(ROOT, p)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(n, "done");
  };
  for (const n of g.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe("the import graph", () => {
  const g = graph();

  it("reads static, dynamic and re-export imports, and skips type-only ones", () => {
    const text = `import { a } from "./a.ts";\nimport type { B } from "./b.ts";\nimport { type C } from "./c.ts";\nexport { d } from "./d.ts";\nconst e = await import("./e.ts");\nimport "./f.ts";`;
    expect(runtimeImports("/x/y.ts", text).sort()).toEqual(["/x/a.ts", "/x/d.ts", "/x/e.ts", "/x/f.ts"]);
    expect(g.size).toBeGreaterThan(100);
  });

  it("has no import cycles", () => {
    expect(cycles(g)).toEqual([]);
  });

  it("finds a cycle when there is one (the check can fail)", () => {
    expect(cycles(new Map([["/r/a", ["/r/b"]], ["/r/b", ["/r/a"]]]))).toHaveLength(1);
  });

  it("never imports inngest/ from lib/", () => {
    const inngestDir = path.join(ROOT, "inngest") + path.sep;
    const offenders = [...g].filter(([f]) => f.startsWith(path.join(ROOT, "lib") + path.sep)).flatMap(([f, targets]) => targets.filter((t) => t.startsWith(inngestDir)).map((t) => `${path.relative(ROOT, f)} -> ${path.relative(ROOT, t)}`));
    expect(offenders).toEqual([]);
  });
});
