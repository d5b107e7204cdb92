import { ParseError } from '../kernel/errors.js';

/** One `key=value` pair as written by the user. */
export interface KeyValue {
  key: string;
  value: string;
}

/** Parses `key=value` (value may contain `=` and commas, as metadata-action's labels do). */
export function parseKeyValue(item: string, keyPattern: RegExp = /^[^\s=]+$/): KeyValue {
  const eq = item.indexOf('=');
  if (eq <= 0) throw new ParseError(`"${item}" is not key=value; expected e.g. org.opencontainers.image.title=app`);
  const key = item.slice(0, eq).trim();
  if (!keyPattern.test(key))
    throw new ParseError(`"${item}": key "${key}" is not valid; expected ${keyPattern.source}`);
  return { key, value: item.slice(eq + 1) };
}

/** Parses `KEY=VALUE` environment lines for `go build`; keys must be POSIX shell names. */
export function parseEnvLine(item: string): KeyValue {
  return parseKeyValue(item, /^[A-Za-z_][A-Za-z0-9_]*$/);
}

/** Where an annotation goes, named as docker/metadata-action and buildx name the levels. */
export type AnnotationLevel = 'manifest' | 'index' | 'manifest-descriptor' | 'index-descriptor';
const LEVELS: readonly AnnotationLevel[] = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];

/** An annotation with the levels it applies to. */
export interface LeveledAnnotation extends KeyValue {
  levels: AnnotationLevel[];
}

/** Parses `[level[,level]:]key=value`; with no prefix the annotation goes on the manifests and the index. */
export function parseAnnotation(item: string): LeveledAnnotation {
  const m = /^([a-z-]+(?:,[a-z-]+)*):(.*)$/.exec(item);
  if (!m) return { ...parseKeyValue(item), levels: ['manifest', 'index'] };
  const levels = m[1].split(',');
  const bad = levels.find((l) => !(LEVELS as readonly string[]).includes(l));
  if (bad !== undefined) throw new ParseError(`"${item}": unknown level "${bad}"; expected ${LEVELS.join(', ')}`);
  return { ...parseKeyValue(m[2]), levels: levels as AnnotationLevel[] };
}
