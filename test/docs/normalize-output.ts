/**
 * The lines of a command's output without what changes from run to run or machine to machine, so a
 * documented output compares equal to a real one: run ids (also abbreviated `3f2c9a1e-…`), ISO times,
 * durations, pids and hosts, local ports, and the directories of absolute paths (the file names stay).
 */
export function normalizeOutput(text: string): string[] {
  return text
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) =>
      line
        .replace(/\b[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}\b|\b[0-9a-f]{8}-…/g, '<id>')
        .replace(/\(run [0-9a-f]{8}\)/g, '(run <id>)')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '<time>')
        .replace(/\b\d+(?:\.\d+)?s\b/g, '<seconds>')
        .replace(/pid \d+ on \S+/g, 'pid <pid> on <host>')
        .replace(/\b127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
        .replace(/(?:\/[\w.~-]+)+\/(?=[\w.-])/g, '<dir>/'),
    );
}
