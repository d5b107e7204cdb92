import { sh } from './action.js';

/**
 * Writes a zip of (name, content) entries with Python's zipfile, an independent writer, in the order given: a name may
 * repeat, which is what a tampered module zip looks like.
 */
export function makeZip(file: string, entries: Array<[string, string]>): void {
  const py =
    'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],"w")\nfor n,c in json.loads(sys.argv[2]): z.writestr(n,c)\nz.close()';
  sh('python3', ['-W', 'ignore', '-c', py, file, JSON.stringify(entries)]);
}
