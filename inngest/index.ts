import { pipelines } from "../lib/pipelines/registry.ts";
import { createPipelineFunction } from "./functions/pipeline-function.ts";

export { inngest } from "./client.ts";
export const pipelineFunctions = pipelines.map(createPipelineFunction);
export const functions = [...pipelineFunctions];
