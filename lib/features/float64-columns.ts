/**
 * glibc serves an allocation from its own mapping (returned to the OS when freed) only above its mmap threshold,
 * which rises with every mapped block freed, up to 32 MiB on 64-bit. Smaller arrays come from the heap, and freeing
 * one in the middle of the heap keeps its pages resident. Columns grouped into blocks of at least this size are
 * always mapped, so a released block lowers the process's RSS.
 */
export const MAPPED_BLOCK_BYTES = 32 * 1024 * 1024;

/**
 * `count` zero-filled Float64Arrays of `rows` values each, laid out in blocks of several columns (one ArrayBuffer of
 * at least MAPPED_BLOCK_BYTES per block, when there is that much data). A block's memory goes back to the OS once
 * every column of it is unreachable: a caller that lets go of columns in order (training-data.ts, after their design
 * columns are built) frees the frame while it builds the matrices instead of holding both.
 */
export function float64Columns(count: number, rows: number): Float64Array[] {
  const columnBytes = 8 * rows;
  const perBlock = columnBytes === 0 ? Math.max(1, count) : Math.max(1, Math.ceil(MAPPED_BLOCK_BYTES / columnBytes));
  const columns: Float64Array[] = [];
  for (let first = 0; first < count; first += perBlock) {
    const inBlock = Math.min(perBlock, count - first);
    const buffer = new ArrayBuffer(inBlock * columnBytes);
    for (let k = 0; k < inBlock; k++) columns.push(new Float64Array(buffer, k * columnBytes, rows));
  }
  return columns;
}
