/**
 * Just enough of the WebAssembly binary format to write one small module by hand: LEB128 numbers, sections, and
 * the opcodes the tree-scoring kernel uses (score-wasm.ts). The kernel is generated from TypeScript at run time, so
 * it is built from the source in this repository with no toolchain and nothing downloaded.
 *
 * Reference: WebAssembly Core Specification 2.0, chapter 5 "Binary Format".
 */

/** Unsigned LEB128. */
export function u32(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (i32.const operands). */
export function s32(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A vector: its length, then the items' bytes. */
export function vec(items: readonly number[][]): number[] {
  return [...u32(items.length), ...items.flat()];
}

/** A section: id, byte size, contents. */
export function section(id: number, contents: readonly number[]): number[] {
  return [id, ...u32(contents.length), ...contents];
}

export function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...u32(bytes.length), ...bytes];
}

export const I32 = 0x7f;
export const I64 = 0x7e;
export const F64 = 0x7c;
export const VOID_BLOCK = 0x40;

/** Opcodes (binary format §5.4). Memory instructions take (align log2, offset) immediates: see load/store below. */
export const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f64Load: 0x2b,
  i64Load: 0x29,
  i32Load8U: 0x2d,
  i64Store: 0x37,
  f64Store: 0x39,
  select: 0x1b,
  i32Const: 0x41,
  i64Const: 0x42,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32GtU: 0x4b,
  i32GeU: 0x4f,
  i32LeU: 0x4d,
  i64GtS: 0x55,
  f64Ne: 0x62,
  f64Gt: 0x64,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  i64Xor: 0x85,
  i64ShrS: 0x87,
  i64ShrU: 0x88,
  f64Add: 0xa0,
  i64ReinterpretF64: 0xbd,
} as const;
