import { LockKeyholeIcon } from "lucide-react";
import type { Metadata } from "next";
import { z } from "zod";
import { isAuthRequired } from "../../lib/auth/admin-auth.ts";
import { safeNextPath } from "../../lib/auth/safe-next-path.ts";
import { Card, CardContent, CardDescription, CardHeader } from "../../lib/ui/components/card.tsx";
import { LoginForm } from "../../lib/ui/login-form.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const querySchema = z.object({ error: z.literal("wrong-token").optional().catch(undefined) });

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const { error } = querySchema.parse(query);
  const next = safeNextPath(query.next); // where the request guard (proxy.ts) sent us from; only a path on this site
  return (
    <div className="mx-auto w-full max-w-md pt-4 sm:pt-10">
      <Card>
        <CardHeader className="flex-col items-start">
          <LockKeyholeIcon aria-hidden className="size-6 text-muted-foreground" />
          <h1 className="m-0 text-xl font-semibold">Sign in</h1>
          <CardDescription>
            {isAuthRequired()
              ? "This server needs the admin token (CHURNOPS_ADMIN_TOKEN) to show its data and to start or cancel runs. Signing in keeps you signed in for 12 hours in this browser."
              : "Sign-in is not required on this server: no admin token is configured (CHURNOPS_ADMIN_TOKEN is unset), so it only listens on this machine."}
          </CardDescription>
        </CardHeader>
        {isAuthRequired() && (
          <CardContent>
            <LoginForm initialError={error ? "Wrong token" : null} next={next} />
          </CardContent>
        )}
      </Card>
    </div>
  );
}
