import Link from "next/link";
import { datasetLabel } from "../predictions/dataset-label.ts";
import { cn } from "./components/cn.ts";

/**
 * One link per dataset, the current one marked (aria-current): the dataset is a query parameter, so a view can be
 * shared and works without JavaScript. Looks like the design system's tabs; scrolls sideways inside itself when there
 * are many uploaded tables.
 */
export function DatasetTabs({ datasets, current, hrefOf, label = "Datasets" }: { datasets: readonly string[]; current: string; hrefOf: (dataset: string) => string; label?: string }) {
  return (
    <nav aria-label={label} className="mb-6 min-w-0">
      <ul className="m-0 inline-flex w-fit max-w-full list-none items-center gap-1 overflow-x-auto rounded-lg bg-muted p-1 text-muted-foreground">
        {datasets.map((d) => (
          <li key={d}>
            <Link
              href={hrefOf(d)}
              aria-current={d === current ? "page" : undefined}
              className={cn(
                "inline-flex items-center whitespace-nowrap rounded-md px-3 py-1 text-sm font-medium no-underline outline-none hover:text-foreground hover:no-underline focus-visible:ring-2 focus-visible:ring-ring",
                d === current ? "bg-background text-foreground shadow-sm" : "text-muted-foreground",
              )}
            >
              {datasetLabel(d)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
