import { SearchXIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "../lib/ui/components/button.tsx";

export default function NotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="mx-auto flex max-w-lg flex-col items-center gap-3 py-12 text-center">
      <SearchXIcon aria-hidden className="size-10 text-muted-foreground" />
      <h1 id="not-found-heading" className="m-0 text-2xl font-semibold">
        Not found
      </h1>
      <p className="m-0 text-muted-foreground">There is nothing at this address: the run or page may never have existed, or the link is mistyped.</p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Button asChild>
          <Link href="/">Go to the overview</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/runs">See all runs</Link>
        </Button>
      </div>
    </section>
  );
}
