// The entry where GitHub's local-action and the typescript-action template look for `run`
// (`npx @github/local-action run . src/main.ts .env.example`); the action itself lives in action/.
export { run } from './action/main.js';
