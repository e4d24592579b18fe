import type { Matrix } from "../types.ts";
import type { TreeArrays } from "./gradient-boosting-model.ts";
import { F64, I32, I64, name, op, s32, section, u32, vec, VOID_BLOCK } from "./wasm-encoder.ts";

/**
 * Tree scoring as a small WebAssembly kernel, generated here (wasm-encoder.ts). V8's typed-array code checks the
 * array's map and bounds on every access, so one tree level cost about 30 instructions; WebAssembly's loads are
 * checked by guard pages and a level is about 10. Measured on the issue's model (250 trees, depth 6, 69 columns) and
 * 240k rows on the shared 2-core machine, side by side: 0.87–1.04 s CPU for the typed-array walk (score-trees.ts),
 * 0.40–0.58 s here (docs/decisions/015-tree-scoring-kernel.md).
 *
 * Layout: every tree is a complete binary tree of its depth D in heap order (children of h at 2h + 1 and 2h + 2), a
 * leaf above depth D padded with splits whose both subtrees hold copies of it, so every row takes exactly D steps
 *   h ← 2h + 1 + (key(row[column[h]]) > key(threshold[h]))
 * with no child pointers and no branch (the comparison feeds a conditional move). The leaves' values are a table per
 * tree. Values and thresholds are compared as order-preserving 64-bit integer keys (the float's bits, negatives'
 * magnitude bits flipped, −0 read as +0), which leaves room for a missing value above every number, +∞ included,
 * and below every number, −∞ included: each block column is stored twice (prepare), copy A with NaN as the largest
 * key (read by splits whose missing values go right) and copy B with NaN as the smallest (missing left). A NaN
 * threshold ("x ≤ NaN" is false: every value right) becomes the smallest key. So every comparison, ±∞ and NaN
 * included, decides as the plain walk's x ≤ threshold does, and each row's leaves are added in tree order: the
 * results are bit-identical to referenceRaw.
 *
 * Loop order: trees outside, the 64 rows of a block inside, 8 rows at a time (8 independent load chains). A tree's
 * nodes stay in L1 while all rows of the block go through it. Tried and not kept (no gain measurable above the
 * machine's noise): rows outside and trees inside (slower: 0.6 s), 4, 12 or 16 rows at a time, blocks of 16 to
 * 128 rows, reading the root's split once per tree. Binning the rows to uint8 with the model's own thresholds (so a
 * level compares bytes) cost 0.28 s for the binning alone in JavaScript, and the byte walk was no faster there than
 * the float one.
 */

/** Rows per block: 8-row groups; a group reads one 64-byte cache line per column. */
export const WASM_BLOCK = 64;

/** Rows walked through a tree together: independent load chains the CPU overlaps. WASM_BLOCK is a multiple. */
const GROUP = 8;

/** Deeper trees would need 2^D node slots each; such models are scored by the typed-array path. */
export const WASM_MAX_DEPTH = 10;

/** Bytes per internal node record: i32 column offset, 4 bytes padding, i64 threshold key. */
const NODE_BYTES = 16;
/** Bytes per tree's meta record: node address, leaf base address, depth, padding. */
const META_BYTES = 16;

/**
 * Everything a thread needs to score with the kernel. The compiled module is shared, not copied, when posted to a
 * worker thread, so a helper runs the code this thread has already optimised.
 */
export interface WasmTrees {
  module: WebAssembly.Module;
  /** meta, nodes and leaves, copied to address 0 of the memory */
  image: Uint8Array;
  nTrees: number;
  cols: number;
}

/**
 * Lays out the trees for the kernel, or returns null when a tree is deeper than WASM_MAX_DEPTH.
 * O(Σ 2^depth) time and memory.
 */
export function compileWasmTrees(trees: readonly TreeArrays[], cols: number): WasmTrees | null {
  const depths = trees.map((tree) => Math.max(1, treeDepth(tree)));
  if (depths.some((d) => d > WASM_MAX_DEPTH)) return null;
  const metaBytes = trees.length * META_BYTES;
  let nodeBytes = 0;
  let leafBytes = 0;
  for (const d of depths) {
    nodeBytes += ((1 << d) - 1) * NODE_BYTES;
    leafBytes += (1 << d) * 8;
  }
  const image = new Uint8Array(metaBytes + nodeBytes + leafBytes);
  const view = new DataView(image.buffer);
  let nodeAt = metaBytes;
  let leafAt = metaBytes + nodeBytes;
  trees.forEach((tree, t) => {
    const depth = depths[t]!;
    const internal = (1 << depth) - 1;
    // the walk ends with byte offset p = 16h for leaf slot h − internal; it reads the leaf at leafBase + p / 2
    view.setInt32(t * META_BYTES, nodeAt, true);
    view.setInt32(t * META_BYTES + 4, leafAt - internal * 8 - nodeAt / 2, true);
    view.setInt32(t * META_BYTES + 8, depth, true);
    const fill = (h: number, source: number, level: number): void => {
      if (level === depth) {
        view.setFloat64(leafAt + (h - internal) * 8, tree.value[source]!, true);
        return;
      }
      const at = nodeAt + h * NODE_BYTES;
      const f = tree.feature[source]!;
      if (f < 0) {
        // padding: any split will do, both subtrees end in this leaf
        view.setInt32(at, 0, true);
        view.setBigInt64(at + 8, 0n, true);
        fill(2 * h + 1, source, level + 1);
        fill(2 * h + 2, source, level + 1);
        return;
      }
      const column = tree.missingLeft[source] === 1 ? cols + f : f;
      view.setInt32(at, column * WASM_BLOCK * 8, true);
      view.setBigInt64(at + 8, orderKey(tree.threshold[source]!), true);
      fill(2 * h + 1, tree.left[source]!, level + 1);
      fill(2 * h + 2, tree.right[source]!, level + 1);
    };
    fill(0, 0, 0);
    nodeAt += internal * NODE_BYTES;
    leafAt += (internal + 1) * 8;
  });
  return { module: (compiledKernel ??= new WebAssembly.Module(kernelModule())), image, nTrees: trees.length, cols };
}

const I64_MIN = -(2n ** 63n);

/** A threshold's key: as PREPARE computes a value's, and NaN (no value is ≤ it) the smallest. */
export function orderKey(v: number): bigint {
  if (v !== v) return I64_MIN;
  keyFloat[0] = v + 0;
  const bits = keyBits[0]!;
  return bits < 0n ? bits ^ 0x7fffffffffffffffn : bits;
}
const keyFloat = new Float64Array(1);
const keyBits = new BigInt64Array(keyFloat.buffer);

function treeDepth(tree: TreeArrays): number {
  const depth = new Int32Array(tree.feature.length);
  let deepest = 0;
  for (let k = 0; k < depth.length; k++) {
    if (tree.feature[k]! < 0) deepest = Math.max(deepest, depth[k]!);
    else depth[tree.left[k]!] = depth[tree.right[k]!] = depth[k]! + 1;
  }
  return deepest;
}

let cachedModule: Uint8Array<ArrayBuffer> | null = null;
let compiledKernel: WebAssembly.Module | null = null;

/**
 * The kernel module: imports memory "m"."memory"; exports
 *   prepare(block, cols, size): turns the raw float64 values in block columns 0..cols−1 (WASM_BLOCK slots each, rows
 *     0..size−1) into keys, copy A in place and copy B in columns cols..2·cols−1;
 *   walk(meta, nTrees, block, sums, size): adds every tree's leaf, in tree order, to sums[r] for r < size.
 */
export function kernelModule(): Uint8Array<ArrayBuffer> {
  if (cachedModule) return cachedModule;
  const typeSection = section(1, vec([
    [0x60, ...vec([[I32], [I32], [I32]]), ...vec([])],
    [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), ...vec([])],
  ]));
  const importSection = section(2, vec([[...name("m"), ...name("memory"), 0x02, 0x00, ...u32(1)]]));
  const functionSection = section(3, vec([u32(0), u32(1)]));
  const exportSection = section(7, vec([
    [...name("prepare"), 0x00, ...u32(0)],
    [...name("walk"), 0x00, ...u32(1)],
  ]));
  const codeSection = section(10, vec([functionBody(prepareCode()), functionBody(walkCode())]));
  cachedModule = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...typeSection, ...importSection, ...functionSection, ...exportSection, ...codeSection]);
  return cachedModule;
}

interface Code {
  locals: number[][];
  body: number[];
}

function functionBody({ locals, body }: Code): number[] {
  const bytes = [...vec(locals), ...body, op.end];
  return [...u32(bytes.length), ...bytes];
}

const get = (l: number) => [op.localGet, ...u32(l)];
const set = (l: number) => [op.localSet, ...u32(l)];
const tee = (l: number) => [op.localTee, ...u32(l)];
const i32 = (n: number) => [op.i32Const, ...s32(n)];
/** memarg: alignment (log2 bytes) and a constant offset */
const mem = (opcode: number, align: number, offset = 0) => [opcode, ...u32(align), ...u32(offset)];

function prepareCode(): Code {
  // params: 0 block, 1 cols, 2 size; locals: 3 j, 4 r, 5 address, 6 copyB offset; 7 bits (i64); 8 value (f64)
  const [block, cols, size, j, r, at, copyB, bits, value] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const body = [
    ...get(cols), ...i32(WASM_BLOCK * 8), op.i32Mul, ...set(copyB),
    // nothing to do for an empty block or no columns
    op.block, VOID_BLOCK,
    ...get(size), op.i32Eqz, op.brIf, 0,
    ...get(cols), op.i32Eqz, op.brIf, 0,
    op.loop, VOID_BLOCK, // columns
    ...get(block), ...get(j), ...i32(WASM_BLOCK * 8), op.i32Mul, op.i32Add, ...set(at),
    ...i32(0), ...set(r),
    op.loop, VOID_BLOCK, // rows
    // bits = reinterpret(x + 0): −0 becomes +0
    ...get(at), ...mem(op.f64Load, 3), ...tee(value), op.f64Const, ...f64Bytes(0), op.f64Add, op.i64ReinterpretF64, ...set(bits),
    // key = bits ^ ((bits >> 63) >>> 1)
    ...get(bits), ...get(bits), op.i64Const, ...s32(63), op.i64ShrS, op.i64Const, ...s32(1), op.i64ShrU, op.i64Xor, ...set(bits),
    // copy A: NaN → largest key
    ...get(at), op.i64Const, ...s64Max(), ...get(bits), ...get(value), ...get(value), op.f64Ne, op.select, ...mem(op.i64Store, 3),
    // copy B: NaN → smallest key
    ...get(at), ...get(copyB), op.i32Add, op.i64Const, ...s64Min(), ...get(bits), ...get(value), ...get(value), op.f64Ne, op.select, ...mem(op.i64Store, 3),
    ...get(at), ...i32(8), op.i32Add, ...set(at),
    ...get(r), ...i32(1), op.i32Add, ...tee(r), ...get(size), op.i32LtU, op.brIf, 0,
    op.end,
    ...get(j), ...i32(1), op.i32Add, ...tee(j), ...get(cols), op.i32LtU, op.brIf, 0,
    op.end,
    op.end,
  ];
  return { locals: [[...u32(4), I32], [...u32(1), I64], [...u32(1), F64]], body };
}

function walkCode(): Code {
  // params: 0 meta, 1 nTrees, 2 block, 3 sums, 4 size (rounded up to groups of G; the block has room)
  const [meta, nTrees, block, sums, size] = [0, 1, 2, 3, 4];
  const G = GROUP;
  const g = 5, m = 6, mEnd = 7, nodes = 8, leaves = 9, d = 10, q = 11, o = 12, depth = 13, kLeft = 14, kRight = 15;
  const a = (k: number) => 16 + k;
  const body = [
    op.block, VOID_BLOCK,
    ...get(nTrees), op.i32Eqz, op.brIf, 0,
    ...get(size), op.i32Eqz, op.brIf, 0,
    ...get(meta), ...get(nTrees), ...i32(META_BYTES), op.i32Mul, op.i32Add, ...set(mEnd),
    ...get(meta), ...set(m),
    op.loop, VOID_BLOCK, // trees
    ...get(m), ...mem(op.i32Load, 2, 0), ...set(nodes),
    ...get(m), ...mem(op.i32Load, 2, 4), ...set(leaves),
    ...get(m), ...mem(op.i32Load, 2, 8), ...set(depth),
    // a = nodes + 16h; left child 2a + 16 − nodes, right child 2a + 32 − nodes
    ...i32(NODE_BYTES), ...get(nodes), op.i32Sub, ...set(kLeft),
    ...i32(2 * NODE_BYTES), ...get(nodes), op.i32Sub, ...set(kRight),
    ...i32(0), ...set(g),
    op.loop, VOID_BLOCK, // groups of G rows
    ...get(block), ...get(g), ...i32(8), op.i32Mul, op.i32Add, ...set(o),
    ...Array.from({ length: G }, (_, k) => [...get(nodes), ...set(a(k))]).flat(),
    ...get(depth), ...set(d),
    op.loop, VOID_BLOCK, // levels
    ...Array.from({ length: G }, (_, k) => [
      ...get(a(k)), ...i32(1), op.i32Shl,
      ...get(kRight), ...get(kLeft),
      ...get(a(k)), ...mem(op.i32Load, 2, 0), ...get(o), op.i32Add, ...mem(op.i64Load, 3, 8 * k),
      ...get(a(k)), ...mem(op.i64Load, 3, 8),
      op.i64GtS, op.select, op.i32Add, ...set(a(k)),
    ]).flat(),
    ...get(d), ...i32(1), op.i32Sub, ...tee(d), op.brIf, 0,
    op.end,
    ...get(sums), ...get(g), ...i32(8), op.i32Mul, op.i32Add, ...set(q),
    ...Array.from({ length: G }, (_, k) => [
      ...get(q),
      ...get(q), ...mem(op.f64Load, 3, 8 * k), ...get(leaves), ...get(a(k)), ...i32(1), op.i32ShrU, op.i32Add, ...mem(op.f64Load, 3, 0), op.f64Add,
      ...mem(op.f64Store, 3, 8 * k),
    ]).flat(),
    ...get(g), ...i32(G), op.i32Add, ...tee(g), ...get(size), op.i32LtU, op.brIf, 0,
    op.end,
    ...get(m), ...i32(META_BYTES), op.i32Add, ...tee(m), ...get(mEnd), op.i32LtU, op.brIf, 0,
    op.end,
    op.end,
  ];
  return { locals: [[...u32(11 + G), I32]], body };
}

function f64Bytes(v: number): number[] {
  return [...new Uint8Array(new Float64Array([v]).buffer)];
}

/** signed LEB128 of 2^63 − 1 and −2^63 (i64.const operands) */
function s64Max(): number[] {
  return [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];
}
function s64Min(): number[] {
  return [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f];
}

/** A kernel instance with its own memory: the trees at 0, then the row block, then the block's sums. */
export interface WasmScorer {
  prepare: (block: number, cols: number, size: number) => void;
  walk: (meta: number, nTrees: number, block: number, sums: number, size: number) => void;
  memory: WebAssembly.Memory;
  nTrees: number;
  cols: number;
  block: number;
  sums: number;
}

/** Instantiates the kernel with the trees copied into a fresh memory. Self-contained (the helper thread runs it). */
export function instantiateScorer(trees: WasmTrees): WasmScorer {
  const BLOCK = 64;
  const imageBytes = trees.image.byteLength;
  const block = Math.ceil(imageBytes / 64) * 64;
  const sums = block + 2 * trees.cols * BLOCK * 8;
  const pages = Math.ceil((sums + BLOCK * 8) / 65536);
  const memory = new WebAssembly.Memory({ initial: pages });
  new Uint8Array(memory.buffer).set(trees.image);
  const instance = new WebAssembly.Instance(trees.module, { m: { memory } });
  const exports = instance.exports as unknown as Pick<WasmScorer, "prepare" | "walk">;
  return { prepare: exports.prepare, walk: exports.walk, memory, nTrees: trees.nTrees, cols: trees.cols, block, sums };
}

/**
 * baseline + Σ tree outputs for rows [from, to) of x into out[from..to): block by block, the columns' values are
 * copied into the kernel's memory, turned into keys, and walked. Self-contained (the helper thread runs it).
 * O((to − from) · Σ depths).
 */
export function scoreRowsWasm(scorer: WasmScorer, baseline: number, x: Matrix, from: number, to: number, out: Float64Array): void {
  const BLOCK = 64;
  const { rows, cols, data } = x;
  const heap = new Float64Array(scorer.memory.buffer);
  const blockAt = scorer.block / 8;
  const sumsAt = scorer.sums / 8;
  for (let start = from; start < to; start += BLOCK) {
    const size = Math.min(BLOCK, to - start);
    for (let j = 0; j < cols; j++) heap.set(data.subarray(j * rows + start, j * rows + start + size), blockAt + j * BLOCK);
    heap.fill(baseline, sumsAt, sumsAt + size);
    scorer.prepare(scorer.block, cols, size);
    scorer.walk(0, scorer.nTrees, scorer.block, scorer.sums, size);
    out.set(heap.subarray(sumsAt, sumsAt + size), start);
  }
}
