// Public surface of lib/monitoring: pure monitoring statistics. One export line per module.
export * from "./config.ts";
export * from "./drift/index.ts";
export * from "./baseline-sample.ts";
