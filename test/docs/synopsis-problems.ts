import { existsSync, readFileSync } from 'node:fs';
import type { Command, Option } from 'commander';
import { createProgram, type CliIo } from '@faultline/cli';
import { repoRoot } from './fenced-blocks.js';

const io: CliIo = {
  stdout: { write: () => undefined },
  stderr: { write: () => undefined },
  env: {},
  cwd: '/',
  setExitCode: () => undefined,
  onSignal: () => () => undefined,
};
const program = createProgram(io);

const findOption = (command: Command, flag: string): Option | undefined =>
  command.options.find((option) => option.long === flag || option.short === flag);

/**
 * What a documented command line names that the CLI does not have: the command path (`faultline
 * history show`) must exist and every option in the line (`--since`, `-n`) must be one of that
 * command's or of the global options (`npm run x`: a script of the workspace). Placeholders, values and `[…]`/`|` notation are ignored.
 */
export function synopsisProblems(line: string): string[] {
  const words = line
    .replace(/^\$\s*/, '')
    .replace(/#.*$/, '')
    .trim()
    .split(/\s+/);
  if (words[0] === 'npm' || words[0] === 'node') return workspaceProblems(words);
  if (words[0] === 'npx') words.shift();
  if (!['faultline', 'chaos'].includes(words[0]!)) return [];
  let command: Command = program;
  const path = [words[0]];
  let pathDone = false;
  const problems: string[] = [];
  let depth = 0;
  for (let i = 1; i < words.length; i++) {
    const raw = words[i]!;
    const inBrackets = depth > 0 || raw.startsWith('[');
    depth += (raw.match(/\[/g) ?? []).length - (raw.match(/\]/g) ?? []).length;
    const word = raw.replace(/^[[(|]+/, '').replace(/[\])|.…,]+$/, '');
    const flag = /^(--?[a-zA-Z][\w-]*)(=.*)?$/.exec(word)?.[1];
    if (flag) {
      const owners = [command, ...ancestors(command)];
      const option = owners.map((owner) => findOption(owner, flag)).find(Boolean);
      if (!option) problems.push(`${path.join(' ')}: no option ${flag}`);
      // The value of an option is not a command name.
      else if ((option.required || option.optional) && !word.includes('=')) {
        i++;
        depth += (words[i]?.match(/\[/g) ?? []).length - (words[i]?.match(/\]/g) ?? []).length;
      }
      continue;
    }
    if (pathDone || inBrackets || raw.startsWith('<')) {
      pathDone ||= !inBrackets;
      continue;
    }
    // `render|apply`: alternatives of the same place
    const sub = word
      .split('|')
      .map((name) => command.commands.find((c) => c.name() === name || c.aliases().includes(name)))
      .find(Boolean);
    if (sub) {
      command = sub;
      path.push(sub.name());
    } else {
      if (command === program) problems.push(`${words[0]}: no command ${word}`);
      pathDone = true;
    }
  }
  return problems;
}

const scripts = (JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/** `npm test`, `npm run x`: a script of the workspace; `node path`: a file of the repository. */
function workspaceProblems([tool, first, second]: string[]): string[] {
  if (tool === 'node') return existsSync(repoRoot + first!) ? [] : [`node: no file ${first}`];
  const script = first === 'run' ? second! : first!;
  if (['ci', 'install'].includes(script)) return [];
  return script in scripts ? [] : [`npm: no script ${script}`];
}

function ancestors(command: Command): Command[] {
  const list: Command[] = [];
  for (let parent = command.parent; parent; parent = parent.parent) list.push(parent);
  return list;
}

/** The problems of every `faultline …` line of a block (continuation lines joined). */
export function blockSynopsisProblems(code: string): string[] {
  return code
    .replace(/\\\n\s*/g, ' ')
    .split(/\n|\s&&\s|;\s|\s\|\s(?=[a-z])/)
    .flatMap((line) => synopsisProblems(line.trim()).map((problem) => `${problem} (in: ${line.trim()})`));
}

/** Every option of every command, as `faultline history show --journal` (for docs that must name them all). */
export function everyOption(): string[] {
  const options: string[] = [];
  const walk = (command: Command, path: string[]) => {
    for (const option of command.options)
      if (option.long && option.long !== '--help') options.push(`${path.join(' ')} ${option.long}`);
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, ['faultline']);
  return options;
}
