import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { guardRequest } from "./lib/security/request-guard.ts";

// Next 16's request guard file convention (formerly middleware.ts); it always runs on the Node.js runtime, before
// routing. All decisions live in lib/security/request-guard.ts, which is unit-tested without a server.
export function proxy(request: NextRequest) {
  return guardRequest(request) ?? NextResponse.next();
}

export const config = {
  // Build output skips the guard entirely (fast path); guardRequest treats it as public anyway.
  matcher: ["/((?!_next/static/).*)"],
};
