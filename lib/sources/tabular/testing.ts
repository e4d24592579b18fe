// Test support for the tabular dataset tests (imported by *.test.ts only).

export const CHURN_HEADER = ["customerID", "Gender", "SeniorCitizen", "Partner", "tenure", "Contract", "MonthlyCharges", "SignupDate", "City", "Churn"];
export const CITIES = ["São Paulo", "Málaga", "Logroño", "Zürich"];

/** One Telco-like row; row i churns when i % 4 === 0. */
export function churnRow(i: number, override: Partial<Record<string, string>> = {}): string[] {
  const pad = (n: number) => String(n).padStart(2, "0");
  const row: Record<string, string> = {
    customerID: `C${10000 + i}`,
    Gender: i % 2 ? "Male" : "Female",
    SeniorCitizen: i % 5 === 0 ? "1" : "0",
    Partner: i % 3 ? "Yes" : "No",
    tenure: String(i % 72),
    Contract: ["Month-to-month", "One year", "Two year"][i % 3],
    MonthlyCharges: (20 + ((i * 7.3) % 100)).toFixed(2),
    SignupDate: `2023-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`,
    City: CITIES[i % 4],
    Churn: i % 4 === 0 ? "Yes" : "No",
    ...override,
  };
  return CHURN_HEADER.map((h) => row[h]);
}

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A churn CSV of n rows (plus extra raw rows), as text. */
export function churnCsv(n: number, opts: { newline?: "\n" | "\r\n"; extra?: string[][]; header?: string[] } = {}): string {
  const nl = opts.newline ?? "\n";
  const rows = [opts.header ?? CHURN_HEADER, ...Array.from({ length: n }, (_, i) => churnRow(i + 1)), ...(opts.extra ?? [])];
  return rows.map((r) => r.map(field).join(",")).join(nl) + nl;
}
