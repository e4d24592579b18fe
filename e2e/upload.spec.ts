import { expect, test } from "@playwright/test";

// A user brings their own churn table: a Windows-1252 CSV as Excel saves it, Yes/No target. They upload it,
// check the inferred types, pick id and target, confirm, and watch the load to success.
test.describe.configure({ mode: "serial" });

const CITIES = ["Bogotá", "São Paulo", "Córdoba", "Medellín"];
function telcoCsv(): Buffer {
  const lines = ["customerID,city,tenure,Contract,MonthlyCharges,SeniorCitizen,Churn"];
  for (let i = 1; i <= 40; i++) {
    const contract = ["Month-to-month", "One year", "Two year"][i % 3];
    lines.push(`C${String(i).padStart(4, "0")},${CITIES[i % 4]},${(i * 7) % 72},${contract},${(20 + i * 2.5).toFixed(2)},${i % 5 === 0 ? "Yes" : "No"},${i % 3 === 0 ? "Yes" : "No"}`);
  }
  return Buffer.from(lines.join("\r\n") + "\r\n", "latin1"); // latin1 bytes: é = 0xE9, ã = 0xE3
}

test("uploads a Windows-1252 CSV, confirms the inferred types and loads it", async ({ page }) => {
  await page.goto("/data/upload");
  await page.getByLabel("CSV file").setInputFiles({ name: "telco.csv", mimeType: "text/csv", buffer: telcoCsv() });
  await page.getByLabel("Dataset name").fill("Telco e2e");
  await page.getByRole("button", { name: "Upload" }).click();

  const types = page.getByRole("table", { name: "Inferred column types" });
  await expect(types).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Type of tenure")).toHaveValue("numeric");
  await expect(page.getByLabel("Type of MonthlyCharges")).toHaveValue("numeric");
  await expect(page.getByLabel("Type of Contract")).toHaveValue("categorical");
  // The text was decoded as Windows-1252, not shown as replacement characters.
  await expect(types.getByText("São Paulo").first()).toBeVisible();

  await page.getByLabel("Id column").selectOption("customerID");
  await page.getByLabel("Target column").selectOption("Churn");
  await page.getByRole("button", { name: "Confirm and load" }).click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 120_000 });

  await page.goto("/data");
  const raw = page.getByRole("table", { name: "Raw tables" });
  await expect(raw.getByRole("row", { name: /raw\.tabular_telco_e2e_v1/ }).getByRole("cell")).toHaveText("40");
});
