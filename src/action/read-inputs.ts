import * as core from '@actions/core';
import { INPUT_DEFAULTS, parseInputs, type InputName, type Inputs } from '../inputs/inputs.js';
import { closest, unknownInputs } from '../inputs/spelling.js';
import { InputError } from '../kernel/errors.js';

/** Inputs whose values are secrets: masked the moment they are read. */
const SECRET_INPUTS: InputName[] = ['password', 'github-token'];

/**
 * Reads every input once. Like the runner, an input whose INPUT_* variable is absent takes action.yml's default;
 * a default that is an unexpanded expression (`${{ runner.temp }}`, `${{ github.token }}`) counts as empty.
 */
export function readInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  const names = Object.keys(INPUT_DEFAULTS);
  const unknown = unknownInputs(Object.keys(env), names);
  if (unknown.length > 0)
    throw new InputError(
      unknown
        .map((u) => {
          const near = closest(u, names);
          return `input "${u}" is not an input of this action${near ? `; did you mean "${near}"?` : ''}`;
        })
        .join('; ') + ' (the inputs are listed in action.yml and the README); nothing was built',
    );
  return parseInputs((name: InputName) => {
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    const value = env[key] === undefined ? INPUT_DEFAULTS[name] : core.getInput(name);
    if (value.includes('${{')) return '';
    if (SECRET_INPUTS.includes(name) && value !== '') core.setSecret(value);
    return value;
  });
}
