import type { ParseArgsConfig } from "node:util";

export interface Command {
  options: NonNullable<ParseArgsConfig["options"]>;
  /** serve and the database daemon keep their database open until they exit */
  keepsRunning?: boolean;
  run(positionals: string[], values: Record<string, unknown>): Promise<number>;
}

export const out = (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
