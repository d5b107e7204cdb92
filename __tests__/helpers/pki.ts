import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sh } from './action.js';

/** A throwaway CA, a server certificate for 127.0.0.1 signed by it, and a self-signed token-signing certificate. */
export interface Pki {
  dir: string;
  caPem: string;
  serverCert: string;
  serverKey: string;
  signingCert: string;
  signingKey: string;
}

/** Makes the files with openssl; nothing here is trusted outside the test that uses it. */
export function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-pki-'));
  const f = (n: string) => join(dir, n);
  // A self-signed certificate and its key: the CA, and the token signer.
  const selfSigned = (name: string, cn: string) =>
    sh('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      f(`${name}.key`),
      '-out',
      f(`${name}.pem`),
      '-days',
      '2',
      '-subj',
      cn,
    ]);
  selfSigned('ca', '/CN=scratchpack test CA');
  sh('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('server.key'),
    '-out',
    f('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  ]);
  writeFileSync(f('ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  sh('openssl', [
    'x509',
    '-req',
    '-in',
    f('server.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-out',
    f('server.pem'),
    '-days',
    '2',
    '-extfile',
    f('ext'),
  ]);
  selfSigned('signing', '/CN=scratchpack token signer');
  return {
    dir,
    caPem: f('ca.pem'),
    serverCert: f('server.pem'),
    serverKey: f('server.key'),
    signingCert: f('signing.pem'),
    signingKey: f('signing.key'),
  };
}

/** The DER bytes of a PEM certificate, base64 (not url-safe), as JWT x5c wants them. */
export function derBase64(pemFile: string): string {
  return readFileSync(pemFile, 'utf8')
    .replace(/-----[^-]+-----/g, '')
    .replace(/\s+/g, '');
}
