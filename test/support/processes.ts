import { readdirSync, readFileSync } from 'node:fs';

/** `pid (name) S ppid …` of /proc/<pid>/stat: the state and the parent. */
function stat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name may hold spaces and parentheses; the fields after its last ')' do not.
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** Whether a process runs (a zombie, dead but not yet reaped by its new parent, does not). */
export function isRunning(pid: number): boolean {
  const found = stat(pid);
  return found !== undefined && found.state !== 'Z';
}

/** The process and every process below it, as they are at this moment (Linux /proc). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    const found = Number.isInteger(pid) ? stat(pid) : undefined;
    if (found && found.state !== 'Z') {
      children.set(found.ppid, [...(children.get(found.ppid) ?? []), pid]);
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** The first process of the tree below `root` whose command line contains `part`. */
export function findInTree(root: number, part: string): number | undefined {
  return processTree(root).find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(part);
    } catch {
      return false;
    }
  });
}
