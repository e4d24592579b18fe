import { describe, expect, it } from "vitest";
import { keyValueFacts, nounOfTable, stepFacts } from "./step-facts.ts";

const RUN = "11111111-1111-4111-8111-111111111111";
const DQ_USERS = "22222222-2222-4222-8222-222222222222";
const DQ_EVENTS = "33333333-3333-4333-8333-333333333333";
const sha = "a".repeat(64);

const gate = (eventsRejected: number, eventsStatus: "passed" | "failed") => ({
  dqRunIds: [DQ_USERS, DQ_EVENTS],
  suites: [
    { suite: "elearning.users", status: "passed", rowCount: 300, rejectedRows: 0, failed: [], warned: [], dqRunId: DQ_USERS },
    { suite: "elearning.events", status: eventsStatus, rowCount: 71739, rejectedRows: eventsRejected, failed: eventsStatus === "failed" ? ["in_set:event_type"] : [], warned: [], dqRunId: DQ_EVENTS },
  ],
});

const load = (eventsRejected: number, status: "passed" | "failed") => ({
  files: [
    { name: "users.csv", table: "raw.elearning_users", rows: 300, bytes: 20000, sha256: sha, durationMs: 5 },
    { name: "events.csv", table: "raw.elearning_events", rows: 71739, bytes: 4_000_000, sha256: sha, durationMs: 50 },
  ],
  rows: { "raw.elearning_users": 300, "raw.elearning_events": 71739 },
  gate: gate(eventsRejected, status),
});

describe("stepFacts", () => {
  it("says what a clean load loaded, and links the tables and each validation report but no rejects", () => {
    const facts = stepFacts("load-raw-tables", load(0, "passed"), RUN);
    expect(facts[0].text).toBe("300 users and 71,739 events loaded, 0 rejected");
    expect(facts[0].links.map((l) => l.label)).toEqual(["raw.elearning_users", "raw.elearning_events"]);
    expect(facts[1]).toEqual({ text: "elearning.users: passed, 300 rows checked, 0 rejected", links: [{ label: "Validation report elearning.users", href: `/data/quality/${DQ_USERS}` }] });
    expect(facts.flatMap((f) => f.links).some((l) => l.href.startsWith("/data/rejects"))).toBe(false);
  });

  it("links this run's rejected rows only when the gate rejected some", () => {
    const facts = stepFacts("load-raw-tables", load(4, "failed"), RUN);
    expect(facts[0].text).toBe("300 users and 71,739 events loaded, 4 rejected");
    expect(facts[0].links).toContainEqual({ label: "Rejected rows", href: `/data/rejects?runId=${RUN}` });
    expect(facts[2].text).toBe("elearning.events: failed, 71,739 rows checked, 4 rejected; failed: in_set:event_type");
    expect(facts[2].links[1].href).toBe(`/data/rejects?runId=${RUN}&suite=elearning.events`);
  });

  it("turns generated files into download links and staging builds into counts", () => {
    const gen = stepFacts("generate-csvs", { usersKey: `datasets/elearning/${RUN}/users.csv`, eventsKey: `datasets/elearning/${RUN}/events.csv`, users: 300, events: 71739, churnedUsers: 96, bytes: 3 * 1024 * 1024 }, RUN);
    expect(gen).toEqual([{ text: "Generated 300 users and 71,739 events (3.0 MB)", links: [
      { label: "users.csv", href: `/api/artifacts/datasets/elearning/${RUN}/users.csv` },
      { label: "events.csv", href: `/api/artifacts/datasets/elearning/${RUN}/events.csv` },
    ] }]);
    expect(stepFacts("build-staging", { users: 300, events: 71735 }, RUN)[0].text).toBe("300 users and 71,735 events in staging");
    expect(stepFacts("release-working-tables", { released: ["raw.elearning_users", "staging.elearning_users"] }, RUN)[0].text).toBe("raw.elearning_users and staging.elearning_users emptied; the run's snapshots keep the valid rows");
    expect(stepFacts("build-staging", { table: "staging.tabular_telco_v1", rows: 38, rejectedRows: 2, warned: [] }, RUN)[0].text).toBe("38 valid rows in staging.tabular_telco_v1 (2 left out)");
  });

  it("falls back to key/value lines, never JSON", () => {
    expect(keyValueFacts({ filesChecked: 3, changes: [{ a: 1 }], watchDir: "/x" }).map((f) => f.text)).toEqual(["filesChecked: 3", "changes: 1 item", "watchDir: /x"]);
    expect(stepFacts("scan", { filesChecked: 1200 }, RUN)[0].text).toBe("filesChecked: 1,200");
  });

  it("names tables by what their rows are", () => {
    expect(nounOfTable("raw.wallet_active_user")).toBe("active user rows");
    expect(nounOfTable("raw.wallet_payments")).toBe("payments");
    expect(nounOfTable("raw.tabular_telco_v2")).toBe("rows");
  });
});
