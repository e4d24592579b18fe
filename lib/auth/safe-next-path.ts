/**
 * The page to return to after signing in, from `/login?next=…`: only a path on this site. Anything else (another
 * origin, `//evil.example`, `/\evil.example`, a scheme, control characters) becomes "/", so the login page can
 * never be used to send a signed-in user somewhere else.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > 2000) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return "/";
  // Resolve against a dummy origin: whatever the browser would make of it must stay on that origin.
  const url = new URL(raw, "http://churnops.invalid");
  if (url.origin !== "http://churnops.invalid" || url.pathname.startsWith("/login")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
