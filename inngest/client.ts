import { inngestClient } from "../lib/events/inngest-client.ts";

// The client is created in lib/ (lib/events/inngest-client.ts) so that lib/ can send events without importing
// inngest/; this folder only adapts the catalogue, the pipelines and the triggers into Inngest functions.
export const inngest = inngestClient();
