import { VerifyError } from '../../../kernel/errors.js';
import { createHash, createPublicKey, verify } from 'node:crypto';

/** A note verifier key, name+hash+base64(alg || key) (https://pkg.go.dev/golang.org/x/mod/sumdb/note). */
interface Verifier {
  name: string;
  hash: number;
  key: ReturnType<typeof createPublicKey>;
}

const ED25519 = 1;
/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), so node:crypto takes the raw 32-byte key. */
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

function keyHash(name: string, keyData: Buffer): number {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), keyData]))
    .digest()
    .readUInt32BE(0);
}

/** Parses a verifier key; throws when it is malformed or its hash does not match its name and key. */
export function parseVerifierKey(text: string): Verifier {
  // The key's base64 may itself contain +, so only the first two split.
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(text);
  const [name, hashHex, data] = m ? [m[1], m[2], m[3]] : ['', '', ''];
  const keyData = Buffer.from(data, 'base64');
  if (!m || keyData.length !== 33) throw new VerifyError(`"${text}" is not a note verifier key (name+hash+key)`);
  if (keyData[0] !== ED25519) throw new VerifyError(`verifier key "${name}": algorithm ${keyData[0]} is not Ed25519`);
  const hash = parseInt(hashHex, 16);
  if (keyHash(name, keyData) !== hash) throw new VerifyError(`verifier key "${name}": its hash does not match its key`);
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, keyData.subarray(1)]), format: 'der', type: 'spki' });
  return { name, hash, key };
}

/**
 * Opens a signed note and returns its text, once a signature by `verifierKey` verifies; any other signature is
 * ignored, as note.Open does with unknown keys. Throws when the note is malformed or the key did not sign it.
 */
export function openNote(message: Buffer, verifierKey: string): string {
  const v = parseVerifierKey(verifierKey);
  const split = message.lastIndexOf('\n\n');
  if (split < 0) throw new VerifyError('the signed note has no signature block');
  const text = message.subarray(0, split + 1);
  const sigs = message.subarray(split + 2).toString('utf8');
  for (const line of sigs.split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m || m[1] !== v.name) continue;
    const sig = Buffer.from(m[2], 'base64');
    if (sig.length !== 68 || sig.readUInt32BE(0) !== v.hash) continue;
    if (verify(null, text, v.key, sig.subarray(4))) return text.toString('utf8');
    throw new VerifyError(`the note's signature by ${v.name} does not verify`);
  }
  throw new VerifyError(`the note is not signed by ${v.name}`);
}
