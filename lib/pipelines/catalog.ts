import { AppError } from "../errors.ts";
import { cryptoEvents } from "./crypto-events.ts";
import { dataWatchdog } from "./data-watchdog.ts";
import { elearningIngest, elearningSample } from "./elearning-sample.ts";
import { tabularLoad } from "./tabular-load.ts";
import { trainElearning } from "./train-elearning.ts";
import { trainTable } from "./train-table.ts";
import { trainWallet } from "./train-wallet.ts";
import { driftElearning } from "./drift-elearning.ts";
import { driftTable } from "./drift-table.ts";
import { driftWallet } from "./drift-wallet.ts";
import { psiCheckElearning } from "./psi-check-elearning.ts";
import { psiCheckTable } from "./psi-check-table.ts";
import { psiCheckWallet } from "./psi-check-wallet.ts";
import { scoreElearning } from "./score-elearning.ts";
import { scoreTable } from "./score-table.ts";
import { scoreWallet } from "./score-wallet.ts";
import { walletIngest, walletSample } from "./wallet-sample.ts";
import type { PipelineDefinition } from "./pipeline-definition.ts";

/** Every pipeline the platform knows; the dashboard, the CLI, the scheduler and Inngest all read this list. */
export const pipelines: readonly PipelineDefinition[] = [elearningSample, elearningIngest, walletSample, walletIngest, tabularLoad, dataWatchdog, trainElearning, trainWallet, trainTable, scoreElearning, scoreWallet, scoreTable, driftElearning, driftWallet, driftTable, psiCheckElearning, psiCheckWallet, psiCheckTable, cryptoEvents];

export function findPipeline(id: string): PipelineDefinition | undefined {
  return pipelines.find((p) => p.id === id);
}

export function getPipeline(id: string): PipelineDefinition {
  const def = findPipeline(id);
  if (!def) {
    throw new AppError("PIPELINE_NOT_FOUND", `There is no pipeline "${id}". Known pipelines: ${pipelines.map((p) => p.id).join(", ")}.`, 404);
  }
  return def;
}
