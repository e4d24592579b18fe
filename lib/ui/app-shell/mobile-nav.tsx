"use client";

import { MenuIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Dialog as DialogPrimitive } from "radix-ui";
import { useState } from "react";
import { Button } from "../components/button.tsx";
import { cn } from "../components/cn.ts";
import { activeNavHref, NAV_ITEMS } from "./nav-items.ts";

/** Phone nav (below md): a menu button opening a side sheet (Radix Dialog: focus trap, Escape, focus return). */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  const active = activeNavHref(usePathname());
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open menu">
          <MenuIcon aria-hidden />
        </Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50 lg:hidden" />
        <DialogPrimitive.Content
          data-slot="mobile-nav"
          className="fixed inset-y-0 right-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 border-l border-border bg-background p-4 shadow-lg outline-none lg:hidden"
        >
          <div className="flex items-center justify-between">
            <DialogPrimitive.Title className="m-0 text-base font-semibold">Menu</DialogPrimitive.Title>
            <DialogPrimitive.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close menu">
                <XIcon aria-hidden />
              </Button>
            </DialogPrimitive.Close>
          </div>
          <DialogPrimitive.Description className="sr-only">Pages of churnops</DialogPrimitive.Description>
          <nav aria-label="Main">
            <ul className="m-0 flex list-none flex-col gap-1 p-0">
              {NAV_ITEMS.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={item.href === active ? "page" : undefined}
                    onClick={() => setOpen(false)}
                    className={cn(
                      "block rounded-md px-3 py-2 text-base font-medium text-foreground no-underline hover:bg-accent hover:no-underline",
                      "aria-[current=page]:bg-accent aria-[current=page]:font-semibold",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
