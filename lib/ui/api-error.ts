// Turns a failed API response into one sentence for a role="alert" element (browser side).

interface ApiErrorBody {
  error?: string;
  message?: string;
  fields?: Record<string, string>;
}

export async function readApiError(res: Response): Promise<string> {
  if (res.status === 401) return "You are not signed in: this action needs the admin token. Sign in at /login, then try again.";
  let body: ApiErrorBody = {};
  try {
    body = (await res.json()) as ApiErrorBody;
  } catch {
    // not JSON (e.g. a proxy error page)
  }
  const fields = body.fields ? Object.entries(body.fields).map(([k, v]) => `${k}: ${v}`) : [];
  const message = body.message ?? `The server answered ${res.status} ${res.statusText}.`;
  return fields.length ? `${message} ${fields.join("; ")}` : message;
}

/** The sentence shown when the request itself failed (server down, network). */
export function unreachableMessage(e: unknown): string {
  return `Could not reach the server (${(e as Error).message}). Check that churnops is running, then try again.`;
}

/** POSTs JSON to a route that starts a run (it answers 202 { runId }): the run id, or a sentence for role="alert". */
export async function requestRun(url: string, body: unknown): Promise<{ runId: string } | { error: string }> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (res.status === 202) return { runId: ((await res.json()) as { runId: string }).runId };
    return { error: await readApiError(res) };
  } catch (e) {
    return { error: unreachableMessage(e) };
  }
}
