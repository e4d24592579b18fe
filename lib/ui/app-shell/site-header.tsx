import Link from "next/link";
import { MainNav } from "./main-nav.tsx";
import { MobileNav } from "./mobile-nav.tsx";

/** The header of every page: product name, nav (a menu on phones), and the sign-in state when auth is on. */
export function SiteHeader({ authRequired, signedIn }: { authRequired: boolean; signedIn: boolean }) {
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 text-base font-bold text-foreground no-underline hover:no-underline">
          <svg aria-hidden viewBox="0 0 32 32" className="size-5">
            <rect width="32" height="32" rx="6" className="fill-primary" />
            <path d="M7 22l6-7 5 4 7-9" fill="none" className="stroke-primary-foreground" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          churnops
        </Link>
        <MainNav />
        <div className="ml-auto flex items-center gap-2">
          {authRequired &&
            (signedIn ? (
              <span className="text-sm text-muted-foreground">Signed in</span>
            ) : (
              <Link href="/login" className="text-sm font-medium">
                Sign in
              </Link>
            ))}
          <MobileNav />
        </div>
      </div>
    </header>
  );
}
