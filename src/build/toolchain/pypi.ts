import { archOf, present } from '../../kernel/arch.js';
/** One file a package index lists: its name, where to fetch it, and the sha256 the index gives for it. */
export interface IndexFile {
  filename: string;
  url: string;
  sha256?: string | undefined;
}

/** What the Simple API is asked for: its JSON form first, its HTML form from mirrors that serve only that. */
export const SIMPLE_ACCEPT = 'application/vnd.pypi.simple.v1+json, text/html;q=0.01';

/**
 * The files of a project page of a package index's Simple API, in its JSON form (PEP 691) or its HTML form (PEP 503,
 * with the hash in the URL's #sha256= fragment); relative URLs are resolved against the page's.
 */
export function parseSimplePage(body: string, contentType: string, pageUrl: string): IndexFile[] {
  if (contentType.includes('json')) {
    const page = JSON.parse(body) as { files?: { filename: string; url: string; hashes?: { sha256?: string } }[] };
    return (page.files ?? []).map((f) => ({
      filename: f.filename,
      url: new URL(f.url, pageUrl).href,
      sha256: f.hashes?.sha256,
    }));
  }
  const out: IndexFile[] = [];
  for (const link of anchors(body)) {
    const url = new URL(link.href.replace(/&amp;/g, '&'), pageUrl);
    const sha256 = /(?:^|&)sha256=([0-9a-f]{64})/.exec(url.hash.slice(1))?.[1];
    url.hash = '';
    out.push({ filename: link.text.trim(), url: url.href, sha256 });
  }
  return out;
}

/**
 * The `<a href="…">text</a>` links of an HTML page, found in one pass (every search moves forward), so a hostile page
 * costs time in proportion to its size: a backtracking regular expression over the whole page did not.
 */
function* anchors(body: string): Generator<{ href: string; text: string }> {
  const open = /<a\s/gi;
  for (let m = open.exec(body); m; m = open.exec(body)) {
    const close = body.indexOf('>', m.index);
    if (close < 0) return;
    const tag = body.slice(m.index, close);
    const attr = /\shref="/i.exec(tag);
    const quote = attr ? tag.indexOf('"', attr.index + 7) : -1;
    const end = /<\/a\s*>/gi;
    end.lastIndex = close + 1;
    const after = end.exec(body);
    if (!after) return;
    open.lastIndex = after.index + after[0].length;
    const text = body.slice(close + 1, after.index);
    if (attr && quote >= 0 && !text.includes('<')) yield { href: tag.slice(attr.index + 7, quote), text };
  }
}

/** The ziglang wheel of a version for a Linux runner (a manylinux or musllinux tag for its machine), and that machine. */
export function ziglangWheel(
  files: IndexFile[],
  version: string,
  goarch: string,
): { wheel: IndexFile; machine: string } | undefined {
  const facts = archOf(goarch);
  const machine = facts && present(facts.wheel);
  if (!machine) return undefined;
  const wheel = files.find(
    (f) =>
      f.filename.startsWith(`ziglang-${version}-`) &&
      f.filename.endsWith('.whl') &&
      f.filename
        .slice(0, -4)
        .split('-')
        .at(-1)
        ?.split('.')
        .some((tag) => /^(many|musl)linux/.test(tag) && tag.endsWith(`_${machine}`)),
  );
  return wheel && { wheel, machine };
}
