/* istanbul ignore file */
import { run } from './main.js';

// run() never rejects: it is the action's one error boundary, and fails the step itself.
void run();
