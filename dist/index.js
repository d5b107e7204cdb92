import { createRequire as __scratchpackRequire } from 'node:module';
const require = __scratchpackRequire(import.meta.url);
