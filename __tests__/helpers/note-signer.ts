import { createHash, generateKeyPairSync, sign } from 'node:crypto';

/** A note signer and its verifier key, made the way golang.org/x/mod/sumdb/note makes them. */
export function testSigner(name: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const keyData = Buffer.concat([Buffer.of(1), raw]);
  const hash = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), keyData]))
    .digest()
    .subarray(0, 4);
  const vkey = `${name}+${hash.toString('hex')}+${keyData.toString('base64')}`;
  const signNote = (text: string) => {
    const sig = Buffer.concat([hash, sign(null, Buffer.from(text), privateKey)]);
    return Buffer.from(`${text}\n\u2014 ${name} ${sig.toString('base64')}\n`);
  };
  return { vkey, signNote };
}
