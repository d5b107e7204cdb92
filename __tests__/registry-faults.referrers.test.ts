// The same suite (registry-faults.test.ts) against go-containerregistry's registry with the referrers API (issue #29).
import { useReferrersRegistry } from './helpers/registry.js';

useReferrersRegistry();
await import('./registry-faults.test.js');
