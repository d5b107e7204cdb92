import * as core from '@actions/core';
import { INPUT_DEFAULTS, parseInputs, type InputName, type Inputs } from '../inputs/inputs.js';

/** Inputs whose values are secrets: masked the moment they are read. */
const SECRET_INPUTS: InputName[] = ['password', 'github-token'];

/**
 * Reads every input once. Like the runner, an input whose INPUT_* variable is absent takes action.yml's default;
 * a default that is an unexpanded expression (`${{ runner.temp }}`, `${{ github.token }}`) counts as empty.
 */
export function readInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  return parseInputs((name: InputName) => {
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    const value = env[key] === undefined ? INPUT_DEFAULTS[name] : core.getInput(name);
    if (value.includes('${{')) return '';
    if (SECRET_INPUTS.includes(name) && value !== '') core.setSecret(value);
    return value;
  });
}
