import http from "node:http";
import type { AddressInfo } from "node:net";
import aws4 from "aws4";

/**
 * A verifying front for s3rver in tests. s3rver accepts any SigV4 query signature ("V4 signatures have incomplete
 * support"), so on its own it cannot show that a tampered or expired presigned URL is refused. This gateway checks
 * each request the way S3 does, with an independent SigV4 implementation (aws4), against the Host header the client
 * really sent, then forwards it to s3rver: 403 for a bad or missing signature, 403 once X-Amz-Expires has passed.
 */
export async function startSigV4Gateway(options: { upstream: string; accessKeyId: string; secretAccessKey: string; region?: string }) {
  const server = http.createServer((req, res) => {
    const problem = signatureProblem(req, options);
    if (problem) {
      res.writeHead(403, { "content-type": "text/plain" }).end(problem);
      return;
    }
    const upstream = new URL(req.url!, options.upstream);
    const proxied = http.request(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    proxied.on("error", (e) => res.writeHead(502).end(String(e)));
    req.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function signatureProblem(req: http.IncomingMessage, options: { accessKeyId: string; secretAccessKey: string; region?: string }): string | null {
  const url = new URL(req.url!, "http://gateway.invalid");
  const provided = url.searchParams.get("X-Amz-Signature");
  const date = url.searchParams.get("X-Amz-Date");
  const expires = Number(url.searchParams.get("X-Amz-Expires"));
  if (!provided || !date || !Number.isFinite(expires)) return "not a presigned request";
  const signedAt = Date.parse(date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (!(Date.now() <= signedAt + expires * 1000)) return "Request has expired";
  url.searchParams.delete("X-Amz-Signature");
  const signed = aws4.sign(
    { host: req.headers.host, method: req.method, path: `${url.pathname}${url.search}`, service: "s3", region: options.region ?? "us-east-1", signQuery: true },
    { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  );
  const expected = new URL(signed.path!, "http://gateway.invalid").searchParams.get("X-Amz-Signature");
  return expected === provided ? null : "SignatureDoesNotMatch";
}
