import { describe, expect, it } from "vitest";
import { elearningSampleParams } from "../sources/elearning/elearning-params.ts";
import { paramFieldsOf } from "./param-fields.ts";
import { paramProblem, plainIssue } from "./param-problem.ts";

const fields = Object.fromEntries(paramFieldsOf(elearningSampleParams).map((f) => [f.name, f]));

describe("paramProblem", () => {
  it("checks bounds, integers and patterns taken from the zod schema, in plain words", () => {
    expect(paramProblem(fields.users, "5")).toBe("Enter a number from 10 to 200,000.");
    expect(paramProblem(fields.users, "10")).toBeNull();
    expect(paramProblem(fields.users, "12.5")).toBe("Enter a whole number.");
    expect(paramProblem(fields.users, "many")).toBe("Enter a number.");
    expect(paramProblem(fields.paidRatio, "1.5")).toBe("Enter a number from 0 to 1.");
    expect(paramProblem(fields.startDate, "2025/01/01")).toBe("Enter a date as YYYY-MM-DD, e.g. 2025-01-31.");
    expect(paramProblem(fields.users, "")).toBeNull(); // optional: the default applies
  });
  it("asks for required fields and allowed values", () => {
    const key = { name: "usersKey", label: "users.csv", type: "string", integer: false, required: true } as const;
    expect(paramProblem(key, " ")).toBe("Enter users.csv.");
    expect(paramProblem({ ...key, required: false, options: ["auto", "utf-8"] }, "utf8")).toBe("Choose one of: auto, utf-8.");
  });
});

describe("plainIssue", () => {
  const issuesOf = (raw: unknown) => {
    const r = elearningSampleParams.safeParse(raw);
    if (r.success) throw new Error("expected issues");
    return r.error.issues.map(plainIssue);
  };
  it("rewords zod's own messages and keeps the schema's plain refinements", () => {
    expect(issuesOf({ users: 5 })).toEqual([{ field: "users", message: "Enter 10 or more." }]);
    expect(issuesOf({ days: 999 })).toEqual([{ field: "days", message: "Enter 730 or less." }]);
    expect(issuesOf({ users: "many" })).toEqual([{ field: "users", message: "Enter a number." }]);
    expect(issuesOf({ startDate: "2025-02-30" })).toEqual([{ field: "startDate", message: "Not a real calendar date" }]);
    expect(issuesOf({ users: 200000, days: 730 })[0]).toEqual({ field: "users", message: "Users × days must be at most 3,000,000 (the sample is generated in memory)" });
  });
});
