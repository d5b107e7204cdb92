/* istanbul ignore file */
import { run } from './main.js';

await run();
