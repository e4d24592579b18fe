import Link from "next/link";
import type { RunView } from "../overview/run-view.ts";
import { Alert } from "./components/alert.tsx";
import { CodeBlock } from "./components/code-block.tsx";
import { Disclosure } from "./components/disclosure.tsx";
import { failureView } from "./failure-hint.ts";

/**
 * How a run that did not succeed ended: a cancel is neutral (a choice, no stack trace), a failure says what happened
 * and links the fix. The stack trace is under "Technical details" and only arrives for an admin (the server strips it).
 */
export function RunOutcome({ run }: { run: RunView }) {
  const view = failureView(run);
  if (!view) return null;
  return (
    <Alert variant={view.tone === "neutral" ? "info" : "destructive"} role={view.tone === "neutral" ? "status" : "alert"} aria-label={view.title} data-testid="run-outcome">
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <p className="m-0 font-semibold">{view.title}</p>
        {view.message && <p className="m-0 break-words">{view.message}</p>}
        {view.hint && (
          <p className="m-0">
            <span className="font-medium">To fix: </span>
            {view.hint}{" "}
            {view.links.map((l, i) => (
              <span key={l.href}>
                {i > 0 && " · "}
                <Link href={l.href} className="font-medium underline">
                  {l.label}
                </Link>
              </span>
            ))}
          </p>
        )}
        {view.tone === "error" && run.errorStack && (
          <Disclosure summary="Technical details">
            <CodeBlock label="Stack trace">{run.errorStack}</CodeBlock>
          </Disclosure>
        )}
      </div>
    </Alert>
  );
}
