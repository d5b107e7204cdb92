/**
 * Base for failures we expect and can explain, each saying what was wrong and what to do; anything else is a bug and
 * says so (formatError). Every error a user can see extends it.
 */
export class ActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An input the user can fix: the message names the input, quotes the value and gives the expected form. */
export class InputError extends ActionError {}

/** Thrown by parsers that do not know which input they are reading; `inputs.ts` adds the input name. */
export class ParseError extends ActionError {}

/**
 * Something read from outside (a download, a checksum database answer, a zip, a layer) failed verification; the
 * message says what was wrong, and nothing from it was used.
 */
export class VerifyError extends ActionError {}

/** The errno code of a thrown value (ENOENT, EEXIST, ...), when it has one. */
export function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Any thrown value as an Error, for APIs that take one (a promise's reject). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The message of any thrown value, for wrapping it into a message of our own. */
export function messageOf(error: unknown): string {
  // Not instanceof: an error made in another realm (a vm context, a worker) is an Error too.
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
    ? error.message
    : String(error);
}

/** One message for any thrown value, with no stack trace for expected errors. */
export function formatError(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  if (error instanceof Error) {
    return `unexpected ${error.name}: ${error.message}` + (error.stack ? `\n${error.stack}` : '');
  }
  return `unexpected error: ${String(error)}`;
}
