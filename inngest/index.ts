import { pipelines } from "../lib/pipelines/catalog.ts";
import { triggers, type Trigger } from "../lib/pipelines/triggers.ts";
import { createPipelineFunction } from "./functions/pipeline-function.ts";
import { createScheduleFunction } from "./functions/schedule-function.ts";
import { createTriggerFunction } from "./functions/trigger-function.ts";

export { inngest } from "./client.ts";
export const pipelineFunctions = pipelines.map((def) => createPipelineFunction(def));
export const scheduleFunctions = pipelines.flatMap((def) => (def.schedule ? [createScheduleFunction({ ...def, schedule: def.schedule })] : []));
export const triggerFunctions = (triggers as readonly Trigger[]).map((t) => createTriggerFunction(t));
export const functions = [...pipelineFunctions, ...scheduleFunctions, ...triggerFunctions];
