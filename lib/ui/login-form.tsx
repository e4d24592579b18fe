"use client";

import { useState, type FormEvent } from "react";
import { unreachableMessage } from "./api-error.ts";
import { Button } from "./components/button.tsx";
import { Field } from "./components/field.tsx";
import { Input } from "./components/input.tsx";

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
    <form method="post" action="/api/login" onSubmit={onSubmit} className="flex flex-col gap-4">
      {/* The error sits at the field (aria-invalid + described-by) and is announced when it appears. */}
      <Field id="admin-token" label="Admin token" error={error} announce>
        <Input name="token" type="password" autoComplete="current-password" required />
      </Field>
      <input type="hidden" name="next" value={next} />
      <Button type="submit" disabled={pending} aria-busy={pending} className="self-start">
        Sign in
      </Button>
    </form>
  );
}
