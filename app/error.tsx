"use client";

import { TriangleAlertIcon } from "lucide-react";
import { useEffect } from "react";
import { Button } from "../lib/ui/components/button.tsx";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest) : null;
  return (
    <section aria-labelledby="error-heading" className="mx-auto flex max-w-xl flex-col items-center gap-3 py-12 text-center">
      <TriangleAlertIcon aria-hidden className="size-10 text-warning" />
      <h1 id="error-heading" className="m-0 text-2xl font-semibold">
        Something went wrong
      </h1>
      <p className="m-0 text-muted-foreground">
        This page could not be loaded. The most common cause is that the database is not reachable: check that churnops is running (
        <code>churnops serve</code>) and that <code>DATABASE_URL</code> points at a running database, then try again.
      </p>
      {digest && (
        <p className="m-0 text-sm text-muted-foreground">
          Error id <code>{digest}</code> (search the server log for it).
        </p>
      )}
      <Button type="button" onClick={() => retry()} className="mt-2">
        Try again
      </Button>
    </section>
  );
}
