import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ModelSummary } from "../../registry/queries.ts";
import { ChampionCard } from "./champion-card.tsx";

const summary: ModelSummary = {
  name: "elearning-churn", dataset: "elearning", primaryMetric: "pr_auc", direction: "higher", createdAt: "2026-01-01T00:00:00.000Z",
  champion: { version: 3, value: 0.81234, trainedAt: "2026-01-05T10:00:00.000Z" }, challenger: 4, latestVersion: 4, versionCount: 4, lastTrainedAt: "2026-01-06T10:00:00.000Z",
};

describe("ChampionCard", () => {
  it("shows the champion's version, primary metric, training time and a link", () => {
    const html = renderToStaticMarkup(createElement(ChampionCard, { model: summary }));
    expect(html).toContain("champion v3");
    expect(html).toContain("PR-AUC (test set)");
    expect(html).toContain("0.8123");
    expect(html).toContain("2026-01-05 10:00:00 UTC");
    expect(html).toContain("challenger v4 waiting");
    expect(html).toContain('href="/models/elearning-churn"');
    expect(html).toContain('aria-labelledby="champion-card-title"');
  });

  it("says what to run when there is no model, and what to do when a model has no champion", () => {
    const none = renderToStaticMarkup(createElement(ChampionCard, { model: null }));
    expect(none).toContain("No model trained yet");
    expect(none).toContain("churnops run train-elearning");
    expect(none).toContain('href="/pipelines"');
    const noChampion = renderToStaticMarkup(createElement(ChampionCard, { model: { ...summary, champion: null } }));
    expect(noChampion).toContain("No champion yet");
    expect(noChampion).not.toContain("champion v3");
  });
});
