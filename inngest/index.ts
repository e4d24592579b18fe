import { pipelines } from "../lib/pipelines/registry.ts";
import { onDataChanged } from "./functions/on-data-changed.ts";
import { createPipelineFunction } from "./functions/pipeline-function.ts";

export { inngest } from "./client.ts";
export const pipelineFunctions = pipelines.map(createPipelineFunction);
export const functions = [...pipelineFunctions, onDataChanged];
