import { csvLine } from "./csv-cell.ts";

/**
 * A CSV document streamed from batches of rows: the header first, then one chunk per batch (`lines` turns a batch
 * into CSV records). An error mid-way aborts the body, so a cut download never looks like a complete file;
 * cancelling (the browser went away) stops the batches.
 */
export function csvStream<T>(
  header: readonly string[],
  lines: (rows: readonly T[]) => string,
  batches: AsyncIterator<T[]>,
  onError: (e: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(header)));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(lines(next.value)));
      } catch (e) {
        onError(e);
        controller.error(e);
      }
    },
    async cancel() {
      await batches.return?.(undefined);
    },
  });
}
