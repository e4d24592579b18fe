"use client";

import { useEffect } from "react";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest) : null;
  return (
    <section aria-labelledby="error-heading">
      <h1 id="error-heading">Something went wrong</h1>
      <p>
        This page could not be loaded. The most common cause is that the database is not reachable: check that churnops is running (
        <code>churnops serve</code>) and that <code>DATABASE_URL</code> points at a running database, then try again.
      </p>
      {digest && (
        <p className="muted">
          Error id <code>{digest}</code> (search the server log for it).
        </p>
      )}
      <button type="button" onClick={() => retry()}>
        Try again
      </button>
    </section>
  );
}
