import * as core from '@actions/core';
import { INPUT_DEFAULTS, parseInputs, type InputName, type Inputs } from './config/inputs.js';

/**
 * Reads every input once. Like the runner, an input whose INPUT_* variable is absent takes action.yml's default,
 * so running the bundle by hand behaves as on GitHub.
 */
export function readInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  return parseInputs((name: InputName) => {
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    return env[key] === undefined ? INPUT_DEFAULTS[name] : core.getInput(name);
  });
}
