import { CheckCircle2Icon, CircleIcon } from "lucide-react";
import Link from "next/link";
import type { ChecklistItem } from "../overview/setup-checklist.ts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./components/card.tsx";

/** Load → validate → train → score, each ticked from the database; the first open step is the next thing to do. */
export function SetupChecklist({ items, children }: { items: readonly ChecklistItem[]; children?: React.ReactNode }) {
  const next = items.find((i) => !i.done);
  const done = items.filter((i) => i.done).length;
  return (
    <Card aria-label="Getting started">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle>Getting started</CardTitle>
          <CardDescription>
            {done} of {items.length} steps done. The list ticks itself as you go.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ol className="m-0 grid list-none gap-3 p-0 sm:grid-cols-2 lg:grid-cols-4 [&_a]:underline">
          {items.map((item, i) => (
            <li key={item.id} className="flex gap-2" data-done={item.done} aria-current={item === next ? "step" : undefined}>
              {item.done ? <CheckCircle2Icon aria-hidden className="size-5 shrink-0 text-success" /> : <CircleIcon aria-hidden className="size-5 shrink-0 text-muted-foreground" />}
              <div className="min-w-0 text-sm">
                <p className="m-0 font-medium">
                  {i + 1}. {item.title} <span className="sr-only">{item.done ? "(done)" : "(to do)"}</span>
                </p>
                <p className="m-0 text-muted-foreground">
                  {item.hint} <Link href={item.href}>{item === next ? "Do it now" : "Open"}</Link>
                </p>
              </div>
            </li>
          ))}
        </ol>
        {children}
      </CardContent>
    </Card>
  );
}
