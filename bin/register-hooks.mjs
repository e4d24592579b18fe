// Loader hooks for every plain Node process that runs our TypeScript outside Next (the CLI, local and Inngest
// workers, benchmarks): `node --import ./bin/register-hooks.mjs file.ts`, or import it first.
// 1. tsx: TypeScript sources, no build step.
// 2. `server-only`: server modules import it so a client component cannot pull them in by mistake. The package
//    throws unless resolved with the "react-server" condition, which Next applies to its server bundles. We add
//    that condition for this one package only (a global --conditions=react-server would also switch React to its
//    server build).
import { register } from "node:module";
import { register as registerTsx } from "tsx/esm/api";

const serverOnlyHook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? next(specifier, { ...context, conditions: [...context.conditions, "react-server"] }) : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(serverOnlyHook)}`, import.meta.url);
registerTsx();
