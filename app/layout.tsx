import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { ADMIN_COOKIE, isAuthRequired, isValidAdminCookie } from "../lib/auth/admin-auth.ts";
import { SiteHeader } from "../lib/ui/app-shell/site-header.tsx";
import { SkipLink } from "../lib/ui/app-shell/skip-link.tsx";
import { Toaster } from "../lib/ui/components/toaster.tsx";
import { TooltipProvider } from "../lib/ui/components/tooltip.tsx";
import "./globals.css";

// The auth state is read per request (the token is runtime configuration, not a build-time constant).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "churnops", template: "%s · churnops" },
  description: "Churn-prediction MLOps platform: pipelines, runs and data.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0f17" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const authRequired = isAuthRequired();
  const signedIn = authRequired && isValidAdminCookie((await cookies()).get(ADMIN_COOKIE)?.value);
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <TooltipProvider delayDuration={300}>
          <SkipLink />
          <SiteHeader authRequired={authRequired} signedIn={signedIn} />
          {/* tabIndex -1: the skip link moves focus here, not just the scroll position. */}
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl min-w-0 px-4 py-6 outline-none sm:px-6">
            {children}
          </main>
          <Toaster />
        </TooltipProvider>
      </body>
    </html>
  );
}
