// See jest-tmp.mjs.
export { setup as default } from './jest-tmp.mjs';
