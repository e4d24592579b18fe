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
