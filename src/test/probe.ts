/**
 * The readiness probe, run by `node -e` inside the test's network namespace (sandbox.ts): argv is the kind (http or
 * tcp), the port, the path and the test's timeout in ms. Every 200 ms it connects to 127.0.0.1:port; for http it sends
 * a GET and reads at most 16 KiB of the answer, and a 2xx or 3xx status is ready, as a Kubernetes httpGet probe
 * decides (https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/).
 * It prints one JSON line per try ({ok, detail, answer}) and exits once ready, at the timeout, or when nobody reads.
 * What the server sends is cut and made printable before it is printed.
 */
export const PROBE_SCRIPT = String.raw`
const net = require('node:net');
const [kind, portText, path, timeoutText] = process.argv.slice(1);
const port = Number(portText);
const MAX = 16384;
const printable = (s) => s.replace(/[^\x20-\x7e\n\t]/g, '?');
process.stdout.on('error', () => process.exit(0));
setTimeout(() => process.exit(0), Number(timeoutText) + 2000).unref();
const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const judge = (buf) => {
  const text = buf.toString('latin1');
  const m = /^HTTP\/\d(?:\.\d)? (\d{3})[^\r\n]*/.exec(text);
  if (!m) return { ok: false, detail: 'port ' + port + ' did not answer HTTP' };
  const status = Number(m[1]);
  const at = text.indexOf('\r\n\r\n');
  const body = at < 0 ? '' : text.slice(at + 4, at + 4 + 200);
  const answer = printable(m[0] + '\n' + body);
  const ok = status >= 200 && status < 400;
  return { ok, detail: 'GET ' + path + ' \u2192 ' + status, answer };
};
const once = () =>
  new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    let buf = Buffer.alloc(0);
    let done = false;
    const end = (r) => {
      if (done) return;
      done = true;
      s.destroy();
      resolve(r);
    };
    s.setTimeout(1000, () => end(buf.length ? judge(buf) : { ok: false, detail: 'no answer on ' + port + ' within 1 s' }));
    s.on('error', (e) =>
      end({ ok: false, detail: (e.code === 'ECONNREFUSED' ? 'connection refused' : e.code || 'error') + ' on ' + port }),
    );
    s.on('connect', () => {
      if (kind === 'tcp') return end({ ok: true, detail: 'tcp ' + port + ' accepted' });
      s.write('GET ' + path + ' HTTP/1.0\r\nHost: localhost:' + port + '\r\nUser-Agent: scratchpack-probe\r\nConnection: close\r\n\r\n');
    });
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]).subarray(0, MAX);
      if (buf.length >= MAX) end(judge(buf));
    });
    s.on('end', () => end(buf.length ? judge(buf) : { ok: false, detail: 'port ' + port + ' closed without an answer' }));
  });
(async () => {
  for (;;) {
    const r = await once();
    say(r);
    if (r.ok) process.exit(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
})();
`;
