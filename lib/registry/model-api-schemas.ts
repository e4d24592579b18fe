import { z } from "zod";

// Wire shape of GET /api/models for the route and the OpenAPI document.

export const featureSchemaSchema = z
  .object({
    name: z.string(),
    kind: z.enum(["numeric", "categorical", "date", "boolean"]),
    missingShare: z.number().meta({ description: "share of training rows where the value was missing" }),
    min: z.number().optional(),
    max: z.number().optional(),
    median: z.number().optional(),
    unit: z.literal("days").optional().meta({ description: "dates: min/max/median are ages in days" }),
    categories: z.array(z.string()).optional().meta({ description: "categories with their own column, most frequent first" }),
    hasOther: z.boolean().optional(),
  })
  .meta({ title: "FeatureSchema", description: "One raw feature of a model, from its training rows." });

export const modelListSchema = z
  .object({
    models: z.array(
      z.object({
        name: z.string(),
        dataset: z.string(),
        primaryMetric: z.string().meta({ description: "the metric promotion compares (pr_auc, roc_auc, ...)" }),
        direction: z.enum(["higher", "lower"]),
        champion: z.object({ version: z.number().int(), value: z.number().nullable(), trainedAt: z.string() }).nullable(),
        challenger: z.number().int().nullable(),
        latestVersion: z.number().int().nullable(),
        versionCount: z.number().int(),
        lastTrainedAt: z.string().nullable(),
        features: z.array(featureSchemaSchema).nullable().optional().meta({ description: "with ?include=features: the champion's feature schema (null when it has none or cannot score)" }),
      }),
    ),
  })
  .meta({ title: "ModelList" });
