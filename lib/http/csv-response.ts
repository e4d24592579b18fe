/**
 * A CSV download: attachment with `filename`, never cached (it holds customer data), never sniffed as HTML. The
 * body is a string or a stream (see lib/ui/csv-stream.ts); cells must already be escaped with csvCell.
 */
export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]+/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
