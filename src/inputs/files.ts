import { ParseError } from '../kernel/errors.js';

/** One `files` entry: a workspace file copied into the image. */
export interface FileSpec {
  /** As written, relative to the workspace (or absolute inside it); checked against the disk later. */
  source: string;
  /** Absolute, normalised path in the image. */
  dest: string;
  /** Mode bits, or undefined to take 0755/0644 from the source's executable bit. */
  mode?: number | undefined;
}

const hasDotDot = (p: string) => p.split('/').includes('..');

/** Parses `source:dest[:mode]`; refuses `..` anywhere and relative destinations. */
export function parseFileSpec(item: string): FileSpec {
  const parts = item.split(':');
  if (parts.length < 2 || parts.length > 3 || parts[0] === '' || parts[1] === '') {
    throw new ParseError(`"${item}" is not source:dest[:mode]; expected e.g. config/app.yaml:/etc/app/app.yaml:0644`);
  }
  const [source, dest] = parts;
  const modeText = parts.at(2);
  if (hasDotDot(source) || hasDotDot(dest)) throw new ParseError(`"${item}": ".." is not allowed in files paths`);
  if (!dest.startsWith('/'))
    throw new ParseError(`"${item}": destination "${dest}" must be absolute, e.g. /etc/app/config.yaml`);
  const normDest =
    '/' +
    dest
      .split('/')
      .filter((p) => p !== '' && p !== '.')
      .join('/');
  if (normDest === '/' || dest.endsWith('/'))
    throw new ParseError(`"${item}": destination "${dest}" must name a file, not a directory`);
  let mode: number | undefined;
  if (modeText !== undefined) {
    if (!/^0?[0-7]{3}$/.test(modeText))
      throw new ParseError(`"${item}": mode "${modeText}" must be octal like 0644 or 755`);
    mode = parseInt(modeText, 8);
  }
  return { source, dest: normDest, mode };
}
