// The tests' recording proxy with a shaped link, in its own process, so a bench that blocks in spawnSync (the
// action, buildah) does not stall it: `node bench/link-proxy.mjs <registry host> <latency ms> <bytes per second>`.
// Prints the proxy's host:port on its first line, then serves until killed.
import { importTs } from './lib.mjs';

const [target, latencyMs, bytesPerSecond] = process.argv.slice(2);
const { startProxy } = await importTs('__tests__/helpers/registry.ts');
const proxy = await startProxy(target);
proxy.link = { latencyMs: Number(latencyMs), bytesPerSecond: Number(bytesPerSecond) };
proxy.fault = () => {
  proxy.seen.length = 0; // nothing reads the log here; keep memory flat
  return 'pass';
};
console.log(proxy.host);
