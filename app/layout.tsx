import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { ADMIN_COOKIE, isAuthRequired, isValidAdminCookie } from "../lib/auth/admin-auth.ts";
import "./globals.css";

// The auth state is read per request (the token is runtime configuration, not a build-time constant).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "churnops", template: "%s · churnops" },
  description: "Churn-prediction MLOps platform: pipelines, runs and data.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const authRequired = isAuthRequired();
  const signedIn = authRequired && isValidAdminCookie((await cookies()).get(ADMIN_COOKIE)?.value);
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            churnops
          </Link>
          <nav aria-label="Main">
            <Link href="/">Pipelines</Link>
            <Link href="/runs">Runs</Link>
            <Link href="/data">Data</Link>
            <Link href="/data/quality">Quality</Link>
            <Link href="/data/rejects">Rejects</Link>
            <Link href="/data/upload">Upload</Link>
          </nav>
          {authRequired && <span className="auth">{signedIn ? <span className="muted">Signed in</span> : <Link href="/login">Sign in</Link>}</span>}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
