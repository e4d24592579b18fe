import { appMetrics } from "./metrics-registry.ts";

/**
 * Wraps a route handler so its latency lands in churnops_http_request_duration_seconds under `route` (the template,
 * e.g. "/api/predict", never the raw URL). The handler's own errors are still its own: this only measures.
 */
export function timedRoute<A extends unknown[]>(route: string, handler: (req: Request, ...rest: A) => Promise<Response>): (req: Request, ...rest: A) => Promise<Response> {
  return async (req, ...rest) => {
    const end = appMetrics().httpDuration.startTimer({ route, method: req.method });
    let status = 500;
    try {
      const res = await handler(req, ...rest);
      status = res.status;
      return res;
    } finally {
      end({ status: String(status) });
    }
  };
}
