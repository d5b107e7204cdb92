// See jest-tmp.mjs.
export { teardown as default } from './jest-tmp.mjs';
