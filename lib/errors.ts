/**
 * Every error code and the one HTTP status it means. A code never changes meaning with the call site:
 * clients branch on `error`, so `INVALID_INPUT` is always a 400, a conflict is always `CONFLICT` (409), and so on.
 */
export const APP_ERROR_STATUS = {
  INVALID_INPUT: 400,
  CSV_INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PIPELINE_NOT_FOUND: 404,
  RUN_NOT_FOUND: 404,
  CONFLICT: 409,
  RUN_NOT_CANCELLABLE: 409,
  TOO_LARGE: 413,
  DATA_GATE_FAILED: 422,
  DATASET_TOO_SMALL: 422,
  MODEL_NOT_SCORABLE: 422,
  UPSTREAM: 502,
  DATABASE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/**
 * An error whose message is written for the user: what happened and what to do. Its status follows from the code
 * (APP_ERROR_STATUS); the optional third argument only restates it, and TypeScript refuses a status that disagrees.
 */
export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  readonly status: (typeof APP_ERROR_STATUS)[C];

  constructor(
    readonly code: C,
    readonly userMessage: string,
    status?: (typeof APP_ERROR_STATUS)[C],
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.name = "AppError";
    // The table wins even over a cast: one code, one status.
    void status;
    this.status = APP_ERROR_STATUS[code];
  }
}

export function errorMessage(e: unknown): string {
  if (e instanceof AppError) return e.userMessage;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Longest text we store for one message or stack: enough for any real stack, small enough for a run row. */
export const MAX_STORED_TEXT_CHARS = 16_000;

// C0 controls except \t (U+0009) and \n (U+000A), plus DEL. NUL is the one Postgres refuses outright (22021),
// the rest garble terminals and the dashboard. \r goes too: stacks are joined with \n.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// A surrogate without its partner is not valid UTF-16 (the driver would silently turn it into U+FFFD anyway).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text that can always be written to a text column: control characters (NUL above all) are written out as the
 * escape `\u0000` (so a message about a NUL byte still says which byte), lone surrogates become U+FFFD, and
 * anything past `maxChars` is cut (never inside a surrogate pair) with a note saying so.
 * Every error message, stack and progress message goes through this before it is stored, so a binary input
 * reports its cause instead of the failed write of that cause.
 */
export function storableText(text: string, maxChars = MAX_STORED_TEXT_CHARS): string {
  const clean = text.replace(CONTROL_CHARACTERS, escapeControl).replace(LONE_SURROGATE, "\ufffd");
  if (clean.length <= maxChars) return clean;
  let end = Math.max(0, maxChars - 48); // room for the note
  if (end > 0 && /[\ud800-\udbff]/.test(clean[end - 1])) end--; // keep the pair whole
  return `${clean.slice(0, end)} … [${clean.length - end} more characters cut]`;
}

function escapeControl(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
