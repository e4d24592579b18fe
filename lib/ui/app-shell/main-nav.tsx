"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "../components/cn.ts";
import { activeNavHref, NAV_ITEMS } from "./nav-items.ts";

/** Desktop nav (md and up): a row of links, the current section marked with aria-current="page". */
export function MainNav() {
  const active = activeNavHref(usePathname());
  return (
    <nav aria-label="Main" className="hidden min-w-0 lg:block">
      <ul className="m-0 flex list-none flex-wrap items-center gap-1 p-0">
        {NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === active ? "page" : undefined}
              className={cn(
                "rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground no-underline transition-colors hover:bg-accent hover:text-foreground hover:no-underline",
                "aria-[current=page]:bg-accent aria-[current=page]:text-foreground",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
