import { startEmbeddedServer } from "../lib/db/embedded-server.ts";

// The embedded engine in its own process for `npm run bench -- train-scale`, as the app or `churnops worker`
// holds it: serves the data folder argv[2], prints `URL <url>`, and on SIGTERM stops and prints `RSS <peak kB>`.
const server = await startEmbeddedServer(process.argv[2]!);
console.log(`URL ${server.url}`);
process.on("SIGTERM", () => {
  void server.stop().then(() => {
    console.log(`RSS ${process.resourceUsage().maxRSS}`);
    process.exit(0);
  });
});
setInterval(() => {}, 1 << 30);
