import type { Metadata } from "next";
import { z } from "zod";
import { isAuthRequired } from "../../lib/auth/admin-auth.ts";
import { safeNextPath } from "../../lib/auth/safe-next-path.ts";
import { LoginForm } from "../../lib/ui/login-form.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const querySchema = z.object({ error: z.literal("wrong-token").optional().catch(undefined) });

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const { error } = querySchema.parse(query);
  const next = safeNextPath(query.next); // where the request guard (proxy.ts) sent us from; only a path on this site
  return (
    <>
      <h1>Sign in</h1>
      {isAuthRequired() ? (
        <>
          <p>This server needs the admin token (CHURNOPS_ADMIN_TOKEN) to show its data and to start or cancel runs. Signing in keeps you signed in for 12 hours in this browser.</p>
          <LoginForm initialError={error ? "Wrong token" : null} next={next} />
        </>
      ) : (
        <p>Sign-in is not required on this server: no admin token is configured (CHURNOPS_ADMIN_TOKEN is unset), so it only listens on this machine.</p>
      )}
    </>
  );
}
