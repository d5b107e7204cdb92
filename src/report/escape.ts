/** Escapes user-controlled text for a Markdown table cell or inline HTML. */
export function esc(s: string): string {
  return s
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string)
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}
