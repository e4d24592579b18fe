"use client";
import { FormAlert } from "./form-alert.tsx";

import { useState, type FormEvent } from "react";
import { unreachableMessage } from "./api-error.ts";

/**
 * Posts the admin token to /api/login, then goes to `next` (the page the request guard sent us from). Without
 * JavaScript the same form posts natively and the route redirects (to `next` or back here with ?error=wrong-token).
 */
export function LoginForm({ initialError, next = "/" }: { initialError: string | null; next?: string }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const token = String(new FormData(event.currentTarget).get("token") ?? "");
    try {
      const res = await fetch("/api/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
      if (res.ok) {
        // A full page load, not router.push: links prefetched while signed out cached the redirect to /login.
        window.location.assign(next);
        return;
      }
      setError(res.status === 401 ? "Wrong token" : `Sign-in failed (${res.status}). Try again.`);
    } catch (e) {
      setError(unreachableMessage(e));
    }
    setPending(false);
  }

  return (
    <form method="post" action="/api/login" onSubmit={onSubmit} className="login">
      <label htmlFor="admin-token">Admin token</label>
      <input id="admin-token" name="token" type="password" autoComplete="current-password" required />
      <input type="hidden" name="next" value={next} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        Sign in
      </button>
      <FormAlert message={error} />
    </form>
  );
}
