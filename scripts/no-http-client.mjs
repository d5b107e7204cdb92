// Bundled in place of @actions/http-client (see bundle.mjs). @actions/core imports it only for getIDToken (OIDC),
// which Scratchpack never calls; anything that did would get this error rather than a silent no-op.
const absent = () => {
  throw new Error('@actions/http-client is not in the Scratchpack bundle: OIDC tokens (core.getIDToken) are not used');
};
export class HttpClient {
  constructor() {
    absent();
  }
}
export class BearerCredentialHandler {
  constructor() {
    absent();
  }
}
