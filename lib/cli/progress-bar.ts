/** A one-line progress bar on a TTY; silent elsewhere (logs, --json). */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = Boolean(stream.isTTY);
  let last = "";
  return {
    update(fraction: number, message: string | null) {
      if (!enabled) return;
      const width = 28;
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
      const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${message ?? ""}`;
      const cols = stream.columns ?? 100;
      const text = line.length > cols - 1 ? line.slice(0, cols - 1) : line;
      if (text === last) return;
      last = text;
      stream.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (enabled && last) stream.write("\n");
      last = "";
    },
  };
}
