import { createRequire as __scratchpackRequire } from 'node:module';
const require = __scratchpackRequire(import.meta.url);

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter2 = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve4) {
      resolve4(value);
    });
  }
  return new (P || (P = Promise))(function(resolve4, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve4(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row2) => {
      const cells = row2.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header: header2, data, colspan, rowspan } = cell;
        const tag = header2 ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve4) {
      resolve4(value);
    });
  }
  return new (P || (P = Promise))(function(resolve4, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve4(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}

// src/action/main.ts
import { availableParallelism, tmpdir, totalmem } from "node:os";
import { join as join10 } from "node:path";

// src/util/errors.ts
var ActionError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
};
var InputError = class extends ActionError {
};
var ParseError = class extends ActionError {
};
function formatError(error2) {
  if (error2 instanceof ActionError) return error2.message;
  if (error2 instanceof Error) {
    return `unexpected ${error2.name}: ${error2.message}` + (error2.stack ? `
${error2.stack}` : "");
  }
  return `unexpected error: ${String(error2)}`;
}

// src/inputs/epoch.ts
var MAX_EPOCH = 253402300799;
function parseEpoch(text) {
  const t = text.trim();
  if (!/^\d+$/.test(t)) {
    throw new ParseError(`"${text}" is not a SOURCE_DATE_EPOCH; expected whole seconds since 1970-01-01 UTC, e.g. 1700000000`);
  }
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n > MAX_EPOCH) {
    throw new ParseError(`"${text}" is out of range; expected whole seconds between 0 and ${MAX_EPOCH}`);
  }
  return n;
}
function epochToRfc3339(epoch) {
  return new Date(epoch * 1e3).toISOString().replace(".000Z", "Z");
}

// src/inputs/files.ts
var hasDotDot = (p) => p.split("/").includes("..");
function parseFileSpec(item) {
  const parts = item.split(":");
  if (parts.length < 2 || parts.length > 3 || parts[0] === "" || parts[1] === "") {
    throw new ParseError(`"${item}" is not source:dest[:mode]; expected e.g. config/app.yaml:/etc/app/app.yaml:0644`);
  }
  const [source, dest, modeText] = parts;
  if (hasDotDot(source) || hasDotDot(dest)) throw new ParseError(`"${item}": ".." is not allowed in files paths`);
  if (!dest.startsWith("/")) throw new ParseError(`"${item}": destination "${dest}" must be absolute, e.g. /etc/app/config.yaml`);
  const normDest = "/" + dest.split("/").filter((p) => p !== "" && p !== ".").join("/");
  if (normDest === "/" || dest.endsWith("/")) throw new ParseError(`"${item}": destination "${dest}" must name a file, not a directory`);
  let mode;
  if (modeText !== void 0) {
    if (!/^0?[0-7]{3}$/.test(modeText)) throw new ParseError(`"${item}": mode "${modeText}" must be octal like 0644 or 755`);
    mode = parseInt(modeText, 8);
  }
  return { source, dest: normDest, mode };
}

// src/inputs/keyvalue.ts
function parseKeyValue(item, keyPattern = /^[^\s=]+$/) {
  const eq = item.indexOf("=");
  if (eq <= 0) throw new ParseError(`"${item}" is not key=value; expected e.g. org.opencontainers.image.title=app`);
  const key = item.slice(0, eq).trim();
  if (!keyPattern.test(key)) throw new ParseError(`"${item}": key "${key}" is not valid; expected ${keyPattern.source}`);
  return { key, value: item.slice(eq + 1) };
}
function parseEnvLine(item) {
  return parseKeyValue(item, /^[A-Za-z_][A-Za-z0-9_]*$/);
}
var LEVELS = ["manifest", "index", "manifest-descriptor", "index-descriptor"];
function parseAnnotation(item) {
  const m = /^([a-z-]+(?:,[a-z-]+)*):(.*)$/.exec(item);
  if (!m) return { ...parseKeyValue(item), levels: ["manifest", "index"] };
  const levels = m[1].split(",");
  const bad = levels.find((l) => !LEVELS.includes(l));
  if (bad !== void 0) throw new ParseError(`"${item}": unknown level "${bad}"; expected ${LEVELS.join(", ")}`);
  return { ...parseKeyValue(m[2]), levels };
}

// src/inputs/list.ts
function parseList(text, options = {}) {
  const out = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const parts = options.commas ? line.split(",") : [line];
    for (const part of parts) {
      const item = part.trim();
      if (item !== "") out.push(item);
    }
  }
  return out;
}
function parseBool(text) {
  const t = text.trim();
  if (["true", "True", "TRUE"].includes(t)) return true;
  if (["false", "False", "FALSE"].includes(t)) return false;
  throw new Error(`"${text}" is not a boolean; expected true or false`);
}

// src/inputs/platform.ts
var ARCHES = {
  amd64: { variants: ["v1", "v2", "v3", "v4"], implicit: ["v1"], goVar: "GOAMD64", toGo: (v) => v, expected: "v1..v4" },
  arm64: { variants: ["v8"], implicit: ["v8"], expected: "v8 (or none)" },
  arm: { variants: ["v7", "v6", "v5"], goVar: "GOARM", toGo: (v) => v.slice(1), expected: "v5, v6 or v7" },
  "386": { expected: "none" },
  ppc64le: { expected: "none" },
  ppc64: { expected: "none" },
  s390x: { expected: "none" },
  riscv64: { expected: "none" },
  mips64le: { expected: "none" },
  mips64: { expected: "none" },
  mipsle: { expected: "none" },
  mips: { expected: "none" },
  loong64: { expected: "none" }
};
var SUPPORTED_ARCHES = Object.keys(ARCHES);
function parsePlatform(text) {
  const parts = text.trim().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === "")) {
    throw new ParseError(`platform "${text}": expected os/arch[/variant], e.g. linux/arm64 or linux/arm/v7`);
  }
  const [os5, arch2, written] = parts.map((p) => p.toLowerCase());
  if (os5 !== "linux") {
    throw new ParseError(`platform "${text}": os must be linux, because scratch images run on a Linux kernel`);
  }
  const rule = ARCHES[arch2];
  if (!rule) {
    throw new ParseError(`platform "${text}": unknown architecture "${arch2}"; expected one of ${SUPPORTED_ARCHES.join(", ")}`);
  }
  if (written !== void 0 && !rule.variants?.includes(written)) {
    throw new ParseError(`platform "${text}": variant must be ${rule.expected}`);
  }
  const chosen = written ?? rule.variants?.[0];
  const variant = chosen !== void 0 && !rule.implicit?.includes(chosen) ? chosen : void 0;
  const goEnv = { GOOS: os5, GOARCH: arch2 };
  if (rule.goVar && rule.toGo && chosen !== void 0) goEnv[rule.goVar] = rule.toGo(chosen);
  const id = [os5, arch2, variant].filter(Boolean).join("/");
  return { id, os: "linux", arch: arch2, variant, goEnv, slug: id.replaceAll("/", "_") };
}
function parsePlatforms(items) {
  if (items.length === 0) throw new ParseError("no platform given; expected e.g. linux/amd64,linux/arm64");
  const seen = /* @__PURE__ */ new Map();
  return items.map((item) => {
    const p = parsePlatform(item);
    const first = seen.get(p.id);
    if (first !== void 0) {
      throw new ParseError(`platform "${item}" duplicates "${first}" (both mean ${p.id}); list each platform once`);
    }
    seen.set(p.id, item);
    return p;
  });
}

// src/inputs/reference.ts
var COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var HOST_PART = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
var SHA256 = /^sha256:[a-f0-9]{64}$/;
function isDomain(first) {
  return first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase();
}
function checkDomain(text, domain) {
  const m = /^(\[[0-9a-fA-F:]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(domain);
  const hostOk = m !== null && (m[1].startsWith("[") || m[1].split(".").every((p) => HOST_PART.test(p)));
  if (!hostOk) throw new ParseError(`reference "${text}": registry "${domain}" is not a host[:port]`);
}
function parseReference(text) {
  const ref = text.trim();
  if (ref === "") throw new ParseError("empty reference; expected e.g. ghcr.io/owner/app:1.0");
  let rest = ref;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest) || digest.startsWith("sha256:") && !SHA256.test(digest)) {
      throw new ParseError(`reference "${text}": digest "${digest}" is not algorithm:hex, e.g. sha256:<64 hex>`);
    }
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw new ParseError(`reference "${text}": tag "${tag}" must be 1-128 of [A-Za-z0-9_.-], not starting with . or -`);
    }
  }
  const parts = rest.split("/");
  let registry = "docker.io";
  if (parts.length > 1 && isDomain(parts[0])) {
    registry = parts.shift();
    checkDomain(text, registry);
  }
  if (registry === "index.docker.io") registry = "docker.io";
  if (registry === "docker.io" && parts.length === 1) parts.unshift("library");
  for (const c of parts) {
    if (!COMPONENT.test(c)) {
      throw new ParseError(
        `reference "${text}": repository part "${c}" must be lowercase letters, digits and separators (. _ __ -)`
      );
    }
  }
  const repository = parts.join("/");
  if (registry.length + 1 + repository.length > 255) {
    throw new ParseError(`reference "${text}": name is longer than 255 characters`);
  }
  const full = `${registry}/${repository}` + (tag ? `:${tag}` : "") + (digest ? `@${digest}` : "");
  return { registry, repository, tag, digest, full };
}
function parseTag(text) {
  const ref = parseReference(text);
  if (ref.digest) throw new ParseError(`tag "${text}": a tag cannot carry a digest; expected registry/repo:tag`);
  const tag = ref.tag ?? "latest";
  return { ...ref, tag, full: `${ref.registry}/${ref.repository}:${tag}` };
}

// src/inputs/words.ts
function splitWords(text) {
  const words = [];
  let cur = "", inWord = false, quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += c === "\\" && i + 1 < text.length ? text[++i] : c;
      inWord = true;
    }
  }
  if (quote) throw new ParseError(`"${text}" has an unterminated ${quote} quote`);
  if (inWord) words.push(cur);
  return words;
}

// src/inputs/per-platform.ts
function debianTarget(p) {
  const table = {
    amd64: { gnu: "x86_64-linux-gnu", multiarch: "x86_64-linux-gnu", deb: "amd64" },
    arm64: { gnu: "aarch64-linux-gnu", multiarch: "aarch64-linux-gnu", deb: "arm64" },
    "386": { gnu: "i686-linux-gnu", multiarch: "i386-linux-gnu", deb: "i386" },
    ppc64le: { gnu: "powerpc64le-linux-gnu", multiarch: "powerpc64le-linux-gnu", deb: "ppc64el" },
    s390x: { gnu: "s390x-linux-gnu", multiarch: "s390x-linux-gnu", deb: "s390x" },
    riscv64: { gnu: "riscv64-linux-gnu", multiarch: "riscv64-linux-gnu", deb: "riscv64" },
    mips64le: { gnu: "mips64el-linux-gnuabi64", multiarch: "mips64el-linux-gnuabi64", deb: "mips64el" },
    loong64: { gnu: "loongarch64-linux-gnu", multiarch: "loongarch64-linux-gnu", deb: "loong64" }
  };
  if (p.arch === "arm") {
    return p.goEnv.GOARM === "7" ? { gnu: "arm-linux-gnueabihf", multiarch: "arm-linux-gnueabihf", deb: "armhf" } : { gnu: "arm-linux-gnueabi", multiarch: "arm-linux-gnueabi", deb: "armel" };
  }
  return table[p.arch];
}
function parsePerPlatform(items, platforms) {
  const out = { byPlatform: {} };
  for (const item of items) {
    const eq = item.indexOf("=");
    const head = eq > 0 ? item.slice(0, eq) : "";
    if (eq > 0 && head.includes("/") && !head.startsWith("/")) {
      const p = parsePlatform(head);
      if (!platforms.some((x) => x.id === p.id)) throw new ParseError(`"${item}" names ${p.id}, which is not in platforms`);
      if (out.byPlatform[p.id] !== void 0) throw new ParseError(`"${item}": ${p.id} is given twice`);
      out.byPlatform[p.id] = item.slice(eq + 1).trim();
    } else {
      if (out.all !== void 0) throw new ParseError(`"${item}": give one value for all platforms, or platform=value lines`);
      out.all = item;
    }
  }
  return out;
}
function forPlatform(pp, p) {
  return pp.byPlatform[p.id] ?? pp.all;
}

// src/inputs/inputs.ts
var INPUT_DEFAULTS = {
  "working-directory": ".",
  package: ".",
  platforms: "linux/amd64,linux/arm64",
  "binary-name": "",
  "binary-path": "",
  args: "",
  cgo: "false",
  "build-tags": "",
  ldflags: "-s -w",
  "go-flags": "",
  env: "",
  linkage: "static",
  user: "65532:65532",
  "ca-certificates": "true",
  tzdata: "false",
  files: "",
  labels: "",
  annotations: "",
  "source-date-epoch": "",
  tags: "",
  push: "false",
  "oci-layout": "${{ runner.temp }}/scratchpack/oci",
  username: "",
  password: "",
  "github-token": "${{ github.token }}",
  "push-by-digest": "false",
  "digests-dir": "${{ runner.temp }}/scratchpack/digests",
  "merge-digests": "",
  "media-types": "oci",
  "insecure-registries": "",
  cc: "auto",
  sysroot: "auto"
};
var RESERVED_ENV = ["GOOS", "GOARCH", "GOARM", "GOAMD64", "GOARM64", "GO386", "GOPPC64", "GORISCV64", "GOMIPS", "GOMIPS64", "CGO_ENABLED"];
var SHA2562 = /^sha256:[a-f0-9]{64}$/;
var HOST_PORT = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;
var USER = /^(\d+|[a-z_][a-z0-9_-]*)(:(\d+|[a-z_][a-z0-9_-]*))?$/;
function field(name, parse) {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ParseError || e instanceof InputError || e instanceof Error && e.constructor === Error) {
      throw new InputError(`input "${name}": ${e.message}`);
    }
    throw e;
  }
}
function absPath(text, what) {
  if (!text.startsWith("/")) throw new ParseError(`${what} "${text}" must be absolute, e.g. /usr/local/bin/app`);
  const parts = text.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) throw new ParseError(`${what} "${text}" must not contain ".."`);
  if (parts.length === 0 || text.endsWith("/")) throw new ParseError(`${what} "${text}" must name a file, not a directory`);
  return "/" + parts.join("/");
}
function toRecord(items, what) {
  const out = {};
  for (const { key, value } of items) {
    if (key in out) throw new ParseError(`${what} "${key}" is given twice`);
    out[key] = value;
  }
  return out;
}
function parseInputs(raw) {
  const get = (name) => raw(name).trim();
  const bool = (name) => field(name, () => parseBool(get(name) || INPUT_DEFAULTS[name]));
  const lines = (name) => parseList(raw(name));
  const linkage = field("linkage", () => {
    const v = get("linkage") || "static";
    if (v === "static" || v === "gather") return v;
    throw new ParseError(`"${v}" is not a linkage; expected static or gather`);
  });
  const push = bool("push");
  const platformsFor = () => field("platforms", () => parsePlatforms(parseList(raw("platforms") || INPUT_DEFAULTS.platforms, { commas: true })));
  const perPlatformLines = (name) => {
    const items = parseList(raw(name));
    return items.length === 1 && items[0] === "auto" ? [] : items;
  };
  const inputs = {
    workingDirectory: get("working-directory") || ".",
    package: field("package", () => {
      const p = get("package") || ".";
      if (/\s/.test(p) || p.startsWith("-")) throw new ParseError(`"${p}" is not a Go package path; expected e.g. . or ./cmd/server`);
      return p;
    }),
    platforms: field("platforms", () => parsePlatforms(parseList(raw("platforms") || INPUT_DEFAULTS.platforms, { commas: true }))),
    binaryName: field("binary-name", () => {
      const n = get("binary-name");
      if (n === "") return void 0;
      if (!/^[A-Za-z0-9._+-]+$/.test(n) || n === "." || n === "..") throw new ParseError(`"${n}" is not a file name; expected e.g. server`);
      return n;
    }),
    binaryPath: field("binary-path", () => get("binary-path") ? absPath(get("binary-path"), "path") : void 0),
    args: lines("args"),
    cgo: bool("cgo"),
    buildTags: field("build-tags", () => {
      const tags = parseList(raw("build-tags"), { commas: true }).flatMap((t) => t.split(/\s+/));
      const bad = tags.find((t) => !/^[A-Za-z0-9_.]+$/.test(t));
      if (bad !== void 0) throw new ParseError(`tag "${bad}" is not a Go build tag; expected letters, digits, _ and .`);
      return tags;
    }),
    ldflags: raw("ldflags").trim(),
    goFlags: field("go-flags", () => parseList(raw("go-flags")).flatMap(splitWords)),
    env: field("env", () => {
      const env = toRecord(lines("env").map(parseEnvLine), "variable");
      const owned = Object.keys(env).find((k) => RESERVED_ENV.includes(k));
      if (owned) throw new ParseError(`"${owned}" is set by the platforms and cgo inputs; remove it from env`);
      return env;
    }),
    linkage,
    user: field("user", () => {
      const u = get("user") || INPUT_DEFAULTS.user;
      if (!USER.test(u)) throw new ParseError(`"${u}" is not a user; expected uid[:gid] or name[:group], e.g. 65532:65532`);
      return u;
    }),
    caCertificates: bool("ca-certificates"),
    tzdata: bool("tzdata"),
    files: field("files", () => {
      const specs = lines("files").map(parseFileSpec);
      const dests = /* @__PURE__ */ new Set();
      for (const s of specs) {
        if (dests.has(s.dest)) throw new ParseError(`destination "${s.dest}" is given twice`);
        dests.add(s.dest);
      }
      return specs;
    }),
    labels: field("labels", () => toRecord(lines("labels").map((l) => parseKeyValue(l)), "label")),
    annotations: field("annotations", () => lines("annotations").map(parseAnnotation)),
    sourceDateEpoch: field("source-date-epoch", () => get("source-date-epoch") ? parseEpoch(get("source-date-epoch")) : void 0),
    tags: field("tags", () => parseList(raw("tags"), { commas: true }).map(parseTag)),
    push,
    ociLayout: get("oci-layout"),
    username: get("username"),
    password: raw("password"),
    githubToken: get("github-token"),
    pushByDigest: bool("push-by-digest"),
    digestsDir: get("digests-dir"),
    mergeDigests: field("merge-digests", () => {
      const items = parseList(raw("merge-digests"), { commas: true });
      if (items.length === 0) return void 0;
      if (items.length === 1 && !items[0].startsWith("sha256:")) return { dir: items[0] };
      const bad = items.find((d) => !SHA2562.test(d));
      if (bad !== void 0) throw new ParseError(`"${bad}" is not a digest; expected sha256:<64 hex>, or one directory of digest files`);
      return { digests: [...new Set(items)] };
    }),
    mediaTypes: field("media-types", () => {
      const v = get("media-types") || "oci";
      if (v !== "oci" && v !== "docker") throw new ParseError(`"${v}" is not a media type family; expected oci or docker`);
      return v;
    }),
    insecureRegistries: field("insecure-registries", () => {
      const hosts = parseList(raw("insecure-registries"), { commas: true });
      const bad = hosts.find((h) => !HOST_PORT.test(h));
      if (bad !== void 0) throw new ParseError(`"${bad}" is not host[:port], e.g. registry.local:5000`);
      return hosts;
    }),
    cc: field("cc", () => parsePerPlatform(perPlatformLines("cc"), platformsFor())),
    sysroot: field("sysroot", () => parsePerPlatform(perPlatformLines("sysroot"), platformsFor()))
  };
  return checkCombinations(inputs);
}
function checkCombinations(i) {
  if (i.push && i.tags.length === 0) throw new InputError('input "push": true needs at least one reference in "tags", e.g. ghcr.io/owner/app:1.0');
  if (i.pushByDigest && !i.push) throw new InputError('input "push-by-digest": true pushes manifests, so it needs push: true');
  if (i.mergeDigests && i.pushByDigest) throw new InputError('input "merge-digests": the merge job builds nothing, so it cannot also push-by-digest; set push-by-digest: false');
  if (i.mergeDigests && !i.push) throw new InputError('input "merge-digests": the merge job pushes an index, so it needs push: true');
  if (i.mergeDigests && new Set(i.tags.map((t) => `${t.registry}/${t.repository}`)).size > 1) {
    throw new InputError('input "merge-digests": every tag must name the same repository, where the per-platform manifests were pushed');
  }
  if (i.mediaTypes === "docker" && i.annotations.length > 0) {
    throw new InputError('input "annotations": Docker media types carry no annotations; use media-types: oci or drop the annotations');
  }
  return i;
}

// src/action/read-inputs.ts
var SECRET_INPUTS = ["password", "github-token"];
function readInputs(env = process.env) {
  return parseInputs((name) => {
    const key = `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
    const value = env[key] === void 0 ? INPUT_DEFAULTS[name] : getInput(name);
    if (value.includes("${{")) return "";
    if (SECRET_INPUTS.includes(name) && value !== "") setSecret(value);
    return value;
  });
}

// src/pipeline.ts
import { copyFile as copyFile3, link as link2, mkdir as mkdir4, rm as rm4 } from "node:fs/promises";
import { join as join7, relative, resolve as resolve3 } from "node:path";

// src/check/inspect.ts
import { dirname } from "node:path";

// src/check/elf/machine.ts
var MACHINE_NAMES = {
  2: "EM_SPARC",
  3: "EM_386",
  8: "EM_MIPS",
  20: "EM_PPC",
  21: "EM_PPC64",
  22: "EM_S390",
  40: "EM_ARM",
  43: "EM_SPARCV9",
  62: "EM_X86_64",
  183: "EM_AARCH64",
  243: "EM_RISCV",
  258: "EM_LOONGARCH"
};
var GOARCH_ELF = {
  amd64: { bits: 64, endian: "little", machine: 62 },
  "386": { bits: 32, endian: "little", machine: 3 },
  arm64: { bits: 64, endian: "little", machine: 183 },
  arm: { bits: 32, endian: "little", machine: 40 },
  ppc64le: { bits: 64, endian: "little", machine: 21 },
  ppc64: { bits: 64, endian: "big", machine: 21 },
  s390x: { bits: 64, endian: "big", machine: 22 },
  riscv64: { bits: 64, endian: "little", machine: 243 },
  mips64le: { bits: 64, endian: "little", machine: 8 },
  mips64: { bits: 64, endian: "big", machine: 8 },
  mipsle: { bits: 32, endian: "little", machine: 8 },
  mips: { bits: 32, endian: "big", machine: 8 },
  loong64: { bits: 64, endian: "little", machine: 258 }
};
function expectedIdentity(goarch) {
  return GOARCH_ELF[goarch];
}
function goarchOf(id) {
  for (const [arch2, want] of Object.entries(GOARCH_ELF)) {
    if (want.machine === id.machine && want.bits === id.bits && want.endian === id.endian) return arch2;
  }
  return null;
}
function describeIdentity(id) {
  const name = MACHINE_NAMES[id.machine] ?? `machine ${id.machine}`;
  const arch2 = goarchOf(id);
  return `ELF${id.bits} ${id.endian}-endian ${name}` + (arch2 ? ` (${arch2})` : "");
}
function identityMismatch(goarch, actual) {
  const want = expectedIdentity(goarch);
  if (!want) return `no ELF identity is known for GOARCH ${goarch}`;
  if (want.machine === actual.machine && want.bits === actual.bits && want.endian === actual.endian) return void 0;
  return `the binary is ${describeIdentity(actual)} but ${goarch} needs ${describeIdentity(want)}; it would fail with "exec format error"`;
}

// src/check/policy.ts
var ARCH_SETTING = { GOARM: "GOARM", GOAMD64: "GOAMD64" };
function checkBinary(info2, platform2, linkage, file) {
  const title = `scratchpack (${platform2.id})`;
  const out = [];
  const mismatch = identityMismatch(platform2.arch, info2);
  if (mismatch) out.push({ level: "error", title, message: `${file}: ${mismatch}` });
  for (const [envKey, setting] of Object.entries(ARCH_SETTING)) {
    const want = platform2.goEnv[envKey];
    const got = info2.go?.settings[setting]?.split(",")[0];
    if (want !== void 0 && got !== void 0 && got !== want) {
      out.push({ level: "error", title, message: `${file}: built with ${setting}=${got} but platform ${platform2.id} needs ${setting}=${want}` });
    }
  }
  if (linkage === "static" && info2.interpreter !== null) {
    const libs = info2.needed.length > 0 ? `needs ${info2.needed.join(", ")}` : "needs no library but still needs the loader (PIE)";
    out.push({
      level: "error",
      title,
      message: `${file} is dynamically linked: interpreter ${info2.interpreter}; ${libs}. A scratch image has no loader or libc, so it would fail with "no such file or directory". Fix: build with cgo: false (CGO_ENABLED=0) and without -buildmode=pie, or add -ldflags '-extldflags=-static' for cgo, or set linkage: gather to copy the loader and libraries in.`
    });
  }
  if (info2.linkage === "shared-library" || info2.linkage === "not-executable") {
    out.push({ level: "error", title, message: `${file} is a ${info2.type} ELF (${info2.linkage}), not an executable` });
  }
  return out;
}

// src/check/elf/deps.ts
function normalizePath(p) {
  const out = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}
var dirOf = (p) => normalizePath(p + "/..");
var osabiClass = (n) => n === 0 || n === 3 ? 0 : n;
function compatible(want, got) {
  return want.bits === got.bits && want.endian === got.endian && want.machine === got.machine && osabiClass(want.osabi) === osabiClass(got.osabi);
}
function defaultDirs(multiarch) {
  return [...multiarch ? [`/lib/${multiarch}`, `/usr/lib/${multiarch}`] : [], "/lib64", "/usr/lib64", "/lib", "/usr/lib"];
}
var Resolver = class {
  constructor(o) {
    this.o = o;
  }
  o;
  host = (p) => this.o.sysroot === "/" ? p : this.o.sysroot.replace(/\/+$/, "") + p;
  files = /* @__PURE__ */ new Map();
  /** Follows a leaf symlink chain inside the sysroot; returns the chain's entries, or undefined if it ends nowhere. */
  async chain(path) {
    const out = [];
    let p = normalizePath(path);
    for (let hops = 0; hops < 40; hops++) {
      const st = await this.o.fs.lstat(this.host(p));
      if (!st) return void 0;
      if (st.kind === "symlink") {
        const link3 = await this.o.fs.readlink(this.host(p));
        out.push({ path: p, type: "symlink", linkname: link3, source: this.host(p), mode: 511, size: 0 });
        p = normalizePath(link3.startsWith("/") ? link3 : `${dirOf(p)}/${link3}`);
        continue;
      }
      if (st.kind !== "file") return void 0;
      out.push({ path: p, type: "file", source: this.host(p), mode: st.mode & 73 ? 493 : 420, size: st.size });
      return out;
    }
    return void 0;
  }
  /** ld.so.conf and its includes (sorted globs, `#` comments), as lddtree reads them. */
  async ldSoConf(file = "/etc/ld.so.conf", depth = 0) {
    if (depth > 8) return [];
    const text = await this.o.fs.readFile(this.host(file)).then((b) => Buffer.from(b).toString("utf8"), () => "");
    const dirs = [];
    for (const raw of text.split("\n")) {
      const line = raw.replace(/#.*/, "").trim();
      if (!line) continue;
      const inc = /^include\s+(.+)$/.exec(line);
      if (!inc) {
        dirs.push(...line.split(/[\s:,]+/).filter(Boolean).map(normalizePath));
        continue;
      }
      const pattern = inc[1].startsWith("/") ? inc[1] : `${dirOf(file)}/${inc[1]}`;
      const dir = dirOf(pattern);
      const re = new RegExp("^" + pattern.slice(dir.length + 1).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
      const names = (await this.o.fs.readdir(this.host(dir)).catch(() => [])).filter((n) => re.test(n)).sort();
      for (const n of names) dirs.push(...await this.ldSoConf(`${dir === "/" ? "" : dir}/${n}`, depth + 1));
    }
    return dirs;
  }
  add(entries) {
    for (const e of entries) if (!this.files.has(e.path)) this.files.set(e.path, e);
  }
  result() {
    return [...this.files.values()];
  }
};
function rpathDirs(info2, origin) {
  const list = info2.runpath.length > 0 ? info2.runpath : info2.rpath;
  return list.map((d) => normalizePath(d.replace(/\$\{ORIGIN\}|\$ORIGIN/g, origin))).filter((d) => d.startsWith("/"));
}
async function resolveDeps(main, o) {
  const r = new Resolver(o);
  const result = { sysroot: o.sysroot, interpreter: null, libraries: [], missing: [], files: [] };
  const seen = /* @__PURE__ */ new Set();
  if (main.interpreter) {
    const chain = await r.chain(main.interpreter);
    if (!chain) result.missingInterpreter = main.interpreter;
    else {
      const real = chain[chain.length - 1];
      result.interpreter = { path: main.interpreter, source: real.source, size: real.size };
      r.add(chain);
      seen.add(main.interpreter.split("/").pop());
    }
  }
  const defaults = defaultDirs(o.multiarch);
  const conf = await r.ldSoConf();
  const interpDir = main.interpreter ? [dirOf(main.interpreter)] : [];
  const mainRpath = main.runpath.length === 0 ? rpathDirs(main, o.originDir) : [];
  const queue = [{ info: main, name: "the binary", origin: o.originDir }];
  while (queue.length > 0) {
    const { info: info2, name, origin } = queue.shift();
    const own = rpathDirs(info2, origin);
    const inherited = info2 === main || info2.runpath.length > 0 ? [] : mainRpath;
    const search = [.../* @__PURE__ */ new Set([...own, ...inherited, ...conf, ...defaults, ...interpDir])];
    for (const soname of info2.needed) {
      if (seen.has(soname)) continue;
      seen.add(soname);
      let found;
      for (const dir of soname.includes("/") ? [dirOf(normalizePath(soname))] : search) {
        const chain = await r.chain(`${dir}/${soname.split("/").pop()}`);
        if (!chain) continue;
        const real2 = chain[chain.length - 1];
        let lib;
        try {
          lib = o.parse(await o.fs.readFile(real2.source));
        } catch {
          continue;
        }
        if (compatible(main, lib)) {
          found = { dir, chain, info: lib };
          break;
        }
      }
      if (!found) {
        result.missing.push({ soname, neededBy: name, searched: search });
        continue;
      }
      const real = found.chain[found.chain.length - 1];
      const keep = defaults.includes(found.dir) || own.includes(found.dir) || inherited.includes(found.dir) || interpDir.includes(found.dir);
      const placed = keep ? found.chain : [{ ...real, path: `/usr/lib/${soname}` }];
      r.add(placed);
      const where = placed[0].path;
      result.libraries.push({ soname, path: where, source: real.source, size: real.size, neededBy: name, via: found.dir });
      queue.push({ info: found.info, name: soname, origin: dirOf(where) });
    }
  }
  result.files = r.result();
  return result;
}

// src/check/elf/reader.ts
var ElfError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ElfError";
  }
};
function bytesSource(bytes) {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}
var PAGE = 64 * 1024;
var ByteReader = class {
  constructor(source, little, is64) {
    this.source = source;
    this.little = little;
    this.is64 = is64;
  }
  source;
  little;
  is64;
  pageStart = -1;
  page = new Uint8Array(0);
  pageView = new DataView(this.page.buffer);
  get size() {
    return this.source.size;
  }
  /** Throws unless [offset, offset+size) lies inside the file. */
  check(offset, size, what) {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0 || offset + size > this.size) {
      throw new ElfError(`truncated or corrupt: ${what} at offset ${offset} (+${size}) lies outside the ${this.size}-byte file`);
    }
  }
  /** Loads the page holding [off, off+n) if needed and returns where `off` sits in it; small reads share one page. */
  at(off, n) {
    if (off < this.pageStart || off + n > this.pageStart + this.page.length) {
      this.pageStart = off - off % PAGE;
      this.page = this.source.read(this.pageStart, Math.min(Math.max(PAGE, off + n - this.pageStart), this.size - this.pageStart));
      this.pageView = new DataView(this.page.buffer, this.page.byteOffset, this.page.byteLength);
    }
    return off - this.pageStart;
  }
  u8(off, what) {
    this.check(off, 1, what);
    const i = this.at(off, 1);
    return this.page[i];
  }
  u16(off, what) {
    this.check(off, 2, what);
    const i = this.at(off, 2);
    return this.pageView.getUint16(i, this.little);
  }
  u32(off, what) {
    this.check(off, 4, what);
    const i = this.at(off, 4);
    return this.pageView.getUint32(i, this.little);
  }
  u64(off, what) {
    this.check(off, 8, what);
    const i = this.at(off, 8);
    const v = this.pageView.getBigUint64(i, this.little);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError(`corrupt: ${what} at offset ${off} is too large (${v})`);
    return Number(v);
  }
  /** A 64-bit address or tag value; precision beyond 2^53 is lost, which only matters for kernel-style addresses. */
  addr64(off, what) {
    this.check(off, 8, what);
    const i = this.at(off, 8);
    return Number(this.pageView.getBigUint64(i, this.little));
  }
  /** A pointer-sized address (lossy above 2^53, see addr64). */
  addr(off, what) {
    return this.is64 ? this.addr64(off, what) : this.u32(off, what);
  }
  /** A pointer-sized word: 4 bytes in ELFCLASS32, 8 in ELFCLASS64. */
  word(off, what) {
    return this.is64 ? this.u64(off, what) : this.u32(off, what);
  }
  /** A NUL-terminated string starting at `off` and ending before `limit`, read a piece at a time. */
  cstring(off, limit, what) {
    this.check(off, 0, what);
    const end = Math.min(limit, this.size);
    const parts = [];
    for (let at = off; at < end; ) {
      const n = Math.min(4096, end - at);
      const piece = this.slice(at, n, what);
      const nul = piece.indexOf(0);
      if (nul >= 0) {
        parts.push(piece.subarray(0, nul));
        const all = parts.length === 1 ? parts[0] : concat(parts);
        return new TextDecoder("utf-8", { fatal: false }).decode(all);
      }
      parts.push(piece.slice());
      at += n;
    }
    throw new ElfError(`corrupt: ${what} at offset ${off} is not NUL-terminated`);
  }
  slice(off, size, what) {
    this.check(off, size, what);
    if (size <= PAGE) {
      const i = this.at(off, size);
      return this.page.subarray(i, i + size);
    }
    return this.source.read(off, size);
  }
};
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// src/check/elf/buildinfo.ts
var MAGIC = Uint8Array.from([255, ...new TextEncoder().encode(" Go buildinf:")]);
var ALIGN = 16;
var HEADER = 32;
var SEARCH = 64 * 1024;
function findMagic(data) {
  outer: for (let i = 0; i + HEADER <= data.length; i += ALIGN) {
    for (let j = 0; j < MAGIC.length; j++) if (data[i + j] !== MAGIC[j]) continue outer;
    return i;
  }
  return -1;
}
function uvarint(data, pos) {
  let value = 0, shift = 0;
  for (let i = pos; i < data.length && i < pos + 10; i++) {
    value += (data[i] & 127) * 2 ** shift;
    if ((data[i] & 128) === 0) return [value, i + 1];
    shift += 7;
  }
  return void 0;
}
function unquote(s) {
  if (!s.startsWith('"')) return s;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
function parseModinfo(version, text) {
  const info2 = { version, path: null, main: null, deps: [], settings: {} };
  for (const line of text.split("\n")) {
    const f = line.split("	");
    if (f[0] === "path" && f[1] !== void 0) info2.path = f[1];
    else if (f[0] === "mod" && f.length >= 3) info2.main = { path: f[1], version: f[2] };
    else if (f[0] === "dep" && f.length >= 3) info2.deps.push({ path: f[1], version: f[2] });
    else if (f[0] === "=>" && f.length >= 3 && info2.deps.length > 0) info2.deps[info2.deps.length - 1] = { path: f[1], version: f[2] };
    else if (f[0] === "build" && f[1] !== void 0) {
      const kv = f.slice(1).join("	");
      const eq = kv.startsWith('"') ? kv.indexOf("=", kv.indexOf('"', 1)) : kv.indexOf("=");
      if (eq < 0) info2.settings[unquote(kv)] = "";
      else info2.settings[unquote(kv.slice(0, eq))] = unquote(kv.slice(eq + 1));
    }
  }
  return info2;
}
function stripSentinels(mod) {
  return mod.length >= 33 && mod[mod.length - 17] === "\n" ? mod.slice(16, -16) : "";
}
function readGoString(r, ptr, ptrSize, toOffset) {
  const hdr = toOffset(ptr);
  if (hdr === void 0) return void 0;
  const dataPtr = ptrSize === 8 ? r.addr64(hdr, "Go string pointer") : r.u32(hdr, "Go string pointer");
  const len = ptrSize === 8 ? r.u64(hdr + 8, "Go string length") : r.u32(hdr + 4, "Go string length");
  const off = toOffset(dataPtr);
  if (off === void 0) return void 0;
  return new TextDecoder().decode(r.slice(off, len, "Go string data"));
}
function readGoBuildInfo(r, segments, sections) {
  let start, size = 0;
  const sec = sections.find((s) => s.name === ".go.buildinfo");
  if (sec) {
    start = sec.offset;
    size = sec.size;
  } else {
    const PF_X = 1, PF_W = 2;
    const seg = segments.find((s) => s.type === 1 && (s.flags & (PF_X | PF_W)) === PF_W);
    if (seg) {
      start = seg.offset;
      size = seg.filesz;
    }
  }
  if (start === void 0) return null;
  const data = r.slice(start, Math.min(size, SEARCH, r.size - Math.min(start, r.size)), ".go.buildinfo");
  const at = findMagic(data);
  if (at < 0) return null;
  const ptrSize = data[at + 14];
  const flags = data[at + 15];
  let version, mod;
  if (flags & 2) {
    const dec = new TextDecoder();
    const v = uvarint(data, at + HEADER);
    if (!v || v[1] + v[0] > data.length) return null;
    version = dec.decode(data.subarray(v[1], v[1] + v[0]));
    const m = uvarint(data, v[1] + v[0]);
    if (!m || m[1] + m[0] > data.length) return null;
    mod = dec.decode(data.subarray(m[1], m[1] + m[0]));
  } else if (ptrSize === 4 || ptrSize === 8) {
    const pr = new ByteReader(r.source, (flags & 1) === 0, ptrSize === 8);
    const toOffset = (v) => {
      const seg = segments.find((s) => s.type === 1 && v >= s.vaddr && v < s.vaddr + s.filesz);
      return seg ? seg.offset + (v - seg.vaddr) : void 0;
    };
    const base = start + at + 16;
    const vp = ptrSize === 8 ? pr.addr64(base, "buildinfo pointer") : pr.u32(base, "buildinfo pointer");
    const mp = ptrSize === 8 ? pr.addr64(base + 8, "buildinfo pointer") : pr.u32(base + 4, "buildinfo pointer");
    version = readGoString(pr, vp, ptrSize, toOffset);
    mod = readGoString(pr, mp, ptrSize, toOffset);
  }
  if (version === void 0) return null;
  return parseModinfo(version, stripSentinels(mod ?? ""));
}
var NOTE_GO_BUILDID = 4;
function readGoBuildId(r, sections) {
  const sec = sections.find((s) => s.name === ".note.go.buildid");
  if (!sec || sec.size < 16 || sec.size > 4096) return null;
  const namesz = r.u32(sec.offset, "build ID note");
  const descsz = r.u32(sec.offset + 4, "build ID note");
  const type = r.u32(sec.offset + 8, "build ID note");
  if (namesz !== 4 || type !== NOTE_GO_BUILDID || descsz === 0 || 16 + descsz > sec.size) return null;
  const name = r.slice(sec.offset + 12, 4, "build ID note");
  if (name[0] !== 71 || name[1] !== 111 || name[2] !== 0 || name[3] !== 0) return null;
  const id = new TextDecoder().decode(r.slice(sec.offset + 16, descsz, "build ID"));
  return /^[\x21-\x7e]+$/.test(id) ? id : null;
}

// src/check/elf/parse.ts
var PT_LOAD = 1;
var PT_DYNAMIC = 2;
var PT_INTERP = 3;
var SHT_NOBITS = 8;
var SHT_DYNAMIC = 6;
var DT_NEEDED = 1;
var DT_STRTAB = 5;
var DT_STRSZ = 10;
var DT_SONAME = 14;
var DT_RPATH = 15;
var DT_RUNPATH = 29;
var DT_FLAGS_1 = 1879048187;
var DF_1_PIE = 134217728;
var TYPES = ["NONE", "REL", "EXEC", "DYN", "CORE"];
var MAX_ENTRIES = 65536;
function readHeaderTables(r) {
  const b = r.is64;
  const phoff = r.word(b ? 32 : 28, "e_phoff");
  const shoff = r.word(b ? 40 : 32, "e_shoff");
  const phentsize = r.u16(b ? 54 : 42, "e_phentsize");
  const phnum = r.u16(b ? 56 : 44, "e_phnum");
  const shentsize = r.u16(b ? 58 : 46, "e_shentsize");
  let shnum = r.u16(b ? 60 : 48, "e_shnum");
  let shstrndx = r.u16(b ? 62 : 50, "e_shstrndx");
  const minPh = b ? 56 : 32, minSh = b ? 64 : 40;
  const segments = [];
  if (phnum > 0) {
    if (phentsize < minPh) throw new ElfError(`corrupt: e_phentsize ${phentsize} is smaller than ${minPh}`);
    r.check(phoff, phnum * phentsize, "program header table");
    for (let i = 0; i < phnum; i++) {
      const o = phoff + i * phentsize;
      segments.push(b ? { type: r.u32(o, "p_type"), flags: r.u32(o + 4, "p_flags"), offset: r.u64(o + 8, "p_offset"), vaddr: r.addr64(o + 16, "p_vaddr"), filesz: r.u64(o + 32, "p_filesz") } : { type: r.u32(o, "p_type"), offset: r.u32(o + 4, "p_offset"), vaddr: r.u32(o + 8, "p_vaddr"), filesz: r.u32(o + 16, "p_filesz"), flags: r.u32(o + 24, "p_flags") });
    }
  }
  const sections = [];
  if (shoff !== 0) {
    if (shentsize < minSh) throw new ElfError(`corrupt: e_shentsize ${shentsize} is smaller than ${minSh}`);
    const s0 = (field2, what) => b ? r.u64(shoff + field2, what) : r.u32(shoff + field2, what);
    if (shnum === 0) shnum = s0(b ? 32 : 20, "extended section count");
    if (shstrndx === 65535) shstrndx = r.u32(shoff + (b ? 40 : 24), "extended shstrndx");
    if (shnum > MAX_ENTRIES) throw new ElfError(`corrupt: ${shnum} section headers`);
    r.check(shoff, shnum * shentsize, "section header table");
    const raw = [];
    for (let i = 0; i < shnum; i++) {
      const o = shoff + i * shentsize;
      raw.push(b ? { nameOff: r.u32(o, "sh_name"), type: r.u32(o + 4, "sh_type"), addr: r.addr64(o + 16, "sh_addr"), offset: r.u64(o + 24, "sh_offset"), size: r.u64(o + 32, "sh_size"), link: r.u32(o + 40, "sh_link") } : { nameOff: r.u32(o, "sh_name"), type: r.u32(o + 4, "sh_type"), addr: r.u32(o + 12, "sh_addr"), offset: r.u32(o + 16, "sh_offset"), size: r.u32(o + 20, "sh_size"), link: r.u32(o + 24, "sh_link") });
    }
    const strtab = raw[shstrndx];
    for (const s of raw) {
      let name = "";
      if (strtab && strtab.type !== SHT_NOBITS && s.nameOff < strtab.size) {
        name = r.cstring(strtab.offset + s.nameOff, strtab.offset + strtab.size, "section name");
      }
      sections.push({ name, type: s.type, addr: s.addr, offset: s.offset, size: s.size, link: s.link });
    }
  }
  return { segments, sections };
}
function vaddrToOffset(segments, vaddr) {
  const seg = segments.find((s) => s.type === PT_LOAD && vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz);
  return seg ? seg.offset + (vaddr - seg.vaddr) : void 0;
}
function readDynamic(r, segments, sections) {
  const out = { needed: [], runpath: [], rpath: [], soname: null, flags1: 0 };
  const dynSeg = segments.find((s) => s.type === PT_DYNAMIC);
  const dynSec = sections.find((s) => s.type === SHT_DYNAMIC);
  const start = dynSeg?.offset ?? dynSec?.offset;
  const size = dynSeg?.filesz ?? dynSec?.size ?? 0;
  if (start === void 0) return out;
  r.check(start, size, "dynamic section");
  const ent = r.is64 ? 16 : 8;
  const entries = [];
  for (let o = start; o + ent <= start + size; o += ent) {
    const tag = r.addr(o, "d_tag");
    if (tag === 0) break;
    entries.push([tag, r.addr(o + (r.is64 ? 8 : 4), "d_val")]);
  }
  let strOff, strEnd;
  const linked = dynSec ? sections[dynSec.link] : void 0;
  if (linked && linked.type !== SHT_NOBITS) {
    strOff = linked.offset;
    strEnd = linked.offset + linked.size;
  } else {
    const strtab = entries.find(([t]) => t === DT_STRTAB);
    const strsz = entries.find(([t]) => t === DT_STRSZ)?.[1] ?? 0;
    strOff = strtab ? vaddrToOffset(segments, strtab[1]) : void 0;
    if (strOff !== void 0) strEnd = strOff + strsz;
  }
  const str = (v, what) => {
    if (strOff === void 0 || strEnd === void 0) throw new ElfError(`corrupt: ${what} present but no dynamic string table`);
    return r.cstring(strOff + v, strEnd, what);
  };
  const list = (v, what) => str(v, what).split(":").filter((p) => p !== "");
  for (const [tag, val] of entries) {
    if (tag === DT_NEEDED) out.needed.push(str(val, "DT_NEEDED"));
    else if (tag === DT_SONAME) out.soname = str(val, "DT_SONAME");
    else if (tag === DT_RPATH) out.rpath.push(...list(val, "DT_RPATH"));
    else if (tag === DT_RUNPATH) out.runpath.push(...list(val, "DT_RUNPATH"));
    else if (tag === DT_FLAGS_1) out.flags1 = val;
  }
  return out;
}
function decideLinkage(type, interpreter, flags1) {
  if (interpreter !== null) return "dynamic";
  if (type === 2) return "static";
  if (type === 3) return flags1 & DF_1_PIE ? "static-pie" : "shared-library";
  return "not-executable";
}
function parseElf(input) {
  const src = input instanceof Uint8Array ? bytesSource(input) : input;
  const ident = src.read(0, Math.min(16, src.size));
  if (src.size < 16 || ident[0] !== 127 || ident[1] !== 69 || ident[2] !== 76 || ident[3] !== 70) {
    throw new ElfError("not an ELF file (no \\x7fELF magic)");
  }
  const cls = ident[4], data = ident[5];
  if (cls !== 1 && cls !== 2) throw new ElfError(`corrupt: EI_CLASS ${cls} is neither 1 (32-bit) nor 2 (64-bit)`);
  if (data !== 1 && data !== 2) throw new ElfError(`corrupt: EI_DATA ${data} is neither 1 (LSB) nor 2 (MSB)`);
  const r = new ByteReader(src, data === 1, cls === 2);
  r.check(0, cls === 2 ? 64 : 52, "ELF header");
  const type = r.u16(16, "e_type");
  const machine = r.u16(18, "e_machine");
  const flags = r.u32(cls === 2 ? 48 : 36, "e_flags");
  const { segments, sections } = readHeaderTables(r);
  const interpSeg = segments.find((s) => s.type === PT_INTERP);
  const interpreter = interpSeg ? r.cstring(interpSeg.offset, interpSeg.offset + interpSeg.filesz, "PT_INTERP") : null;
  const dyn = readDynamic(r, segments, sections);
  const bits = cls === 2 ? 64 : 32;
  const endian = data === 1 ? "little" : "big";
  return {
    class: cls === 2 ? "ELF64" : "ELF32",
    bits,
    endian,
    osabi: ident[7],
    machine,
    machineName: MACHINE_NAMES[machine] ?? `EM_${machine}`,
    arch: goarchOf({ bits, endian, machine }),
    type: TYPES[type] ?? `0x${type.toString(16)}`,
    flags,
    linkage: decideLinkage(type, interpreter, dyn.flags1),
    interpreter,
    needed: dyn.needed,
    runpath: dyn.runpath,
    rpath: dyn.rpath,
    soname: dyn.soname,
    go: readGoBuildInfo(r, segments, sections),
    goBuildId: readGoBuildId(r, sections)
  };
}

// src/util/fs.ts
import { lstat as lstat2, open as open2, readFile, readdir as readdir2, readlink as readlink2, rename as rename2, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
var nodeDepsFs = {
  async lstat(path) {
    const st = await lstat2(path).catch(() => void 0);
    if (!st) return void 0;
    const kind = st.isSymbolicLink() ? "symlink" : st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
    return { kind, mode: st.mode, size: st.size };
  },
  readlink: (path) => readlink2(path),
  readFile: (path) => readFile(path),
  readdir: (path) => readdir2(path)
};
function withFileSource(path, fn) {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    return fn({
      size,
      read(offset, length) {
        const buf = new Uint8Array(length);
        let got = 0;
        while (got < length) {
          const n = readSync(fd, buf, got, length - got, offset + got);
          if (n === 0) break;
          got += n;
        }
        return got === length ? buf : buf.subarray(0, got);
      }
    });
  } finally {
    closeSync(fd);
  }
}
async function hashFile(path) {
  const h = createHash("sha256");
  const fh = await open2(path, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      h.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return h.digest("hex");
}
async function openFileReader(file) {
  const fh = await open2(file.path, "r");
  return {
    async read(offset, buf) {
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await fh.read(buf, got, buf.length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      if (got !== buf.length) throw new Error(`${file.path} is shorter than the ${file.size} bytes it had when the layer started`);
    },
    close: () => fh.close()
  };
}
async function writeFileAtomic(path, data) {
  const tmp = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile2(tmp, data);
    await rename2(tmp, path);
  } catch (e) {
    await rm2(tmp, { force: true }).catch(() => void 0);
    throw e;
  }
}

// src/check/inspect.ts
function gatherErrors(deps, file, title) {
  const out = [];
  if (deps.missingInterpreter) {
    out.push({ level: "error", title, message: `${file}: its loader ${deps.missingInterpreter} is not in the sysroot ${deps.sysroot}; install the target's libc (e.g. libc6-dev-<arch>-cross) or set sysroot` });
  }
  for (const m of deps.missing) {
    out.push({ level: "error", title, message: `${file}: ${m.soname} (needed by ${m.neededBy}) was not found in the sysroot ${deps.sysroot}; searched ${m.searched.join(", ")}` });
  }
  return out;
}
function layerEntries(deps) {
  const out = [];
  for (const f of deps.files) {
    const path = f.path.replace(/^\/+/, "");
    if (f.type === "symlink") out.push({ path, type: "symlink", mode: 511, linkname: f.linkname });
    else out.push({ path, type: "file", mode: f.mode, file: { path: f.source, size: f.size } });
  }
  return out;
}
function goBuildInfoOf(path) {
  try {
    return withFileSource(path, (src) => parseElf(src).go);
  } catch (e) {
    if (e instanceof ElfError) return null;
    throw e;
  }
}
async function inspectOne(r, row2, ctx) {
  const shown = ctx.show(r.binary);
  const title = `scratchpack (${r.platform.id})`;
  let found;
  let libraries = [];
  let size = 0;
  let sha256 = "";
  try {
    const [info2, bytes] = withFileSource(r.binary, (src) => [parseElf(src), src.size]);
    size = bytes;
    sha256 = await ctx.hash({ path: r.binary, size, identity: info2.goBuildId ?? void 0 });
    row2.binary = {
      path: ctx.binaryPath,
      file: r.binary,
      size,
      sha256,
      linkage: info2.linkage,
      interpreter: info2.interpreter,
      needed: info2.needed,
      go: info2.go ? { version: info2.go.version, settings: info2.go.settings } : null
    };
    found = checkBinary(info2, r.platform, ctx.inputs.linkage, shown);
    const tc = ctx.toolchains.get(r.platform.id);
    if (found.length === 0 && ctx.inputs.linkage === "gather" && info2.interpreter && tc?.sysroot) {
      const deps = await resolveDeps(info2, { sysroot: tc.sysroot, multiarch: tc.multiarch, originDir: dirname(ctx.binaryPath), fs: nodeDepsFs, parse: parseElf });
      found = gatherErrors(deps, shown, title);
      row2.binary.sysroot = tc.sysroot;
      row2.binary.libraries = [
        ...deps.interpreter ? [{ soname: "(loader)", path: deps.interpreter.path, source: deps.interpreter.source, size: deps.interpreter.size }] : [],
        ...deps.libraries.map((l) => ({ soname: l.soname, path: l.path, source: l.source, size: l.size }))
      ];
      row2.binary.gathered = deps.files.map((f) => ({ path: f.path, type: f.type, ...f.linkname ? { linkname: f.linkname } : {}, source: f.source, size: f.size }));
      if (found.length === 0) libraries = layerEntries(deps);
    }
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
    found = [{ level: "error", title, message: `${shown}: ${e.message}` }];
  }
  if (found.length > 0) {
    row2.status = "check failed";
    return { annotations: found };
  }
  return { annotations: [], passed: { binary: { path: r.binary, size, sha256 }, libraries } };
}

// src/plan/toolchains.ts
import { stat as stat2 } from "node:fs/promises";
import { delimiter, join } from "node:path";
var NODE_TO_GOARCH = { x64: "amd64", arm64: "arm64", arm: "arm", ia32: "386", ppc64: "ppc64le", s390x: "s390x", riscv64: "riscv64", loong64: "loong64" };
function hostArch() {
  return NODE_TO_GOARCH[process.arch] ?? process.arch;
}
async function onPath(name, env) {
  const isExe = (p) => stat2(p).then((s) => s.isFile() && (s.mode & 73) !== 0, () => false);
  if (name.includes("/")) return isExe(name);
  for (const dir of (env.PATH ?? "").split(delimiter)) if (dir && await isExe(join(dir, name))) return true;
  return false;
}
async function chooseCc(inputs, p, env) {
  const given = forPlatform(inputs.cc, p);
  const deb = debianTarget(p);
  const native = p.arch === hostArch();
  const candidate = given ?? (native ? "gcc" : deb ? `${deb.gnu}-gcc` : void 0);
  if (candidate && await onPath(candidate.split(/\s+/)[0], env)) return candidate;
  const pkg = native ? "gcc" : deb ? `gcc-${deb.gnu}` : void 0;
  throw new InputError(
    `input "cc": no C compiler for ${p.id} (cgo: true)` + (candidate ? `: ${candidate.split(/\s+/)[0]} is not on PATH` : "") + (pkg ? `; install the Debian/Ubuntu package ${pkg}` : "") + `, or set cc: ${p.id}=<compiler>`
  );
}
async function chooseSysroot(inputs, p) {
  const given = forPlatform(inputs.sysroot, p);
  const deb = debianTarget(p);
  const sysroot = given ?? (p.arch === hostArch() ? "/" : deb ? `/usr/${deb.gnu}` : void 0);
  const ok = sysroot !== void 0 && await stat2(sysroot).then((s) => s.isDirectory(), () => false);
  if (ok) return sysroot;
  throw new InputError(
    `input "sysroot": no sysroot for ${p.id} (linkage: gather)` + (sysroot ? `: ${sysroot} does not exist` : "") + (deb && !given ? `; install the Debian/Ubuntu package libc6-dev-${deb.deb}-cross` : "") + `, or set sysroot: ${p.id}=<dir>`
  );
}
async function resolveToolchains(inputs, env) {
  const out = /* @__PURE__ */ new Map();
  for (const p of inputs.platforms) {
    const t = { multiarch: debianTarget(p)?.multiarch };
    if (inputs.cgo) t.cc = await chooseCc(inputs, p, env);
    if (inputs.linkage === "gather") t.sysroot = await chooseSysroot(inputs, p);
    out.set(p.id, t);
  }
  return out;
}

// src/build/go/argv.ts
var MEMORY_SHARE = 0.75;
function gcTuning(memoryBytes, cores) {
  const mib = Math.max(64, Math.floor(memoryBytes * MEMORY_SHARE / Math.max(1, cores) / 2 ** 20));
  return { GOGC: "400", GOMEMLIMIT: `${mib}MiB` };
}
function buildProcs(cores, targets) {
  const concurrent = Math.min(cores, targets);
  return concurrent > 1 ? Math.max(1, Math.floor(cores / concurrent)) : void 0;
}
function buildArgs(opts, out) {
  return [
    "build",
    "-trimpath",
    ...opts.tags.length > 0 ? ["-tags", opts.tags.join(",")] : [],
    "-ldflags",
    opts.ldflags,
    ...opts.goFlags,
    "-o",
    out,
    opts.pkg
  ];
}
function buildEnv(opts, platform2) {
  return {
    ...opts.env,
    CGO_ENABLED: opts.cgo ? "1" : "0",
    ...opts.procs && opts.env.GOMAXPROCS === void 0 ? { GOMAXPROCS: String(opts.procs) } : {},
    ...opts.gc && opts.env.GOGC === void 0 && opts.env.GOMEMLIMIT === void 0 ? opts.gc : {},
    ...platform2.goEnv
  };
}

// src/build/go/build.ts
import { join as join2 } from "node:path";

// src/build/go/diagnostics.ts
var LINE = /^(\S[^:]*\.(?:go|s|c|h|cc|cpp|mod)):(\d+)(?::(\d+))?: (.*)$/;
function parseGoDiagnostics(stderr, resolve4, title) {
  const out = [];
  for (const line of stderr.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (m) {
      out.push({
        level: "error",
        title,
        file: resolve4(m[1]),
        startLine: Number(m[2]),
        ...m[3] ? { startColumn: Number(m[3]) } : {},
        message: m[4]
      });
    } else if (line.startsWith("	") && out.length > 0) {
      out[out.length - 1].message += "\n" + line.trim();
    }
  }
  return out;
}
function dedupeAnnotations(list) {
  const seen = /* @__PURE__ */ new Set();
  return list.filter((a) => {
    const key = JSON.stringify([a.level, a.file, a.startLine, a.startColumn, a.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/build/go/build.ts
async function buildOne(platform2, opts, ctx) {
  const binary = join2(ctx.outDir, platform2.slug, "binary");
  const start = performance.now();
  const cc = ctx.ccFor?.(platform2);
  const env = { ...ctx.baseEnv, ...buildEnv(opts, platform2), ...cc ? { CC: cc } : {} };
  const r = await ctx.exec("go", buildArgs(opts, binary), { cwd: ctx.cwd, env });
  return { platform: platform2, ok: r.exitCode === 0, binary, stderr: r.stderr, ms: performance.now() - start };
}
function buildAnnotations(results, toRepoPath) {
  const annotations = [];
  for (const r of results.filter((x) => !x.ok)) {
    const found = parseGoDiagnostics(r.stderr, toRepoPath, `go build (${r.platform.id})`);
    annotations.push(...found.length > 0 ? found : [{ level: "error", title: `go build (${r.platform.id})`, message: r.stderr.trim() || "go build failed with no output" }]);
  }
  return dedupeAnnotations(annotations);
}

// src/image/digest.ts
import { createHash as createHash2 } from "node:crypto";
function sha256Digest(data) {
  return "sha256:" + createHash2("sha256").update(data).digest("hex");
}
function jsonBlob(mediaType, value) {
  const data = new TextEncoder().encode(JSON.stringify(value));
  return { mediaType, digest: sha256Digest(data), size: data.length, data };
}

// src/image/types.ts
var MediaType = {
  index: "application/vnd.oci.image.index.v1+json",
  manifest: "application/vnd.oci.image.manifest.v1+json",
  config: "application/vnd.oci.image.config.v1+json",
  layerGzip: "application/vnd.oci.image.layer.v1.tar+gzip"
};
var MEDIA = {
  oci: MediaType,
  docker: {
    index: "application/vnd.docker.distribution.manifest.list.v2+json",
    manifest: "application/vnd.docker.distribution.manifest.v2+json",
    config: "application/vnd.docker.container.image.v1+json",
    layerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip"
  }
};

// src/image/image.ts
function descriptor(b, mediaType = b.mediaType) {
  return { mediaType, digest: b.digest, size: b.size };
}
function nonEmpty(o) {
  return Object.keys(o).length > 0 ? o : void 0;
}
function buildImage(layers, s) {
  const family = s.family ?? "oci";
  const media = MEDIA[family];
  const config = jsonBlob(media.config, {
    created: s.created,
    architecture: s.platform.architecture,
    os: s.platform.os,
    ...s.platform.variant ? { variant: s.platform.variant } : {},
    config: {
      User: s.user,
      Env: s.env,
      Entrypoint: s.entrypoint,
      ...s.cmd.length > 0 ? { Cmd: s.cmd } : {},
      WorkingDir: "/",
      ...nonEmpty(s.labels) ? { Labels: s.labels } : {}
    },
    rootfs: { type: "layers", diff_ids: layers.map((l) => l.diffId) },
    history: layers.map(() => ({ created: s.created, created_by: s.createdBy, comment: "scratchpack" }))
  });
  const manifest = jsonBlob(media.manifest, {
    schemaVersion: 2,
    mediaType: media.manifest,
    config: descriptor(config),
    layers: layers.map((l) => descriptor(l, media.layerGzip)),
    ...family === "oci" && nonEmpty(s.manifestAnnotations) ? { annotations: s.manifestAnnotations } : {}
  });
  return { platform: s.platform, layers, config, manifest };
}
function buildIndexBlob(entries, annotations, descriptorAnnotations = {}, family = "oci") {
  const oci = family === "oci";
  return jsonBlob(MEDIA[family].index, {
    schemaVersion: 2,
    mediaType: MEDIA[family].index,
    manifests: entries.map((e) => ({
      ...descriptor(e.manifest),
      platform: e.platform,
      ...oci && nonEmpty(descriptorAnnotations) ? { annotations: descriptorAnnotations } : {}
    })),
    ...oci && nonEmpty(annotations) ? { annotations } : {}
  });
}
function buildIndex(images, annotations, descriptorAnnotations = {}, family = "oci") {
  return { images, index: buildIndexBlob(images, annotations, descriptorAnnotations, family) };
}

// src/layer/layer.ts
import { createHash as createHash3 } from "node:crypto";

// src/layer/tar.ts
var BLOCK = 512;
var enc = new TextEncoder();
function octal(value, width) {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}
function putString(h, off, len, s) {
  h.set(enc.encode(s).subarray(0, len), off);
}
function header(name, typeflag, size, e, mtime, prefix = "") {
  const h = new Uint8Array(BLOCK);
  putString(h, 0, 100, name);
  putString(h, 100, 8, octal(e.mode & 4095, 8));
  putString(h, 108, 8, octal(e.uid ?? 0, 8));
  putString(h, 116, 8, octal(e.gid ?? 0, 8));
  putString(h, 124, 12, octal(size, 12));
  putString(h, 136, 12, octal(mtime, 12));
  putString(h, 148, 8, "        ");
  putString(h, 156, 1, typeflag);
  putString(h, 157, 100, e.linkname ?? "");
  putString(h, 257, 8, "ustar\x0000");
  putString(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  putString(h, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
  return h;
}
function pad(size) {
  return new Uint8Array((BLOCK - size % BLOCK) % BLOCK);
}
function ustarSplit(name) {
  if (enc.encode(name).length <= 100) return ["", name];
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== "/") continue;
    const prefix = name.slice(0, i), rest = name.slice(i + 1);
    if (enc.encode(prefix).length <= 155 && enc.encode(rest).length <= 100 && rest !== "") return [prefix, rest];
  }
  return void 0;
}
function paxRecord(key, value) {
  const body = ` ${key}=${value}
`;
  const n = enc.encode(body).length;
  let len = n + String(n).length;
  if (String(len).length !== String(n).length) len = n + String(len).length;
  return `${len}${body}`;
}
function withParents(entries) {
  const byPath = /* @__PURE__ */ new Map();
  for (const e of entries) {
    if (byPath.has(e.path)) throw new Error(`layer has two entries for /${e.path}`);
    byPath.set(e.path, e);
  }
  for (const e of entries) {
    const parts = e.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (!byPath.has(dir)) byPath.set(dir, { path: dir, type: "dir", mode: 493 });
    }
  }
  return [...byPath.values()];
}
function compareBytes(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
function tarParts(input, mtime) {
  const entries = withParents(input).sort((a, b) => compareBytes(a.path, b.path));
  const parts = [];
  for (const e of entries) {
    const name = e.type === "dir" ? `${e.path}/` : e.path;
    const typeflag = e.type === "dir" ? "5" : e.type === "symlink" ? "2" : "0";
    const size = e.type === "file" ? e.file?.size ?? e.data?.length ?? 0 : 0;
    const split = ustarSplit(name);
    const linkTooLong = e.linkname !== void 0 && enc.encode(e.linkname).length > 100;
    if (!split || linkTooLong || size >= 8 ** 11) {
      let records = "";
      if (linkTooLong) records += paxRecord("linkpath", e.linkname);
      if (!split) records += paxRecord("path", name);
      if (size >= 8 ** 11) records += paxRecord("size", String(size));
      const body = enc.encode(records);
      const base = e.path.split("/").pop() ?? "";
      parts.push(header(`PaxHeaders.0/${base}`.slice(0, 100), "x", body.length, { mode: 420 }, mtime), body, pad(body.length));
    }
    const [prefix, short] = split ?? ["", name.slice(0, 100)];
    parts.push(header(short, typeflag, size >= 8 ** 11 ? 0 : size, { ...e, linkname: linkTooLong ? "" : e.linkname }, mtime, prefix));
    if (size > 0) parts.push(e.file ?? e.data, pad(size));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return parts;
}

// src/layer/layer.ts
var GZIP_LEVEL = 5;
var MEMBER_SIZE = 1 * 1024 * 1024;
var READ_SIZE = 1024 * 1024;
var IN_FLIGHT = 2;
async function* tarStream(parts, io, digests) {
  const buf = new Uint8Array(READ_SIZE);
  for (const p of parts) {
    if (p instanceof Uint8Array) {
      yield p;
      continue;
    }
    const file = await io.open(p);
    const h = createHash3("sha256");
    try {
      for (let off = 0; off < p.size; off += READ_SIZE) {
        const piece = buf.subarray(0, Math.min(READ_SIZE, p.size - off));
        await file.read(off, piece);
        h.update(piece);
        yield piece;
      }
    } finally {
      await file.close();
    }
    if (h.digest("hex") !== digests.get(p)) throw new Error(`${p.path} changed while its layer was being written; run again`);
  }
}
async function* fixedChunks(src, size, ring) {
  const bufs = Array.from({ length: ring }, () => new Uint8Array(size));
  let turn = 0;
  let buf = bufs[0];
  let n = 0;
  for await (const piece of src) {
    for (let at = 0; at < piece.length; ) {
      const take = Math.min(size - n, piece.length - at);
      buf.set(piece.subarray(at, at + take), n);
      n += take;
      at += take;
      if (n === size) {
        yield buf;
        buf = bufs[++turn % ring];
        n = 0;
      }
    }
  }
  if (n > 0) yield buf.subarray(0, n);
}
var hex = (h) => "sha256:" + h.digest("hex");
var RECIPE = `scratchpack layer 2: ustar, gzip level ${GZIP_LEVEL} members of ${MEMBER_SIZE} bytes by libdeflate
`;
async function recipeKey(parts, io) {
  const h = createHash3("sha256").update(RECIPE);
  const digests = /* @__PURE__ */ new Map();
  for (const p of parts) {
    if (p instanceof Uint8Array) {
      h.update(`b${p.length}:`).update(p);
      continue;
    }
    const digest = p.sha256 ?? await io.hash(p);
    digests.set(p, digest);
    h.update(`f${p.size}:${digest}`);
  }
  return { key: hex(h), digests };
}
async function buildLayer(entries, mtime, io) {
  const parts = tarParts(entries, mtime);
  const { key, digests } = await recipeKey(parts, io);
  const layer = (s, cached) => ({ mediaType: MediaType.layerGzip, digest: s.digest, size: s.size, path: s.path, diffId: s.diffId, uncompressedSize: s.uncompressedSize, cached });
  const hit = await io.store.lookup(key);
  if (hit) return layer(hit, true);
  const sink = await io.store.create();
  const pending = [];
  try {
    const tarHash = createHash3("sha256");
    const gzHash = createHash3("sha256");
    let tarSize = 0;
    let size = 0;
    const drain = async () => {
      const member = await pending.shift();
      try {
        gzHash.update(member.bytes);
        size += member.bytes.length;
        await sink.write(member.bytes);
      } finally {
        member.release();
      }
    };
    for await (const chunk of fixedChunks(tarStream(parts, io, digests), MEMBER_SIZE, IN_FLIGHT + 1)) {
      tarHash.update(chunk);
      tarSize += chunk.length;
      const member = io.gzip(chunk);
      member.catch(() => void 0);
      pending.push(member);
      if (pending.length >= IN_FLIGHT) await drain();
    }
    while (pending.length > 0) await drain();
    return layer(await sink.commit(key, { digest: hex(gzHash), size, diffId: hex(tarHash), uncompressedSize: tarSize }), false);
  } catch (e) {
    for (const p of pending.splice(0)) await p.then((m) => m.release(), () => void 0);
    await sink.abort();
    throw e;
  }
}

// src/layer/rootfs.ts
var PASSWD = [
  "root:x:0:0:root:/root:/sbin/nologin",
  "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin",
  "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin",
  ""
].join("\n");
var GROUP = ["root:x:0:", "nobody:x:65534:", "nonroot:x:65532:", ""].join("\n");
var enc2 = new TextEncoder();
var rel = (abs) => abs.replace(/^\/+/, "");
function rootfsEntries(spec) {
  const generated = [
    { path: "etc/passwd", type: "file", mode: 420, data: enc2.encode(PASSWD) },
    { path: "etc/group", type: "file", mode: 420, data: enc2.encode(GROUP) },
    { path: "home/nonroot", type: "dir", mode: 448, uid: 65532, gid: 65532 },
    { path: "tmp", type: "dir", mode: 1023 }
  ];
  if (spec.caBundle) generated.push({ path: "etc/ssl/certs/ca-certificates.crt", type: "file", mode: 420, data: spec.caBundle });
  generated.push(...spec.zoneinfo ?? [], ...spec.libraries ?? []);
  const fixed = /* @__PURE__ */ new Map();
  fixed.set(rel(spec.binaryPath), { path: rel(spec.binaryPath), type: "file", mode: 493, file: spec.binary });
  const byPath = /* @__PURE__ */ new Map();
  for (const e of generated) byPath.set(e.path, e);
  for (const f of spec.extraFiles) {
    const path = rel(f.dest);
    const clash = fixed.get(path) ?? (byPath.get(path)?.type === "dir" ? byPath.get(path) : void 0);
    if (clash) throw new Error(`file ${f.dest} would replace ${clash.type === "dir" ? "a directory" : "the binary"} in the image`);
    fixed.set(path, { path, type: "file", mode: f.mode, data: f.data });
    byPath.delete(path);
  }
  for (const [path, e] of fixed) {
    const parentClash = [...byPath.values(), ...fixed.values()].find((o) => o.type !== "dir" && path.startsWith(o.path + "/"));
    if (parentClash) throw new Error(`/${path} would sit under the file /${parentClash.path}`);
    byPath.set(path, e);
  }
  return [...byPath.values()];
}

// src/plan/plan.ts
var IMAGE_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
function ociPlatform(p) {
  return { architecture: p.arch, os: p.os, ...p.variant ? { variant: p.variant } : {} };
}
function annotationsAt(inputs, level) {
  const out = {};
  for (const a of inputs.annotations) if (a.levels.includes(level)) out[a.key] = a.value;
  return out;
}
function binaryPathOf(inputs, binaryName) {
  return inputs.binaryPath ?? `/usr/local/bin/${binaryName}`;
}
function makePlan(inputs, facts) {
  const binaryPath = binaryPathOf(inputs, facts.binaryName);
  const created = epochToRfc3339(facts.epoch);
  const defaults = { "org.opencontainers.image.created": created };
  if (facts.serverUrl && facts.repository) defaults["org.opencontainers.image.source"] = `${facts.serverUrl}/${facts.repository}`;
  if (facts.sha) defaults["org.opencontainers.image.revision"] = facts.sha;
  const first = inputs.tags[0];
  const layoutAnnotations = first ? { "io.containerd.image.name": first.full, "org.opencontainers.image.ref.name": first.tag } : {};
  return {
    binaryName: facts.binaryName,
    binaryPath,
    created,
    image: {
      created,
      user: inputs.user,
      entrypoint: [binaryPath],
      cmd: inputs.args,
      env: [IMAGE_PATH],
      labels: inputs.labels,
      createdBy: `scratchpack: go build -trimpath ${inputs.package} (${facts.importPath})`,
      manifestAnnotations: { ...defaults, ...annotationsAt(inputs, "manifest") }
    },
    indexAnnotations: { ...defaults, ...annotationsAt(inputs, "index") },
    manifestDescriptorAnnotations: annotationsAt(inputs, "manifest-descriptor"),
    layoutAnnotations: { ...layoutAnnotations, ...annotationsAt(inputs, "index-descriptor") }
  };
}

// src/build/go/package.ts
function defaultBinaryName(importPath) {
  const parts = importPath.split("/");
  const last = parts[parts.length - 1];
  return /^v\d+$/.test(last) && parts.length > 1 ? parts[parts.length - 2] : last;
}
async function askGo(inputs, ctx) {
  const opts = { cwd: ctx.cwd, env: ctx.env };
  const [version, list] = await Promise.all([
    ctx.exec("go", ["env", "GOVERSION"], opts),
    ctx.exec("go", ["list", "-f", "{{.Name}} {{.ImportPath}}", inputs.package], opts)
  ]);
  if (version.exitCode !== 0) {
    throw new InputError(`go is not usable (${version.stderr.trim() || `exit ${version.exitCode}`}); add actions/setup-go before this step`);
  }
  const pkg = `input "package": "${inputs.package}"`;
  if (list.exitCode !== 0) throw new InputError(`${pkg} is not a buildable package in ${ctx.shownDir}: ${list.stderr.trim().split("\n")[0]}`);
  const lines = list.stdout.trim() ? list.stdout.trim().split("\n") : [];
  if (lines.length !== 1) throw new InputError(`${pkg} matches ${lines.length} packages; expected one main package, e.g. ./cmd/server`);
  const [name, importPath] = lines[0].split(" ");
  if (name !== "main") throw new InputError(`${pkg} is package ${name}, not package main; expected a command, e.g. ./cmd/server`);
  return importPath;
}

// src/plan/workspace.ts
import { lstat as lstat3, readFile as readFile2, readdir as readdir3, readlink as readlink3, realpath, stat as stat3 } from "node:fs/promises";
import { isAbsolute, join as join3, resolve, sep } from "node:path";
var CA_BUNDLES = [
  "/etc/ssl/certs/ca-certificates.crt",
  "/etc/pki/tls/certs/ca-bundle.crt",
  "/etc/ssl/ca-bundle.pem",
  "/etc/pki/tls/cacert.pem",
  "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
  "/etc/ssl/cert.pem"
];
var ZONEINFO = "/usr/share/zoneinfo";
var isDir = (p) => stat3(p).then((s) => s.isDirectory(), () => false);
var within = (root, p) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
async function walkZoneinfo(dir, prefix, out) {
  const names = (await readdir3(dir)).sort();
  for (const name of names) {
    const full = join3(dir, name);
    const path = `${prefix}/${name}`;
    const st = await lstat3(full);
    if (st.isSymbolicLink()) out.push({ path, type: "symlink", mode: 511, linkname: await readlink3(full) });
    else if (st.isDirectory()) {
      out.push({ path, type: "dir", mode: 493 });
      await walkZoneinfo(full, path, out);
    } else if (st.isFile()) out.push({ path, type: "file", mode: 420, data: await readFile2(full) });
  }
}
function givenEpoch(inputs, env) {
  if (inputs.sourceDateEpoch !== void 0) return [inputs.sourceDateEpoch, "input"];
  const fromEnv = env.SOURCE_DATE_EPOCH?.trim();
  if (!fromEnv) return void 0;
  try {
    return [parseEpoch(fromEnv), "SOURCE_DATE_EPOCH"];
  } catch (e) {
    throw new InputError(`environment variable SOURCE_DATE_EPOCH: ${e.message}`);
  }
}
async function gitEpoch(exec, workDir, env) {
  const git = await exec("git", ["log", "-1", "--format=%ct"], { cwd: workDir, env });
  const t = git.stdout.trim();
  return git.exitCode === 0 && /^\d+$/.test(t) ? [Number(t), "git"] : [0, "default"];
}
function resolveEpoch(inputs, env, exec, workDir) {
  const given = givenEpoch(inputs, env);
  return given ? Promise.resolve(given) : gitEpoch(exec, workDir, env);
}
async function readExtraFiles(inputs, workspace) {
  const root = await realpath(workspace);
  const out = [];
  for (const spec of inputs.files) {
    const abs = isAbsolute(spec.source) ? spec.source : resolve(workspace, spec.source);
    const real = await realpath(abs).catch(() => void 0);
    if (real === void 0) throw new InputError(`input "files": source "${spec.source}" does not exist (looked at ${abs})`);
    if (!within(root, real)) {
      throw new InputError(`input "files": source "${spec.source}" resolves to ${real}, outside the workspace ${root}; only workspace files may go into the image`);
    }
    const st = await stat3(real);
    if (!st.isFile()) throw new InputError(`input "files": source "${spec.source}" is not a regular file`);
    out.push({ dest: spec.dest, data: await readFile2(real), mode: spec.mode ?? (st.mode & 73 ? 493 : 420) });
  }
  return out;
}
async function prepare(inputs, env) {
  const warnings = [];
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const workDir = resolve(workspace, inputs.workingDirectory);
  if (!await isDir(workDir)) throw new InputError(`input "working-directory": directory "${inputs.workingDirectory}" does not exist (resolved to ${workDir})`);
  const setup = { workspace, workDir, extraFiles: [], warnings };
  if (inputs.caCertificates) {
    for (const p of CA_BUNDLES) {
      const data = await readFile2(p).catch(() => void 0);
      if (data && data.length > 0) {
        setup.caBundle = data;
        setup.caBundlePath = p;
        break;
      }
    }
    if (!setup.caBundle) warnings.push(`ca-certificates: no CA bundle found on the runner (looked in ${CA_BUNDLES.join(", ")}); the image has none, so TLS clients in it will fail`);
  }
  if (inputs.tzdata) {
    if (!await isDir(ZONEINFO)) throw new InputError(`input "tzdata": true, but the runner has no ${ZONEINFO}; install tzdata or set tzdata: false and import time/tzdata in Go`);
    setup.zoneinfo = [];
    await walkZoneinfo(ZONEINFO, "usr/share/zoneinfo", setup.zoneinfo);
  }
  setup.extraFiles = await readExtraFiles(inputs, workspace);
  if (inputs.binaryPath || inputs.binaryName) checkPlacement(setup, binaryPathOf(inputs, inputs.binaryName ?? ""));
  return setup;
}
function checkPlacement(setup, binaryPath) {
  try {
    rootfsEntries({ binaryPath, binary: { path: "", size: 0 }, caBundle: setup.caBundle, extraFiles: setup.extraFiles });
  } catch (e) {
    throw new InputError(`input "files": ${e.message}`);
  }
}

// src/plan/planner.ts
function planner(inputs, setup, go, epoch, runner) {
  let asked;
  let planned;
  const ask = () => asked ??= askGo(inputs, go);
  const make = async (binary) => {
    const pattern = inputs.package.includes("...") ? await ask() : void 0;
    const importPath = pattern ?? goBuildInfoOf(binary)?.path ?? await ask();
    const binaryName = inputs.binaryName ?? defaultBinaryName(importPath);
    checkPlacement(setup, binaryPathOf(inputs, binaryName));
    return makePlan(inputs, { binaryName, epoch: (await epoch)[0], importPath, ...runner });
  };
  return {
    planFrom: (binary) => planned ??= make(binary),
    planned: () => planned,
    askGo: ask
  };
}

// src/publish/layout.ts
import { constants as constants3 } from "node:fs";
import { copyFile as copyFile2, link, mkdir as mkdir2, rename as rename3, rm as rm3, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname2, join as join4 } from "node:path";
function allBlobs(artifact) {
  const seen = /* @__PURE__ */ new Map();
  for (const img of artifact.images) for (const b of [...img.layers, img.config, img.manifest]) seen.set(b.digest, b);
  seen.set(artifact.index.digest, artifact.index);
  return [...seen.values()];
}
var LayoutPublisher = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  async publish(artifact, { annotations = {} } = {}) {
    try {
      await this.write(artifact, annotations);
    } catch (e) {
      throw new ActionError(`could not write the OCI layout at ${this.dir} (input "oci-layout"): ${e.message}`, { cause: e });
    }
    const ref = annotations["org.opencontainers.image.ref.name"];
    return { location: this.dir, refs: ref ? [`oci:${this.dir}:${ref}`] : [`oci:${this.dir}`] };
  }
  async write(artifact, annotations) {
    const staging = `${this.dir}.partial-${process.pid}`;
    const old = `${this.dir}.old-${process.pid}`;
    await rm3(staging, { recursive: true, force: true });
    await mkdir2(join4(staging, "blobs", "sha256"), { recursive: true });
    try {
      await writeFile3(join4(staging, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
      await Promise.all(allBlobs(artifact).map((b) => {
        const to = join4(staging, "blobs", "sha256", b.digest.slice("sha256:".length));
        return "path" in b ? link(b.path, to).catch(() => copyFile2(b.path, to, constants3.COPYFILE_FICLONE)) : writeFile3(to, b.data);
      }));
      const index = {
        schemaVersion: 2,
        mediaType: "application/vnd.oci.image.index.v1+json",
        manifests: [{
          mediaType: artifact.index.mediaType,
          digest: artifact.index.digest,
          size: artifact.index.size,
          ...Object.keys(annotations).length > 0 ? { annotations } : {}
        }]
      };
      await writeFile3(join4(staging, "index.json"), JSON.stringify(index));
      await mkdir2(dirname2(this.dir), { recursive: true });
      await rm3(old, { recursive: true, force: true });
      await rename3(this.dir, old).catch((e) => {
        if (e.code !== "ENOENT") throw e;
      });
      await rename3(staging, this.dir);
      await rm3(old, { recursive: true, force: true });
    } catch (e) {
      await rm3(staging, { recursive: true, force: true });
      throw e;
    }
  }
};

// src/publish/push.ts
import { createReadStream } from "node:fs";
import { mkdir as mkdir3, writeFile as writeFile4 } from "node:fs/promises";
import { join as join6, resolve as resolve2 } from "node:path";
import { Readable } from "node:stream";

// src/publish/merge.ts
import { readdir as readdir4 } from "node:fs/promises";

// src/publish/registry/errors.ts
var RegistryError = class extends ActionError {
  constructor(registry, operation, status, detail) {
    super(`registry ${registry}: ${operation} failed (${status})${detail ? `: ${detail}` : ""}`);
    this.registry = registry;
    this.operation = operation;
    this.status = status;
  }
  registry;
  operation;
  status;
};
function errorDetail(body) {
  const text = Buffer.from(body.subarray(0, 4096)).toString("utf8");
  try {
    const parsed = JSON.parse(text);
    if (Array.isArray(parsed.errors)) return parsed.errors.map((e) => [e.code, e.message].filter(Boolean).join(" ")).join("; ");
  } catch {
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}

// src/publish/merge.ts
async function readMergeDigests(spec) {
  if ("digests" in spec) return spec.digests;
  const names = await readdir4(spec.dir).catch(() => {
    throw new InputError(`input "merge-digests": directory "${spec.dir}" does not exist`);
  });
  const digests = names.filter((n) => /^[a-f0-9]{64}$/.test(n)).sort().map((n) => `sha256:${n}`);
  if (digests.length === 0) throw new InputError(`input "merge-digests": directory "${spec.dir}" holds no files named after a sha256 digest`);
  return digests;
}
var samePlatform = (a, b) => a.architecture === b.architecture && a.os === b.os && (a.variant ?? "") === (b.variant ?? "");
async function mergeIndex(inputs, digests, client, repo, annotations) {
  const family = inputs.mediaTypes;
  const found = [];
  for (const digest of digests) {
    const { data } = await client.getManifest(repo, digest, [MEDIA.oci.manifest, MEDIA.docker.manifest]);
    if (sha256Digest(data) !== digest) throw new RegistryError(client.registry, `GET manifest ${digest}`, "digest mismatch", `the registry returned other bytes (${sha256Digest(data)})`);
    const manifest = JSON.parse(data.toString("utf8"));
    if (manifest.mediaType !== MEDIA[family].manifest) {
      throw new InputError(`input "merge-digests": ${digest} is ${manifest.mediaType ?? "a manifest without mediaType"}, but media-types is ${family} (${MEDIA[family].manifest}); the families never mix`);
    }
    const config = JSON.parse((await client.getBlob(repo, manifest.config?.digest ?? "")).toString("utf8"));
    const platform2 = { architecture: config.architecture, os: config.os, ...config.variant ? { variant: config.variant } : {} };
    found.push({ manifest: { mediaType: manifest.mediaType, digest, size: data.length }, platform: platform2 });
  }
  const entries = inputs.platforms.map((p) => {
    const want = ociPlatform(p);
    const hits = found.filter((f) => samePlatform(f.platform, want));
    if (hits.length !== 1) {
      throw new InputError(`input "merge-digests": ${hits.length === 0 ? "no" : "more than one"} manifest for platform ${p.id} among ${digests.length} digests; expected exactly one per entry of platforms`);
    }
    return { ...hits[0], platformId: p.id };
  });
  const extra = found.find((f) => !entries.some((e) => e.manifest.digest === f.manifest.digest));
  if (extra) throw new InputError(`input "merge-digests": ${extra.manifest.digest} is for ${[extra.platform.os, extra.platform.architecture, extra.platform.variant].filter(Boolean).join("/")}, which is not in platforms`);
  return { index: buildIndexBlob(entries, annotations.index, annotations.descriptor, family), entries };
}

// src/util/pool.ts
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
function limiter(limit) {
  let active = 0;
  const waiting = [];
  return async (fn) => {
    if (active >= Math.max(1, limit)) await new Promise((r) => waiting.push(r));
    else active++;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
function barrier(count) {
  let left = count;
  let ok = true;
  let open4;
  const all = new Promise((r) => open4 = r);
  if (left <= 0) open4(true);
  return {
    arrive(success) {
      ok &&= success;
      if (--left === 0) open4(ok);
    },
    all
  };
}

// src/publish/registry/publisher.ts
function repositories(tags) {
  const seen = /* @__PURE__ */ new Map();
  for (const t of tags) seen.set(`${t.registry}/${t.repository}`, seen.get(`${t.registry}/${t.repository}`) ?? { registry: t.registry, repository: t.repository });
  return [...seen.values()];
}
var RegistryPublisher = class {
  constructor(opts) {
    this.opts = opts;
    this.slot = limiter(opts.concurrency);
  }
  opts;
  counts = { uploaded: 0, present: 0, mounted: 0, bytes: 0, manifests: 0, manifestsPresent: 0 };
  slot;
  /** One upload per repository and digest, however many images or calls ask for it. */
  started = /* @__PURE__ */ new Map();
  /** One manifest PUT (or HEAD that makes it unneeded) per repository and ref, whether pushImage() or publish() asks. */
  putting = /* @__PURE__ */ new Map();
  /** Registry and digest → a repository that has it, for cross-repository mounts. */
  holders = /* @__PURE__ */ new Map();
  /** Answers to the read-only questions (HEADs), by `<kind> <registry>/<repository>|<digest or ref>`: each is asked once. */
  answers = /* @__PURE__ */ new Map();
  failure;
  /** The counters so far, with the transport's retries read now, so a push that fails midway still reports them. */
  get stats() {
    return { ...this.counts, retries: this.opts.retries() };
  }
  /**
   * Runs a write once per key, however many callers ask for it, when `slot` lets it start; none starts after a
   * failure (checked at that moment, so a queued write never starts), and the first failure is what every caller sees.
   */
  once(writes, key, write, slot = (f) => f()) {
    let p = writes.get(key);
    if (!p) {
      p = slot(async () => {
        if (this.failure) throw this.failure.error;
        await write().catch((e) => {
          this.failure ??= { error: e };
          throw this.failure.error;
        });
      });
      p.catch(() => void 0);
      writes.set(key, p);
    }
    return p;
  }
  /** The answer to a question, asked now unless probe() asked it already; a failure surfaces only where it is awaited. */
  ask(key, question) {
    let answer = this.answers.get(key);
    if (!answer) {
      answer = question();
      answer.catch(() => void 0);
      this.answers.set(key, answer);
    }
    return answer;
  }
  /** Whether `repo` holds the blob (HEAD), asked once whether probe() or the upload asks first. */
  hasBlob(client, registry, repo, digest) {
    return this.ask(`blob ${registry}/${repo}|${digest}`, async () => (await client).blobExists(repo, digest));
  }
  /** The digest `repo` holds at `ref` (HEAD), asked once whether probe() or the manifest push asks first. */
  manifestAt(client, registry, repo, ref, m) {
    return this.ask(`manifest ${registry}/${repo}|${ref}`, async () => (await client).manifestDigest(repo, ref, [m.mediaType]));
  }
  /**
   * Asks, read-only, whether each repository already holds an image's layer, config and manifest, as soon as the
   * image is assembled and before every check has passed: a write still waits for the checks, but the round trips
   * (ping, token, HEADs) no longer sit between the last build and the tag.
   */
  probe(img) {
    for (const t of repositories(this.opts.tags)) {
      const client = this.opts.client(t.registry);
      for (const b of [...img.layers, img.config]) void this.hasBlob(client, t.registry, t.repository, b.digest);
      void this.manifestAt(client, t.registry, t.repository, img.manifest.digest, img.manifest);
    }
  }
  async pushBlob(client, registry, repo, b) {
    const key = `${registry}|${b.digest}`;
    if (await this.hasBlob(client, registry, repo, b.digest)) {
      this.counts.present++;
      this.holders.set(key, repo);
      return;
    }
    const from = this.holders.get(key);
    let session;
    if (from && from !== repo) {
      const mounted = await client.mountBlob(repo, b.digest, from);
      if (mounted === true) {
        this.counts.mounted++;
        return;
      }
      session = mounted;
    }
    await client.uploadBlob(repo, { digest: b.digest, size: b.size, open: () => this.opts.open(b) }, session);
    this.counts.uploaded++;
    this.counts.bytes += b.size;
    this.holders.set(key, repo);
  }
  /**
   * Puts blobs in every repository (repositories in tag order, so later ones can mount), each at most once.
   * Callable before the index exists, so uploads overlap the last layers' compression; after a failure no new
   * upload starts, and the first failure is what every caller sees.
   */
  async upload(blobs) {
    for (const t of repositories(this.opts.tags)) {
      const client = await this.opts.client(t.registry);
      await Promise.all(blobs.map((b) => this.once(this.started, `${t.registry}/${t.repository}|${b.digest}`, () => this.pushBlob(client, t.registry, t.repository, b), this.slot)));
    }
  }
  /**
   * An image's blobs, then its manifest by digest, in every repository: called as each image is ready (and every
   * check has passed), so only the last image's round trips remain once the index exists. Moves no tag.
   */
  async pushImage(img) {
    await this.upload([...img.layers, img.config]);
    for (const t of repositories(this.opts.tags)) {
      await this.putManifest(await this.opts.client(t.registry), t.registry, t.repository, img.manifest.digest, img.manifest);
    }
  }
  /** No upload starts after this (the step failed elsewhere); those in flight finish, so nothing is cut off mid-PUT. */
  cancel(reason) {
    this.failure ??= { error: reason };
  }
  async publish(artifact, { ready } = {}) {
    const targets = repositories(this.opts.tags);
    await mapLimit(artifact.images, this.opts.concurrency, (img) => this.pushImage(img));
    await ready;
    const refs = [];
    if (this.opts.pushByDigest) {
      for (const t of targets) for (const img of artifact.images) refs.push(`${t.registry}/${t.repository}@${img.manifest.digest}`);
    } else {
      await this.pushIndex(artifact.index);
      refs.push(...this.opts.tags.map((t) => t.full));
    }
    return { location: targets.map((t) => `${t.registry}/${t.repository}`).join(", "), refs };
  }
  /**
   * PUTs a manifest unless a HEAD shows the registry already holds exactly it at `ref`, as go-containerregistry's
   * remote.Write does: an unchanged rerun then writes nothing, and a tag that already points at it is left alone.
   */
  putManifest(client, registry, repo, ref, m) {
    return this.once(this.putting, `${registry}/${repo}|${ref}|${m.digest}`, async () => {
      if (await this.manifestAt(client, registry, repo, ref, m) === m.digest) {
        this.counts.manifestsPresent++;
        return;
      }
      await client.putManifest(repo, ref, m.mediaType, m.data, m.digest);
      this.counts.manifests++;
    });
  }
  /** The index by digest in every repository, then each tag in order; shared with the merge job. */
  async pushIndex(index) {
    for (const t of repositories(this.opts.tags)) {
      const client = await this.opts.client(t.registry);
      await this.putManifest(client, t.registry, t.repository, index.digest, index);
    }
    for (const tag of this.opts.tags) await this.putManifest(await this.opts.client(tag.registry), tag.registry, tag.repository, tag.tag, index);
  }
};

// src/publish/registry/challenge.ts
function parseChallenges(header2) {
  const out = [];
  let i = 0;
  const n = header2.length;
  const skipWs = () => {
    while (i < n && /[\s,]/.test(header2[i])) i++;
  };
  const token = () => {
    const start = i;
    while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header2[i])) i++;
    return header2.slice(start, i);
  };
  while (i < n) {
    skipWs();
    const scheme = token();
    if (!scheme) {
      i++;
      continue;
    }
    const ch = { scheme: scheme.toLowerCase(), params: {} };
    out.push(ch);
    for (; ; ) {
      while (i < n && /[ \t]/.test(header2[i])) i++;
      const save = i;
      if (header2[i] === ",") {
        i++;
        while (i < n && /[ \t]/.test(header2[i])) i++;
      }
      const key = token();
      while (i < n && /[ \t]/.test(header2[i])) i++;
      if (!key || header2[i] !== "=") {
        i = save;
        break;
      }
      i++;
      while (i < n && /[ \t]/.test(header2[i])) i++;
      let value = "";
      if (header2[i] === '"') {
        i++;
        while (i < n && header2[i] !== '"') {
          if (header2[i] === "\\" && i + 1 < n) i++;
          value += header2[i++];
        }
        i++;
      } else {
        const start = i;
        while (i < n && !/[\s,]/.test(header2[i])) i++;
        value = header2.slice(start, i);
      }
      ch.params[key.toLowerCase()] = value;
    }
    while (i < n && /[\s]/.test(header2[i])) i++;
    if (header2[i] === ",") i++;
  }
  return out;
}

// src/publish/registry/auth.ts
var basic = (c) => "Basic " + Buffer.from(`${c.username ?? ""}:${c.password ?? ""}`).toString("base64");
var Authenticator = class {
  constructor(registry, credential, transport, allowHttpRealm, now = Date.now) {
    this.registry = registry;
    this.credential = credential;
    this.transport = transport;
    this.allowHttpRealm = allowHttpRealm;
    this.now = now;
    this.refreshToken = credential?.identityToken;
  }
  registry;
  credential;
  transport;
  allowHttpRealm;
  now;
  challenge;
  tokens = /* @__PURE__ */ new Map();
  refreshToken;
  /** Remembers the challenge from a 401; returns false when there is nothing new to answer with. */
  learn(header2) {
    const found = parseChallenges(header2 ?? "");
    const ch = found.find((c) => c.scheme === "bearer") ?? found.find((c) => c.scheme === "basic");
    if (!ch) return false;
    this.challenge = ch;
    return true;
  }
  /** The Authorization header for a request needing `scopes`, fetching a token when needed (or when `force`). */
  async header(scopes, force = false) {
    const ch = this.challenge;
    if (!ch) return void 0;
    if (ch.scheme === "basic") return this.credential?.username !== void 0 ? basic(this.credential) : void 0;
    if (ch.scheme !== "bearer") return void 0;
    const key = scopes.join(" ");
    const cached = this.tokens.get(key);
    if (cached && !force && cached.expiresAt > this.now()) return `Bearer ${cached.token}`;
    const token = await this.fetchToken(ch, scopes);
    this.tokens.set(key, token);
    return `Bearer ${token.token}`;
  }
  realmUrl(ch) {
    let realm;
    try {
      realm = new URL(ch.params.realm ?? "");
    } catch {
      throw new RegistryError(this.registry, "authenticate", "bad challenge", `realm "${ch.params.realm ?? ""}" is not a URL`);
    }
    if (realm.protocol !== "https:" && !(realm.protocol === "http:" && this.allowHttpRealm)) {
      throw new RegistryError(this.registry, "authenticate", "refused", `token realm ${realm.origin} is not HTTPS; credentials are only sent over TLS`);
    }
    return realm;
  }
  async fetchToken(ch, scopes) {
    const realm = this.realmUrl(ch);
    const service = ch.params.service ?? "";
    let res;
    if (this.refreshToken) {
      const form = new URLSearchParams({ grant_type: "refresh_token", service, client_id: "scratchpack", scope: scopes.join(" "), refresh_token: this.refreshToken });
      res = await this.transport.send(
        { method: "POST", url: realm.href, headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from(form.toString()) },
        this.registry,
        "token (oauth2)"
      );
      if (res.status === 404 || res.status === 405) res = void 0;
    }
    if (!res) {
      const url = new URL(realm.href);
      if (service) url.searchParams.set("service", service);
      for (const s of scopes) url.searchParams.append("scope", s);
      const headers = {};
      if (this.credential?.username !== void 0) headers.authorization = basic(this.credential);
      res = await this.transport.send({ method: "GET", url: url.href, headers }, this.registry, "token");
    }
    if (res.status !== 200) {
      throw new RegistryError(this.registry, `token for ${scopes.join(" ")}`, res.status, errorDetail(res.body) || (this.credential ? `credentials from ${this.credential.source} were refused` : "anonymous access refused"));
    }
    const body = JSON.parse(res.body.toString("utf8"));
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(this.registry, "token", "bad response", "no token in the token server answer");
    if (body.refresh_token) this.refreshToken = body.refresh_token;
    const ttl = Math.max(60, body.expires_in ?? 60);
    return { token, expiresAt: this.now() + (ttl - 10) * 1e3 };
  }
};

// src/publish/registry/client.ts
function isLoopback(host) {
  const h = host.replace(/:\d+$/, "");
  return h === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(h) || h === "[::1]";
}
function apiHost(registry) {
  return registry === "docker.io" ? "registry-1.docker.io" : registry;
}
var pushScope = (repo) => `repository:${repo}:push,pull`;
var pullScope = (repo) => `repository:${repo}:pull`;
var RegistryClient = class {
  constructor(registry, transport, auth, plainHttpAllowed) {
    this.registry = registry;
    this.transport = transport;
    this.auth = auth;
    this.plainHttpAllowed = plainHttpAllowed;
  }
  registry;
  transport;
  auth;
  plainHttpAllowed;
  base = "";
  /** GET /v2/: picks https (or http where allowed and TLS is not spoken) and learns the auth challenge. */
  async ping() {
    const host = apiHost(this.registry);
    const schemes = this.plainHttpAllowed ? ["https", "http"] : ["https"];
    let last;
    for (const scheme of schemes) {
      try {
        const res = await this.transport.send({ method: "GET", url: `${scheme}://${host}/v2/` }, this.registry, "ping");
        this.base = `${scheme}://${host}`;
        if (res.status === 401) this.auth.learn(res.headers["www-authenticate"]);
        else if (res.status !== 200) throw new RegistryError(this.registry, "ping /v2/", res.status, errorDetail(res.body));
        return;
      } catch (e) {
        last = e;
        const tls = e instanceof RegistryError && /^(EPROTO|ERR_SSL_|ECONNRESET)/.test(String(e.status));
        if (!tls) throw e;
      }
    }
    throw last;
  }
  async send(req, scopes, operation) {
    const sameHost = new URL(req.url).host === new URL(this.base).host;
    const withAuth = async (force) => {
      const authz = sameHost ? await this.auth.header(scopes, force) : void 0;
      return { ...req, headers: { ...req.headers, ...authz ? { authorization: authz } : {} } };
    };
    let res = await this.transport.send(await withAuth(false), this.registry, operation);
    if (res.status === 401 && sameHost && this.auth.learn(res.headers["www-authenticate"])) {
      res = await this.transport.send(await withAuth(true), this.registry, operation);
    }
    return res;
  }
  fail(operation, res) {
    throw new RegistryError(this.registry, operation, res.status, errorDetail(res.body));
  }
  /** HEAD a blob: 200 means present; 404, and the 403 some registries send instead, mean "upload it". */
  async blobExists(repo, digest) {
    const res = await this.send({ method: "HEAD", url: `${this.base}/v2/${repo}/blobs/${digest}` }, [pushScope(repo)], `HEAD blob ${digest.slice(0, 19)}`);
    if (res.status === 200) return true;
    if (res.status === 404 || res.status === 403) return false;
    this.fail(`HEAD blob ${digest}`, res);
  }
  /** Tries a cross-repository mount; returns true if mounted, else the upload session the registry opened instead. */
  async mountBlob(repo, digest, from) {
    const url = `${this.base}/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
    const res = await this.send({ method: "POST", url, headers: { "content-length": "0" } }, [pushScope(repo), pullScope(from)], `mount ${digest.slice(0, 19)}`);
    if (res.status === 201) return true;
    if (res.status === 202 && res.headers.location) return new URL(res.headers.location, url).href;
    this.fail(`mount blob ${digest} from ${from}`, res);
  }
  /** Uploads a blob as one POST and one monolithic PUT, streamed, and checks the digest the registry reports. */
  async uploadBlob(repo, blob, session) {
    let location = session;
    if (!location) {
      const url = `${this.base}/v2/${repo}/blobs/uploads/`;
      const res2 = await this.send({ method: "POST", url, headers: { "content-length": "0" } }, [pushScope(repo)], `start upload ${blob.digest.slice(0, 19)}`);
      if (res2.status !== 202 || !res2.headers.location) this.fail(`start upload of ${blob.digest}`, res2);
      location = new URL(res2.headers.location, url).href;
    }
    const put = location + (location.includes("?") ? "&" : "?") + `digest=${encodeURIComponent(blob.digest)}`;
    const res = await this.send({
      method: "PUT",
      url: put,
      body: blob.open,
      headers: { "content-type": "application/octet-stream", "content-length": String(blob.size) }
    }, [pushScope(repo)], `upload ${blob.digest.slice(0, 19)}`);
    if (res.status !== 201 && res.status !== 204) this.fail(`upload blob ${blob.digest}`, res);
    const said = res.headers["docker-content-digest"];
    if (said && said !== blob.digest) throw new RegistryError(this.registry, `upload blob ${blob.digest}`, "digest mismatch", `registry stored ${said}`);
  }
  /**
   * HEAD a manifest by tag or digest: the digest the registry holds there, or undefined for 404 (and the 403 some
   * registries send instead) or an answer without Docker-Content-Digest, where the caller simply PUTs.
   */
  async manifestDigest(repo, ref, accept) {
    const res = await this.send({ method: "HEAD", url: `${this.base}/v2/${repo}/manifests/${ref}`, headers: { accept: accept.join(", ") } }, [pushScope(repo)], `HEAD manifest ${ref.slice(0, 19)}`);
    if (res.status === 200) return res.headers["docker-content-digest"] || void 0;
    if (res.status === 404 || res.status === 403) return void 0;
    this.fail(`HEAD manifest ${repo}:${ref}`, res);
  }
  /** PUTs manifest bytes by tag or digest with Content-Type = its mediaType, and checks the digest the registry reports. */
  async putManifest(repo, ref, mediaType, data, digest) {
    const res = await this.send({
      method: "PUT",
      url: `${this.base}/v2/${repo}/manifests/${ref}`,
      body: data,
      headers: { "content-type": mediaType, "content-length": String(data.length) }
    }, [pushScope(repo)], `PUT manifest ${repo}:${ref.slice(0, 19)}`);
    if (res.status !== 201 && res.status !== 200) this.fail(`PUT manifest ${repo}:${ref}`, res);
    const said = res.headers["docker-content-digest"];
    if (said && said !== digest) throw new RegistryError(this.registry, `PUT manifest ${repo}:${ref}`, "digest mismatch", `registry computed ${said}, we sent ${digest}`);
  }
  /** GETs a manifest by digest (merge job), with the exact bytes so the digest can be checked. */
  async getManifest(repo, ref, accept) {
    const res = await this.send({ method: "GET", url: `${this.base}/v2/${repo}/manifests/${ref}`, headers: { accept: accept.join(", ") } }, [pullScope(repo)], `GET manifest ${ref.slice(0, 19)}`);
    if (res.status !== 200) this.fail(`GET manifest ${repo}@${ref}`, res);
    return { mediaType: (res.headers["content-type"] ?? "").split(";")[0].trim(), data: res.body };
  }
  /** GETs a small blob (an image config), following the registry's redirect without our credentials. */
  async getBlob(repo, digest) {
    let url = `${this.base}/v2/${repo}/blobs/${digest}`;
    for (let hops = 0; hops < 5; hops++) {
      const res = await this.send({ method: "GET", url }, [pullScope(repo)], `GET blob ${digest.slice(0, 19)}`);
      if (res.status >= 300 && res.status < 400 && res.headers.location) {
        url = new URL(res.headers.location, url).href;
        continue;
      }
      if (res.status !== 200) this.fail(`GET blob ${repo}@${digest}`, res);
      return res.body;
    }
    throw new RegistryError(this.registry, `GET blob ${digest}`, "redirect loop", "");
  }
};

// src/publish/registry/credentials.ts
import { readFile as readFile3 } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join5 } from "node:path";
function keysFor(registry) {
  const hub = ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"];
  return registry === "docker.io" ? hub : [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
}
async function fromHelper(helper, registry, exec, mask) {
  const server = registry === "docker.io" ? "https://index.docker.io/v1/" : registry;
  const r = await exec(`docker-credential-${helper}`, ["get"], { input: server });
  if (r.exitCode !== 0) return void 0;
  const got = JSON.parse(r.stdout);
  if (!got.Secret) return void 0;
  mask(got.Secret);
  const source = `docker-credential-${helper}`;
  return got.Username === "<token>" ? { identityToken: got.Secret, source } : { username: got.Username, password: got.Secret, source };
}
async function resolveCredential(registry, inputs, env, exec, mask) {
  if (inputs.username || inputs.password) return { username: inputs.username, password: inputs.password, source: "the username/password inputs" };
  const dir = env.DOCKER_CONFIG || join5(env.HOME || homedir(), ".docker");
  const file = join5(dir, "config.json");
  const text = await readFile3(file, "utf8").catch(() => void 0);
  if (text !== void 0) {
    let config;
    try {
      config = JSON.parse(text);
    } catch {
      throw new Error(`${file} is not valid JSON`);
    }
    for (const key of keysFor(registry)) {
      const helper = config.credHelpers?.[key];
      if (helper) {
        const c = await fromHelper(helper, registry, exec, mask);
        if (c) return c;
      }
    }
    for (const key of keysFor(registry)) {
      const a = config.auths?.[key];
      if (!a) continue;
      if (a.identitytoken) {
        mask(a.identitytoken);
        return { identityToken: a.identitytoken, source: file };
      }
      if (a.auth) {
        const decoded = Buffer.from(a.auth, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        const password = decoded.slice(colon + 1);
        mask(a.auth);
        mask(password);
        return { username: decoded.slice(0, colon), password, source: file };
      }
      if (a.username !== void 0 && a.password !== void 0) {
        mask(a.password);
        return { username: a.username, password: a.password, source: file };
      }
    }
    if (config.credsStore) {
      const c = await fromHelper(config.credsStore, registry, exec, mask);
      if (c) return c;
    }
  }
  if (registry === "ghcr.io" && inputs.githubToken) {
    return { username: inputs.githubActor || "x-access-token", password: inputs.githubToken, source: "the github-token input" };
  }
  return void 0;
}

// src/publish/registry/connect.ts
function clientFactory(o) {
  const clients = /* @__PURE__ */ new Map();
  return (registry) => {
    let c = clients.get(registry);
    if (!c) {
      c = (async () => {
        const plain = isLoopback(registry) || o.insecureRegistries.includes(registry);
        const credential = await resolveCredential(registry, o.credentials, o.env, o.exec, o.mask);
        o.info(`${registry}: ${credential ? `credentials from ${credential.source}` : "anonymous"}`);
        const client = new RegistryClient(registry, o.transport, new Authenticator(registry, credential, o.transport, plain), plain);
        await client.ping();
        return client;
      })();
      clients.set(registry, c);
    }
    return c;
  };
}

// src/publish/registry/http.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
var MAX_BODY = 8 << 20;
var agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 8 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 8 }) };
function flatten(h) {
  const out = {};
  for (const [k, v] of Object.entries(h)) if (v !== void 0) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}
var nodeFetch = (req, timeoutMs) => new Promise((resolve4, reject) => {
  const url = new URL(req.url);
  const isHttps = url.protocol === "https:";
  const send = isHttps ? httpsRequest : httpRequest;
  const r = send(url, { method: req.method, headers: req.headers, agent: isHttps ? agents.https : agents.http }, (res) => {
    const chunks = [];
    let size = 0;
    res.on("data", (c) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    res.on("end", () => resolve4({ status: res.statusCode ?? 0, headers: flatten(res.headers), body: Buffer.concat(chunks) }));
    res.on("error", reject);
  });
  r.setTimeout(timeoutMs, () => {
    const e = new Error(`no answer within ${timeoutMs} ms`);
    e.code = "ETIMEDOUT";
    r.destroy(e);
  });
  r.on("error", reject);
  if (req.body === void 0) r.end();
  else if (req.body instanceof Uint8Array) r.end(req.body);
  else {
    const stream = req.body();
    stream.on("error", (e) => r.destroy(e));
    stream.pipe(r);
  }
});

// src/publish/registry/retry.ts
var DEFAULT_RETRY = {
  delaysMs: [1e3, 3e3, 9e3],
  jitter: 0.1,
  statuses: [408, 429, 500, 502, 503, 504],
  errorCodes: ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "UND_ERR_SOCKET", "EAI_AGAIN", "ERR_STREAM_PREMATURE_CLOSE"],
  maxRetryAfterMs: 3e4,
  timeoutMs: 6e4
};
function retryAfterMs(value, now) {
  if (!value) return void 0;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  const t = Date.parse(v);
  return Number.isNaN(t) ? void 0 : Math.max(0, t - now);
}
function backoffMs(policy, attempt, retryAfter, random) {
  if (retryAfter !== void 0) return Math.min(retryAfter, policy.maxRetryAfterMs);
  const base = policy.delaysMs[Math.min(attempt, policy.delaysMs.length) - 1] ?? 0;
  return Math.round(base * (1 + policy.jitter * (2 * random() - 1)));
}

// src/publish/registry/transport.ts
var Transport = class {
  constructor(fetch, policy, onRetry, sleep = (ms) => new Promise((r) => setTimeout(r, ms)), random = Math.random) {
    this.fetch = fetch;
    this.policy = policy;
    this.onRetry = onRetry;
    this.sleep = sleep;
    this.random = random;
  }
  fetch;
  policy;
  onRetry;
  sleep;
  random;
  stats = { requests: 0, retries: 0 };
  /** Sends `req`; returns the last response (any status) or throws RegistryError once retries run out on socket errors. */
  async send(req, registry, operation) {
    for (let attempt = 0; ; attempt++) {
      this.stats.requests++;
      let res;
      let err;
      try {
        res = await this.fetch(req, this.policy.timeoutMs);
      } catch (e) {
        err = e;
      }
      const transientStatus = res !== void 0 && this.policy.statuses.includes(res.status);
      const transientError = err !== void 0 && (this.policy.errorCodes.includes(err.code ?? "") || /socket hang up|ECONNRESET/.test(err.message));
      if (!transientStatus && !transientError) {
        if (res) return res;
        throw new RegistryError(registry, operation, err?.code ?? "network error", err?.message ?? "");
      }
      if (attempt >= this.policy.delaysMs.length) {
        if (res) return res;
        throw new RegistryError(registry, operation, err?.code ?? "network error", `${err?.message ?? ""} (after ${attempt + 1} attempts)`);
      }
      const wait = backoffMs(this.policy, attempt + 1, retryAfterMs(res?.headers["retry-after"], Date.now()), this.random);
      this.stats.retries++;
      this.onRetry(`${operation} on ${registry}: ${res ? `HTTP ${res.status}` : err?.code ?? err?.message}; retry ${attempt + 1}/${this.policy.delaysMs.length} in ${wait} ms`);
      await this.sleep(wait);
    }
  }
};

// src/publish/push.ts
function connect(inputs, deps) {
  const transport = new Transport(nodeFetch, deps.policy, deps.warn);
  const client = clientFactory({
    transport,
    credentials: { username: inputs.username, password: inputs.password, githubToken: inputs.githubToken, githubActor: deps.env.GITHUB_ACTOR },
    insecureRegistries: inputs.insecureRegistries,
    env: deps.env,
    exec: deps.exec,
    mask: deps.mask,
    info: deps.info
  });
  return { transport, client };
}
function startPush(inputs, deps) {
  const { transport, client } = connect(inputs, deps);
  const publisher = new RegistryPublisher({
    tags: inputs.tags,
    pushByDigest: inputs.pushByDigest,
    client,
    concurrency: 4,
    open: (b) => "path" in b ? createReadStream(b.path) : Readable.from([Buffer.from(b.data)], { objectMode: false }),
    retries: () => transport.stats.retries
  });
  const early = [];
  return {
    probe: (img) => publisher.probe(img),
    pushEarly(img) {
      const p = publisher.pushImage(img);
      p.catch(() => void 0);
      early.push(p);
    },
    async abandon(reason) {
      publisher.cancel(reason);
      await Promise.allSettled(early);
    },
    async finish(artifact, report, ready) {
      try {
        await Promise.all(early);
        const result = await publisher.publish(artifact, { ready });
        report.push = { refs: result.refs, stats: publisher.stats };
      } finally {
        report.push ??= { refs: [], stats: publisher.stats };
      }
      const first = inputs.tags[0];
      report.digests = Object.fromEntries(artifact.images.map((img, i) => [inputs.platforms[i].id, img.manifest.digest]));
      if (inputs.pushByDigest) {
        const dir = resolve2(inputs.digestsDir || join6(deps.tempRoot, "digests"));
        await mkdir3(dir, { recursive: true });
        for (const img of artifact.images) await writeFile4(join6(dir, img.manifest.digest.slice("sha256:".length)), "");
        report.digestsDir = dir;
        report.pushByDigest = true;
        report.image = `${first.registry}/${first.repository}@${artifact.images[0].manifest.digest}`;
      } else {
        report.image = `${first.registry}/${first.repository}@${artifact.index.digest}`;
      }
    }
  };
}
async function runMerge(inputs, report, deps) {
  const digests = await readMergeDigests(inputs.mergeDigests);
  const workDir = resolve2(deps.env.GITHUB_WORKSPACE || process.cwd(), inputs.workingDirectory);
  const [epoch, source] = await resolveEpoch(inputs, deps.env, deps.exec, workDir);
  report.epoch = { value: epoch, source };
  const plan = makePlan(inputs, { binaryName: "", epoch, importPath: "", serverUrl: deps.env.GITHUB_SERVER_URL, repository: deps.env.GITHUB_REPOSITORY, sha: deps.env.GITHUB_SHA });
  const [target] = repositories(inputs.tags);
  if (!target) throw new InputError('input "tags": the merge job needs a tag to push the index to');
  const { transport, client } = connect(inputs, deps);
  const publisher = new RegistryPublisher({ tags: inputs.tags, pushByDigest: false, client, concurrency: 4, open: () => {
    throw new Error("the merge job uploads no blob");
  }, retries: () => transport.stats.retries });
  const { index, entries } = await mergeIndex(inputs, digests, await client(target.registry), target.repository, { index: plan.indexAnnotations, descriptor: plan.manifestDescriptorAnnotations });
  for (const e of entries) {
    const row2 = report.platforms.find((p) => p.platform === e.platformId);
    if (row2) Object.assign(row2, { status: "ok", manifest: { digest: e.manifest.digest, size: e.manifest.size } });
  }
  try {
    await publisher.pushIndex(index);
  } finally {
    report.push = { refs: inputs.tags.map((t) => t.full), stats: publisher.stats };
  }
  report.indexDigest = index.digest;
  report.image = `${target.registry}/${target.repository}@${index.digest}`;
  report.digests = Object.fromEntries(entries.map((e) => [e.platformId, e.manifest.digest]));
}

// src/pipeline.ts
async function runPipeline(inputs, report, deps) {
  const annotations = [];
  const timed = async (name, fn) => {
    const start = performance.now();
    try {
      return await deps.group(name, fn);
    } finally {
      report.phases.push({ name, ms: performance.now() - start });
    }
  };
  if (inputs.mergeDigests) {
    await timed("merge", () => runMerge(inputs, report, deps));
    return { report, annotations };
  }
  const [setup, toolchains] = await timed("prepare", () => Promise.all([prepare(inputs, deps.env), resolveToolchains(inputs, deps.env)]));
  report.warnings.push(...setup.warnings);
  const epoch = resolveEpoch(inputs, deps.env, deps.exec, setup.workDir);
  const binariesDir = join7(deps.tempRoot, "binaries");
  report.binariesDir = binariesDir;
  const buildSlot = limiter(deps.concurrency);
  const layerSlot = limiter(deps.concurrency);
  const toRepoPath = (f) => relative(setup.workspace, resolve3(setup.workDir, f));
  const goOptions = {
    pkg: inputs.package,
    ldflags: inputs.ldflags,
    tags: inputs.buildTags,
    goFlags: inputs.goFlags,
    cgo: inputs.cgo,
    env: inputs.env,
    procs: deps.env.GOMAXPROCS ? void 0 : buildProcs(deps.concurrency, inputs.platforms.length),
    gc: deps.env.GOGC || deps.env.GOMEMLIMIT ? void 0 : gcTuning(deps.memory, deps.concurrency)
  };
  const buildContext = {
    exec: deps.exec,
    cwd: setup.workDir,
    baseEnv: deps.env,
    // go's own outputs stay here between runs, so go skips the link when a binary is up to date (the rerun target).
    outDir: join7(deps.tempRoot, "build"),
    ccFor: (p) => toolchains.get(p.id)?.cc
  };
  const plans = planner(inputs, setup, {
    exec: deps.exec,
    cwd: setup.workDir,
    shownDir: relative(setup.workspace, setup.workDir) || ".",
    env: { ...buildContext.baseEnv, ...buildEnv(goOptions, inputs.platforms[0]) }
  }, epoch, { serverUrl: deps.env.GITHUB_SERVER_URL, repository: deps.env.GITHUB_REPOSITORY, sha: deps.env.GITHUB_SHA });
  const inspectContext = {
    inputs,
    toolchains,
    hash: deps.layers.hash,
    show: (f) => relative(setup.workspace, f).startsWith("..") ? f : relative(setup.workspace, f)
  };
  const builds = [];
  const found = [];
  const session = inputs.push ? startPush(inputs, deps) : void 0;
  const checks = barrier(inputs.platforms.length);
  const check = async (platform2, i) => {
    let passed;
    try {
      const built = builds[i] = await buildSlot(() => buildOne(platform2, goOptions, buildContext));
      const shipped = join7(binariesDir, platform2.slug);
      await rm4(shipped, { recursive: true, force: true });
      if (!built.ok) {
        report.platforms[i].status = "build failed";
        return void 0;
      }
      const plan2 = await plans.planFrom(built.binary);
      const binary = join7(shipped, plan2.binaryName);
      await mkdir4(shipped, { recursive: true });
      await link2(built.binary, binary).catch(() => copyFile3(built.binary, binary));
      const checked = await inspectOne({ ...built, binary }, report.platforms[i], { ...inspectContext, binaryPath: plan2.binaryPath });
      found[i] = checked.annotations;
      passed = checked.passed;
      return passed && { plan: plan2, passed };
    } finally {
      checks.arrive(passed !== void 0);
    }
  };
  const stages = `build, inspect, assemble${session ? ", upload blobs" : ""}`;
  let images;
  try {
    images = await timed(
      `${stages} (${inputs.platforms.length} targets, pipelined)`,
      () => Promise.all(inputs.platforms.map(async (platform2, i) => {
        const ready = await check(platform2, i);
        if (!ready) return void 0;
        const { plan: plan2, passed } = ready;
        const entries = rootfsEntries({
          binaryPath: plan2.binaryPath,
          binary: passed.binary,
          caBundle: setup.caBundle,
          zoneinfo: setup.zoneinfo,
          extraFiles: setup.extraFiles,
          libraries: passed.libraries
        });
        const [mtime] = await epoch;
        const layer = await layerSlot(() => buildLayer(entries, mtime, deps.layers));
        const image = buildImage([layer], { ...plan2.image, platform: ociPlatform(platform2), family: inputs.mediaTypes });
        session?.probe(image);
        if (session && await checks.all) session.pushEarly(image);
        return image;
      }))
    );
  } catch (e) {
    await session?.abandon(e);
    throw e;
  }
  const [value, source] = await epoch;
  report.epoch = { value, source };
  if (builds.some((b) => !b.ok)) await plans.askGo();
  annotations.push(...buildAnnotations(builds, toRepoPath), ...found.flat());
  if (annotations.some((a) => a.level === "error")) {
    report.errors.push(...annotations.filter((a) => a.level === "error").map((a) => a.file ? `${a.file}:${a.startLine}: ${a.message}` : a.message));
    return { report, annotations };
  }
  const plan = await plans.planned();
  const artifact = buildIndex(images, plan.indexAnnotations, plan.manifestDescriptorAnnotations, inputs.mediaTypes);
  const location = resolve3(inputs.ociLayout || join7(deps.tempRoot, "oci"));
  const layoutStart = performance.now();
  const written = new LayoutPublisher(location).publish(artifact, { annotations: plan.layoutAnnotations }).then((published) => {
    report.ociLayout = location;
    report.refs = published.refs;
  }).finally(() => report.phases.push({ name: "write layout", ms: performance.now() - layoutStart }));
  const pushed = session ? timed("push", () => session.finish(artifact, report, written)) : void 0;
  try {
    await Promise.all([written, pushed]);
  } catch (e) {
    await session?.abandon(e);
    await Promise.allSettled([written, pushed]);
    throw e;
  }
  artifact.images.forEach((img, i) => {
    const pr = report.platforms[i];
    pr.status = "ok";
    pr.layer = { digest: img.layers[0].digest, size: img.layers[0].size };
    pr.manifest = { digest: img.manifest.digest, size: img.manifest.size };
  });
  report.indexDigest = artifact.index.digest;
  report.layersFromCache = artifact.images.filter((img) => img.layers.every((l) => l.cached)).length;
  return { report, annotations };
}

// src/report/model.ts
function imageOutput(p) {
  return {
    platform: p.platform,
    digest: p.manifest?.digest ?? null,
    size: p.manifest?.size ?? null,
    binary: p.binary ? {
      path: p.binary.path,
      size: p.binary.size,
      sha256: p.binary.sha256,
      linkage: p.binary.linkage,
      interpreter: p.binary.interpreter,
      needed: p.binary.needed,
      ...p.binary.libraries ? { sysroot: p.binary.sysroot, libraries: p.binary.libraries, gathered: p.binary.gathered } : {}
    } : null,
    layer: p.layer ?? null
  };
}
function outputs(r) {
  const images = r.platforms.map(imageOutput);
  const digest = r.pushByDigest && r.digests ? Object.values(r.digests)[0] : r.indexDigest;
  const metadata = {
    digest: digest ?? null,
    images,
    "oci-layout": r.ociLayout ?? null,
    binaries: r.binariesDir ?? null,
    refs: r.refs,
    image: r.image ?? null,
    digests: r.digests ?? null,
    push: r.push ?? null
  };
  return {
    digest: digest ?? "",
    images: JSON.stringify(images),
    "oci-layout": r.ociLayout ?? "",
    binaries: r.binariesDir ?? "",
    metadata: JSON.stringify(metadata),
    image: r.image ?? "",
    digests: r.digests ? JSON.stringify(r.digests) : ""
  };
}

// src/report/summary.ts
function esc(s) {
  return s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function humanSize(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(1)} GiB`;
}
var SHOWN_SETTINGS = /^(-buildmode|-tags|-ldflags|-trimpath|CGO_ENABLED|GOOS|GOARCH|GOARM|GOAMD64|GOARM64|GO386|GOPPC64|GORISCV64|GOMIPS|GOMIPS64|vcs|vcs\..*)$/;
var MAX_VALUE = 200;
function linkageCell(p) {
  if (!p.binary) return "\u2014";
  const libs = p.binary.libraries ?? [];
  if (libs.length === 0) return esc(p.binary.linkage);
  const items = libs.map((l) => `\`${esc(l.soname === "(loader)" ? l.path : l.soname)}\` ${humanSize(l.size)} \u2190 \`${esc(l.source)}\``);
  return `${esc(p.binary.linkage)}, gathered:<br>${items.join("<br>")}`;
}
function row(p) {
  const cells = [
    `\`${esc(p.platform)}\``,
    p.binary ? humanSize(p.binary.size) : "\u2014",
    linkageCell(p),
    p.layer ? humanSize(p.layer.size) : "\u2014",
    p.manifest ? `\`${p.manifest.digest}\`` : `**${p.status}**`
  ];
  return `| ${cells.join(" | ")} |`;
}
function goDetails(r) {
  const lines = ["<details><summary>Go build info</summary>", ""];
  for (const p of r.platforms) {
    if (!p.binary?.go) continue;
    const settings = Object.entries(p.binary.go.settings).filter(([k]) => SHOWN_SETTINGS.test(k)).map(([k, v]) => `${esc(k)}=${esc(v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) + "\u2026" : v)}`);
    lines.push(`- \`${esc(p.platform)}\`: ${esc(p.binary.go.version)}; ${settings.map((s) => `\`${s}\``).join(" ")}`);
    if (p.binary.interpreter) lines.push(`  - interpreter \`${esc(p.binary.interpreter)}\`, needs ${p.binary.needed.map((n) => `\`${esc(n)}\``).join(", ") || "no library"}`);
  }
  lines.push("", "</details>");
  return lines;
}
function renderSummary(r) {
  const ok = r.errors.length === 0;
  const out = [`## ${ok ? "\u2705" : "\u274C"} Scratchpack: ${r.platforms.length} platform${r.platforms.length === 1 ? "" : "s"}`, ""];
  if (r.platforms.length > 0) {
    out.push("| Platform | Binary | Linkage | Layer (gzip) | Manifest digest |", "| --- | --- | --- | --- | --- |", ...r.platforms.map(row), "");
  }
  if (r.indexDigest) out.push(`**Index digest:** \`${r.indexDigest}\``, "");
  if (r.ociLayout) out.push(`**OCI layout:** \`${esc(r.ociLayout)}\`${r.refs.length ? ` (${r.refs.map((x) => `\`${esc(x)}\``).join(", ")})` : ""}`, "");
  if (r.image) out.push(`**Image:** \`${esc(r.image)}\``, "");
  if (r.push) {
    const s = r.push.stats;
    out.push(`**Pushed:** ${r.push.refs.map((x) => `\`${esc(x)}\``).join(", ") || "nothing"}`, "");
    out.push(`**Blobs:** ${s.uploaded} uploaded, ${s.present} already present, ${s.mounted} mounted \xB7 ${humanSize(s.bytes)} sent \xB7 ${s.manifests} manifests put${s.manifestsPresent ? `, ${s.manifestsPresent} already there` : ""} \xB7 ${s.retries} retries`, "");
  }
  if (r.epoch) out.push(`**Created:** epoch ${r.epoch.value} (from ${esc(r.epoch.source)})`, "");
  if (r.phases.length > 0) {
    const cache = r.layersFromCache ? ` (${r.layersFromCache} of ${r.platforms.length} layers from the layer cache)` : "";
    out.push(`**Time:** ${r.phases.map((p) => `${esc(p.name)} ${(p.ms / 1e3).toFixed(2)} s`).join(" \xB7 ")}${cache}`, "");
  }
  if (r.errors.length > 0) out.push("### Errors", "", ...r.errors.slice(0, 50).map((e) => `- ${esc(e.length > 2e3 ? e.slice(0, 2e3) + "\u2026" : e)}`), "");
  if (r.warnings.length > 0) out.push("### Warnings", "", ...r.warnings.slice(0, 50).map((w) => `- ${esc(w)}`), "");
  if (r.platforms.some((p) => p.binary?.go)) out.push(...goDetails(r), "");
  return out.join("\n");
}

// src/util/exec.ts
import { spawn } from "node:child_process";
import { constants as constants4 } from "node:os";
var MAX_OUTPUT = 16 * 1024 * 1024;
function collect(stream) {
  const parts = [];
  let kept = 0;
  let dropped = 0;
  stream?.on("data", (d) => {
    const take = Math.min(d.length, MAX_OUTPUT - kept);
    if (take > 0) parts.push(take === d.length ? d : d.subarray(0, take));
    kept += take;
    dropped += d.length - take;
  });
  return () => Buffer.concat(parts).toString("utf8") + (dropped > 0 ? `
[${dropped} more bytes not kept]
` : "");
}
var spawnExec = (cmd, args, opts = {}) => new Promise((resolve4) => {
  const notStarted = (e) => resolve4({ exitCode: 127, stdout: "", stderr: `${cmd}: ${e instanceof Error ? e.message : String(e)}` });
  let child;
  try {
    child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ? { ...process.env, ...opts.env } : process.env,
      stdio: [opts.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
    });
  } catch (e) {
    return notStarted(e);
  }
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  child.once("error", notStarted);
  child.once("close", (code, signal) => {
    const exitCode = code ?? (signal ? 128 + (constants4.signals[signal] ?? 0) : 1);
    resolve4({ exitCode, stdout: stdout(), stderr: stderr() });
  });
  if (child.stdin) {
    child.stdin.on("error", () => void 0);
    child.stdin.end(opts.input);
  }
});

// src/layer/gzip-pool.ts
import { Worker } from "node:worker_threads";
var OUT_SIZE = MEMBER_SIZE + MEMBER_SIZE / 2 + 65536;
function workerGzipPool(size, script) {
  const idle = [];
  const all = [];
  const queue = [];
  const spawn2 = () => {
    const shared = new SharedArrayBuffer(MEMBER_SIZE + OUT_SIZE);
    const worker = new Worker(script, { workerData: { shared, inSize: MEMBER_SIZE, level: GZIP_LEVEL } });
    const slot = { worker, input: new Uint8Array(shared, 0, MEMBER_SIZE), output: new Uint8Array(shared, MEMBER_SIZE) };
    all.push(slot);
    return slot;
  };
  const next = (slot) => {
    const task = queue.shift();
    if (task) run2(slot ?? spawn2(), task);
    else if (slot) idle.push(slot);
  };
  const run2 = (slot, t) => {
    const settle = (fn) => {
      slot.worker.removeAllListeners("message").removeAllListeners("error");
      fn();
    };
    slot.worker.once("message", (n) => settle(() => {
      let released = false;
      t.resolve({
        bytes: slot.output.subarray(0, n),
        release: () => {
          if (!released) next(slot);
          released = true;
        }
      });
    }));
    slot.worker.once("error", (e) => settle(() => {
      all.splice(all.indexOf(slot), 1);
      t.reject(e);
      next(void 0);
    }));
    slot.input.set(t.chunk);
    slot.worker.postMessage(t.chunk.length);
  };
  return {
    gzip(chunk) {
      return new Promise((resolve4, reject) => {
        if (chunk.length > MEMBER_SIZE) return reject(new Error(`gzip member of ${chunk.length} bytes exceeds ${MEMBER_SIZE}`));
        const task = { chunk, resolve: resolve4, reject };
        const slot = idle.pop() ?? (all.length < size ? spawn2() : void 0);
        if (slot) run2(slot, task);
        else queue.push(task);
      });
    },
    async close() {
      await Promise.all(all.map((s) => s.worker.terminate()));
    }
  };
}

// src/layer/store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdir as mkdir6, open as open3, readdir as readdir6, readFile as readFile5, rename as rename4, rm as rm6, stat as stat5, utimes, writeFile as writeFile5 } from "node:fs/promises";
import { join as join9 } from "node:path";

// src/layer/hash-memo.ts
import { createHash as createHash4 } from "node:crypto";
import { mkdir as mkdir5, readdir as readdir5, readFile as readFile4, rm as rm5, stat as stat4 } from "node:fs/promises";
import { join as join8 } from "node:path";
var SETTLED_NS = 100000000n;
async function stampOf(path, identity) {
  const st = await stat4(path, { bigint: true }).catch(() => void 0);
  if (!st?.isFile()) return void 0;
  const exact = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
  if (identity) return { stamp: `${st.dev}:${st.ino}:${st.size}:id:${identity}`, exact, settled: () => true };
  return { stamp: exact, exact, settled: (now) => now - st.mtimeNs > SETTLED_NS };
}
function memoFile(dir, path) {
  return join8(dir, `${createHash4("sha256").update(path).digest("hex").slice(0, 40)}.json`);
}
async function readMemo(file) {
  const m = await readFile4(file, "utf8").then((t) => JSON.parse(t)).catch(() => void 0);
  const ok = typeof m?.path === "string" && typeof m.stamp === "string" && /^[0-9a-f]{64}$/.test(String(m.sha256));
  return ok ? m : void 0;
}
function hashMemo(dir, hash) {
  return async (path, identity) => {
    const before = await stampOf(path, identity);
    const file = memoFile(dir, path);
    if (before) {
      const memo = await readMemo(file);
      if (memo?.path === path && memo.stamp === before.stamp) return memo.sha256;
    }
    const sha256 = await hash(path);
    const after = await stampOf(path, identity);
    if (before && after?.exact === before.exact && after.settled(BigInt(Date.now()) * 1000000n)) {
      await mkdir5(dir, { recursive: true }).then(() => writeFileAtomic(file, JSON.stringify({ path, stamp: before.stamp, sha256 }))).catch(() => void 0);
    }
    return sha256;
  };
}
async function forgetMemo(dir, path) {
  await rm5(memoFile(dir, path), { force: true });
}
async function pruneMemos(dir, olderThan) {
  for (const name of (await readdir5(dir).catch(() => [])).filter((n) => n.endsWith(".json"))) {
    const st = await stat4(join8(dir, name)).catch(() => void 0);
    if (!st || st.mtimeMs >= olderThan) continue;
    const memo = await readMemo(join8(dir, name));
    if (!memo || !await stat4(memo.path).catch(() => void 0)) await rm5(join8(dir, name), { force: true });
  }
}

// src/layer/store.ts
var DIGEST2 = /^sha256:[0-9a-f]{64}$/;
var factsOf = ({ digest, size, diffId, uncompressedSize }) => ({ digest, size, diffId, uncompressedSize });
function readFacts(text) {
  let e;
  try {
    e = JSON.parse(text);
  } catch {
    return void 0;
  }
  const ok = DIGEST2.test(String(e.digest)) && DIGEST2.test(String(e.diffId)) && Number.isSafeInteger(e.size) && Number.isSafeInteger(e.uncompressedSize);
  return ok ? factsOf(e) : void 0;
}
var DEFAULT_LIMITS = { maxBytes: 2 * 1024 ** 3, minAgeMs: 60 * 60 * 1e3 };
function describePrune(r, limits) {
  const minutes = Math.round(limits.minAgeMs / 6e4);
  const lines = [];
  if (r.removed > 0) {
    lines.push(`layer store: removed ${r.removed} least recently used layers (${humanSize(r.freed)}) to stay under ${humanSize(limits.maxBytes)}; kept ${r.kept} (${humanSize(r.keptBytes)}); nothing used in the last ${minutes} min is removed`);
  }
  if (r.strays > 0) {
    lines.push(`layer store: removed ${r.strays} unfinished writes left by stopped jobs (${humanSize(r.strayBytes)}), untouched for over ${minutes} min`);
  }
  return lines.join("\n");
}
async function listed(dir, sub, keep) {
  return (await readdir6(join9(dir, sub)).catch(() => [])).filter(keep).map((n) => join9(dir, sub, n));
}
async function removeStrays(dir, olderThan, result) {
  const isTmp = (n) => n.endsWith(".tmp");
  const candidates = [
    ...await listed(dir, ".", (n) => n.startsWith("tmp-")),
    ...await listed(dir, "recipes", isTmp),
    ...await listed(dir, "hashes", isTmp)
  ];
  for (const path of candidates) {
    const st = await stat5(path).catch(() => void 0);
    if (!st?.isFile() || st.mtimeMs >= olderThan) continue;
    await rm6(path, { force: true });
    result.strays++;
    result.strayBytes += st.size;
  }
}
function diskLayerStore(dir, limits = DEFAULT_LIMITS) {
  const blob = (digest) => join9(dir, "blobs", digest.replace("sha256:", ""));
  const used = (hex2) => join9(dir, "used", hex2);
  const index = (key) => join9(dir, "recipes", `${key.replace("sha256:", "")}.json`);
  const hashes = join9(dir, "hashes");
  const memo = hashMemo(hashes, hashFile);
  let grew = false;
  return {
    limits,
    get grew() {
      return grew;
    },
    hashFile: memo,
    async lookup(key) {
      const entry = await readFile5(index(key), "utf8").then(readFacts, () => void 0);
      if (!entry) return void 0;
      const path = blob(entry.digest);
      const st = await stat5(path).catch(() => void 0);
      if (!st || st.size !== entry.size) return void 0;
      if (`sha256:${await memo(path)}` !== entry.digest) return void 0;
      const marker = used(entry.digest.replace("sha256:", ""));
      const now = /* @__PURE__ */ new Date();
      await utimes(marker, now, now).catch(() => mkdir6(join9(dir, "used"), { recursive: true }).then(() => writeFile5(marker, ""))).catch(() => void 0);
      return { ...entry, path };
    },
    async prune(now = Date.now()) {
      const result = { removed: 0, freed: 0, kept: 0, keptBytes: 0, strays: 0, strayBytes: 0 };
      await removeStrays(dir, now - limits.minAgeMs, result);
      const names = await readdir6(join9(dir, "blobs")).catch(() => []);
      const blobs = (await Promise.all(names.map(async (name) => {
        const st = await stat5(join9(dir, "blobs", name)).catch(() => void 0);
        const mark = await stat5(used(name)).catch(() => void 0);
        return st ? { name, size: st.size, used: Math.max(st.mtimeMs, mark?.mtimeMs ?? 0) } : void 0;
      }))).filter((b) => b !== void 0).sort((a, b) => a.used - b.used || a.name.localeCompare(b.name));
      let total = blobs.reduce((n, b) => n + b.size, 0);
      for (const b of blobs) {
        if (total > limits.maxBytes && b.used < now - limits.minAgeMs) {
          await rm6(join9(dir, "blobs", b.name), { force: true });
          await rm6(used(b.name), { force: true });
          await forgetMemo(hashes, join9(dir, "blobs", b.name));
          total -= b.size;
          result.removed++;
          result.freed += b.size;
        } else {
          result.kept++;
          result.keptBytes += b.size;
        }
      }
      if (result.removed > 0) {
        for (const r of await readdir6(join9(dir, "recipes")).catch(() => [])) {
          const entry = await readFile5(join9(dir, "recipes", r), "utf8").then(readFacts, () => void 0);
          if (!entry || !await stat5(blob(entry.digest)).catch(() => void 0)) await rm6(join9(dir, "recipes", r), { force: true });
        }
      }
      await pruneMemos(hashes, now - limits.minAgeMs);
      await rm6(join9(dir, "diffids"), { recursive: true, force: true });
      return result;
    },
    async create() {
      await mkdir6(join9(dir, "blobs"), { recursive: true });
      await mkdir6(join9(dir, "recipes"), { recursive: true });
      const tmp = join9(dir, `tmp-${process.pid}-${randomBytes2(6).toString("hex")}`);
      const fh = await open3(tmp, "w");
      let closed = false;
      const close = async () => {
        if (!closed) await fh.close();
        closed = true;
      };
      return {
        async write(bytes) {
          await fh.write(bytes);
        },
        async commit(key, facts) {
          await close();
          await rename4(tmp, blob(facts.digest));
          grew = true;
          await writeFileAtomic(index(key), JSON.stringify(factsOf(facts)));
          return { ...facts, path: blob(facts.digest) };
        },
        async abort() {
          await close().catch(() => void 0);
          await rm6(tmp, { force: true });
        }
      };
    }
  };
}

// src/action/main.ts
function emit(a) {
  const props = { title: a.title, file: a.file, startLine: a.startLine, startColumn: a.startColumn };
  if (a.level === "error") error(a.message, props);
  else if (a.level === "warning") warning(a.message, props);
  else notice(a.message, props);
}
function usableMemory() {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, totalmem()) : totalmem();
}
async function run() {
  const env = process.env;
  const tempRoot = join10(env.RUNNER_TEMP || tmpdir(), "scratchpack");
  const report = { platforms: [], refs: [], phases: [], errors: [], warnings: [] };
  let annotations = [];
  let failure;
  let started = false;
  const cores = availableParallelism();
  const pool = workerGzipPool(cores, new URL("./compress-worker.js", import.meta.url));
  const store = diskLayerStore(join10(env.RUNNER_TOOL_CACHE ? join10(env.RUNNER_TOOL_CACHE, "scratchpack") : tempRoot, "layers"));
  try {
    const inputs = readInputs(env);
    report.platforms = inputs.platforms.map((p) => ({ platform: p.id, status: "not built" }));
    started = true;
    const result = await runPipeline(inputs, report, {
      exec: spawnExec,
      env,
      concurrency: cores,
      memory: usableMemory(),
      tempRoot,
      policy: DEFAULT_RETRY,
      layers: { open: openFileReader, hash: (file) => store.hashFile(file.path, file.identity), gzip: (chunk) => pool.gzip(chunk), store },
      mask: (secret) => setSecret(secret),
      group: (name, fn) => group(name, fn),
      info: (line) => info(line),
      warn: (line) => warning(line)
    });
    annotations = result.annotations;
    const pruned = store.grew ? await store.prune().catch((e) => warning(`layer store: could not prune: ${formatError(e)}`)) : void 0;
    const said = pruned ? describePrune(pruned, store.limits) : "";
    if (said) info(said);
    const failed = report.platforms.filter((p) => p.status !== "ok");
    if (failed.length > 0) failure = `${failed.length} of ${report.platforms.length} platforms failed: ${failed.map((p) => `${p.platform} (${p.status})`).join(", ")}`;
  } catch (e) {
    failure = formatError(e);
    report.errors.push(failure);
  } finally {
    await pool.close();
  }
  for (const w of report.warnings) warning(w);
  annotations.forEach(emit);
  if (started) for (const [k, v] of Object.entries(outputs(report))) setOutput(k, v);
  if (report.image) notice(`Pushed ${report.image}${report.push ? ` as ${report.push.refs.join(", ")}` : ""}`, { title: "Scratchpack" });
  else if (report.indexDigest) notice(`Image index ${report.indexDigest} written to ${report.ociLayout}`, { title: "Scratchpack" });
  if (env.GITHUB_STEP_SUMMARY) {
    try {
      await summary.addRaw(renderSummary(report), true).write();
    } catch (e) {
      warning(`could not write the job summary: ${formatError(e)}`);
    }
  }
  if (failure !== void 0) setFailed(failure);
}

// src/action/index.ts
await run();
