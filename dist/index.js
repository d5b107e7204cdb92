import { createRequire as __scratchpackRequire } from 'node:module';
const require = __scratchpackRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a2, b) => (typeof require !== "undefined" ? require : a2)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/isexe/windows.js
var require_windows = __commonJS({
  "node_modules/isexe/windows.js"(exports, module) {
    module.exports = isexe;
    isexe.sync = sync;
    var fs3 = __require("fs");
    function checkPathExt(path6, options) {
      var pathext = options.pathExt !== void 0 ? options.pathExt : process.env.PATHEXT;
      if (!pathext) {
        return true;
      }
      pathext = pathext.split(";");
      if (pathext.indexOf("") !== -1) {
        return true;
      }
      for (var i2 = 0; i2 < pathext.length; i2++) {
        var p = pathext[i2].toLowerCase();
        if (p && path6.substr(-p.length).toLowerCase() === p) {
          return true;
        }
      }
      return false;
    }
    function checkStat(stat6, path6, options) {
      if (!stat6.isSymbolicLink() && !stat6.isFile()) {
        return false;
      }
      return checkPathExt(path6, options);
    }
    function isexe(path6, options, cb) {
      fs3.stat(path6, function(er, stat6) {
        cb(er, er ? false : checkStat(stat6, path6, options));
      });
    }
    function sync(path6, options) {
      return checkStat(fs3.statSync(path6), path6, options);
    }
  }
});

// node_modules/isexe/mode.js
var require_mode = __commonJS({
  "node_modules/isexe/mode.js"(exports, module) {
    module.exports = isexe;
    isexe.sync = sync;
    var fs3 = __require("fs");
    function isexe(path6, options, cb) {
      fs3.stat(path6, function(er, stat6) {
        cb(er, er ? false : checkStat(stat6, options));
      });
    }
    function sync(path6, options) {
      return checkStat(fs3.statSync(path6), options);
    }
    function checkStat(stat6, options) {
      return stat6.isFile() && checkMode(stat6, options);
    }
    function checkMode(stat6, options) {
      var mod = stat6.mode;
      var uid = stat6.uid;
      var gid = stat6.gid;
      var myUid = options.uid !== void 0 ? options.uid : process.getuid && process.getuid();
      var myGid = options.gid !== void 0 ? options.gid : process.getgid && process.getgid();
      var u2 = parseInt("100", 8);
      var g = parseInt("010", 8);
      var o2 = parseInt("001", 8);
      var ug = u2 | g;
      var ret = mod & o2 || mod & g && gid === myGid || mod & u2 && uid === myUid || mod & ug && myUid === 0;
      return ret;
    }
  }
});

// node_modules/isexe/index.js
var require_isexe = __commonJS({
  "node_modules/isexe/index.js"(exports, module) {
    var fs3 = __require("fs");
    var core;
    if (process.platform === "win32" || global.TESTING_WINDOWS) {
      core = require_windows();
    } else {
      core = require_mode();
    }
    module.exports = isexe;
    isexe.sync = sync;
    function isexe(path6, options, cb) {
      if (typeof options === "function") {
        cb = options;
        options = {};
      }
      if (!cb) {
        if (typeof Promise !== "function") {
          throw new TypeError("callback not provided");
        }
        return new Promise(function(resolve4, reject) {
          isexe(path6, options || {}, function(er, is) {
            if (er) {
              reject(er);
            } else {
              resolve4(is);
            }
          });
        });
      }
      core(path6, options || {}, function(er, is) {
        if (er) {
          if (er.code === "EACCES" || options && options.ignoreErrors) {
            er = null;
            is = false;
          }
        }
        cb(er, is);
      });
    }
    function sync(path6, options) {
      try {
        return core.sync(path6, options || {});
      } catch (er) {
        if (options && options.ignoreErrors || er.code === "EACCES") {
          return false;
        } else {
          throw er;
        }
      }
    }
  }
});

// node_modules/which/which.js
var require_which = __commonJS({
  "node_modules/which/which.js"(exports, module) {
    var isWindows = process.platform === "win32" || process.env.OSTYPE === "cygwin" || process.env.OSTYPE === "msys";
    var path6 = __require("path");
    var COLON = isWindows ? ";" : ":";
    var isexe = require_isexe();
    var getNotFoundError = (cmd) => Object.assign(new Error(`not found: ${cmd}`), { code: "ENOENT" });
    var getPathInfo = (cmd, opt) => {
      const colon = opt.colon || COLON;
      const pathEnv = cmd.match(/\//) || isWindows && cmd.match(/\\/) ? [""] : [
        // windows always checks the cwd first
        ...isWindows ? [process.cwd()] : [],
        ...(opt.path || process.env.PATH || /* istanbul ignore next: very unusual */
        "").split(colon)
      ];
      const pathExtExe = isWindows ? opt.pathExt || process.env.PATHEXT || ".EXE;.CMD;.BAT;.COM" : "";
      const pathExt = isWindows ? pathExtExe.split(colon) : [""];
      if (isWindows) {
        if (cmd.indexOf(".") !== -1 && pathExt[0] !== "")
          pathExt.unshift("");
      }
      return {
        pathEnv,
        pathExt,
        pathExtExe
      };
    };
    var which2 = (cmd, opt, cb) => {
      if (typeof opt === "function") {
        cb = opt;
        opt = {};
      }
      if (!opt)
        opt = {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      const step = (i2) => new Promise((resolve4, reject) => {
        if (i2 === pathEnv.length)
          return opt.all && found.length ? resolve4(found) : reject(getNotFoundError(cmd));
        const ppRaw = pathEnv[i2];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path6.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        resolve4(subStep(p, i2, 0));
      });
      const subStep = (p, i2, ii) => new Promise((resolve4, reject) => {
        if (ii === pathExt.length)
          return resolve4(step(i2 + 1));
        const ext = pathExt[ii];
        isexe(p + ext, { pathExt: pathExtExe }, (er, is) => {
          if (!er && is) {
            if (opt.all)
              found.push(p + ext);
            else
              return resolve4(p + ext);
          }
          return resolve4(subStep(p, i2, ii + 1));
        });
      });
      return cb ? step(0).then((res) => cb(null, res), cb) : step(0);
    };
    var whichSync = (cmd, opt) => {
      opt = opt || {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      for (let i2 = 0; i2 < pathEnv.length; i2++) {
        const ppRaw = pathEnv[i2];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path6.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        for (let j = 0; j < pathExt.length; j++) {
          const cur = p + pathExt[j];
          try {
            const is = isexe.sync(cur, { pathExt: pathExtExe });
            if (is) {
              if (opt.all)
                found.push(cur);
              else
                return cur;
            }
          } catch (ex) {
          }
        }
      }
      if (opt.all && found.length)
        return found;
      if (opt.nothrow)
        return null;
      throw getNotFoundError(cmd);
    };
    module.exports = which2;
    which2.sync = whichSync;
  }
});

// node_modules/path-key/index.js
var require_path_key = __commonJS({
  "node_modules/path-key/index.js"(exports, module) {
    "use strict";
    var pathKey2 = (options = {}) => {
      const environment = options.env || process.env;
      const platform3 = options.platform || process.platform;
      if (platform3 !== "win32") {
        return "PATH";
      }
      return Object.keys(environment).reverse().find((key) => key.toUpperCase() === "PATH") || "Path";
    };
    module.exports = pathKey2;
    module.exports.default = pathKey2;
  }
});

// node_modules/cross-spawn/lib/util/resolveCommand.js
var require_resolveCommand = __commonJS({
  "node_modules/cross-spawn/lib/util/resolveCommand.js"(exports, module) {
    "use strict";
    var path6 = __require("path");
    var which2 = require_which();
    var getPathKey = require_path_key();
    function resolveCommandAttempt(parsed, withoutPathExt) {
      const env = parsed.options.env || process.env;
      const cwd = process.cwd();
      const hasCustomCwd = parsed.options.cwd != null;
      const shouldSwitchCwd = hasCustomCwd && process.chdir !== void 0 && !process.chdir.disabled;
      if (shouldSwitchCwd) {
        try {
          process.chdir(parsed.options.cwd);
        } catch (err) {
        }
      }
      let resolved;
      try {
        resolved = which2.sync(parsed.command, {
          path: env[getPathKey({ env })],
          pathExt: withoutPathExt ? path6.delimiter : void 0
        });
      } catch (e) {
      } finally {
        if (shouldSwitchCwd) {
          process.chdir(cwd);
        }
      }
      if (resolved) {
        resolved = path6.resolve(hasCustomCwd ? parsed.options.cwd : "", resolved);
      }
      return resolved;
    }
    function resolveCommand(parsed) {
      return resolveCommandAttempt(parsed) || resolveCommandAttempt(parsed, true);
    }
    module.exports = resolveCommand;
  }
});

// node_modules/cross-spawn/lib/util/escape.js
var require_escape = __commonJS({
  "node_modules/cross-spawn/lib/util/escape.js"(exports, module) {
    "use strict";
    var metaCharsRegExp = /([()\][%!^"`<>&|;, *?])/g;
    function escapeCommand(arg) {
      arg = arg.replace(metaCharsRegExp, "^$1");
      return arg;
    }
    function escapeArgument(arg, doubleEscapeMetaChars) {
      arg = `${arg}`;
      arg = arg.replace(/(?=(\\+?)?)\1"/g, '$1$1\\"');
      arg = arg.replace(/(?=(\\+?)?)\1$/, "$1$1");
      arg = `"${arg}"`;
      arg = arg.replace(metaCharsRegExp, "^$1");
      if (doubleEscapeMetaChars) {
        arg = arg.replace(metaCharsRegExp, "^$1");
      }
      return arg;
    }
    module.exports.command = escapeCommand;
    module.exports.argument = escapeArgument;
  }
});

// node_modules/shebang-regex/index.js
var require_shebang_regex = __commonJS({
  "node_modules/shebang-regex/index.js"(exports, module) {
    "use strict";
    module.exports = /^#!(.*)/;
  }
});

// node_modules/shebang-command/index.js
var require_shebang_command = __commonJS({
  "node_modules/shebang-command/index.js"(exports, module) {
    "use strict";
    var shebangRegex = require_shebang_regex();
    module.exports = (string = "") => {
      const match = string.match(shebangRegex);
      if (!match) {
        return null;
      }
      const [path6, argument] = match[0].replace(/#! ?/, "").split(" ");
      const binary = path6.split("/").pop();
      if (binary === "env") {
        return argument;
      }
      return argument ? `${binary} ${argument}` : binary;
    };
  }
});

// node_modules/cross-spawn/lib/util/readShebang.js
var require_readShebang = __commonJS({
  "node_modules/cross-spawn/lib/util/readShebang.js"(exports, module) {
    "use strict";
    var fs3 = __require("fs");
    var shebangCommand = require_shebang_command();
    function readShebang(command) {
      const size = 150;
      const buffer = Buffer.alloc(size);
      let fd;
      try {
        fd = fs3.openSync(command, "r");
        fs3.readSync(fd, buffer, 0, size, 0);
        fs3.closeSync(fd);
      } catch (e) {
      }
      return shebangCommand(buffer.toString());
    }
    module.exports = readShebang;
  }
});

// node_modules/cross-spawn/lib/parse.js
var require_parse = __commonJS({
  "node_modules/cross-spawn/lib/parse.js"(exports, module) {
    "use strict";
    var path6 = __require("path");
    var resolveCommand = require_resolveCommand();
    var escape = require_escape();
    var readShebang = require_readShebang();
    var isWin = process.platform === "win32";
    var isExecutableRegExp = /\.(?:com|exe)$/i;
    var isCmdShimRegExp = /node_modules[\\/].bin[\\/][^\\/]+\.cmd$/i;
    function detectShebang(parsed) {
      parsed.file = resolveCommand(parsed);
      const shebang = parsed.file && readShebang(parsed.file);
      if (shebang) {
        parsed.args.unshift(parsed.file);
        parsed.command = shebang;
        return resolveCommand(parsed);
      }
      return parsed.file;
    }
    function parseNonShell(parsed) {
      if (!isWin) {
        return parsed;
      }
      const commandFile = detectShebang(parsed);
      const needsShell = !isExecutableRegExp.test(commandFile);
      if (parsed.options.forceShell || needsShell) {
        const needsDoubleEscapeMetaChars = isCmdShimRegExp.test(commandFile);
        parsed.command = path6.normalize(parsed.command);
        parsed.command = escape.command(parsed.command);
        parsed.args = parsed.args.map((arg) => escape.argument(arg, needsDoubleEscapeMetaChars));
        const shellCommand = [parsed.command].concat(parsed.args).join(" ");
        parsed.args = ["/d", "/s", "/c", `"${shellCommand}"`];
        parsed.command = process.env.comspec || "cmd.exe";
        parsed.options.windowsVerbatimArguments = true;
      }
      return parsed;
    }
    function parse(command, args, options) {
      if (args && !Array.isArray(args)) {
        options = args;
        args = null;
      }
      args = args ? args.slice(0) : [];
      options = Object.assign({}, options);
      const parsed = {
        command,
        args,
        options,
        file: void 0,
        original: {
          command,
          args
        }
      };
      return options.shell ? parsed : parseNonShell(parsed);
    }
    module.exports = parse;
  }
});

// node_modules/cross-spawn/lib/enoent.js
var require_enoent = __commonJS({
  "node_modules/cross-spawn/lib/enoent.js"(exports, module) {
    "use strict";
    var isWin = process.platform === "win32";
    function notFoundError(original, syscall) {
      return Object.assign(new Error(`${syscall} ${original.command} ENOENT`), {
        code: "ENOENT",
        errno: "ENOENT",
        syscall: `${syscall} ${original.command}`,
        path: original.command,
        spawnargs: original.args
      });
    }
    function hookChildProcess(cp, parsed) {
      if (!isWin) {
        return;
      }
      const originalEmit = cp.emit;
      cp.emit = function(name, arg1) {
        if (name === "exit") {
          const err = verifyENOENT(arg1, parsed);
          if (err) {
            return originalEmit.call(cp, "error", err);
          }
        }
        return originalEmit.apply(cp, arguments);
      };
    }
    function verifyENOENT(status, parsed) {
      if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawn");
      }
      return null;
    }
    function verifyENOENTSync(status, parsed) {
      if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawnSync");
      }
      return null;
    }
    module.exports = {
      hookChildProcess,
      verifyENOENT,
      verifyENOENTSync,
      notFoundError
    };
  }
});

// node_modules/cross-spawn/index.js
var require_cross_spawn = __commonJS({
  "node_modules/cross-spawn/index.js"(exports, module) {
    "use strict";
    var cp = __require("child_process");
    var parse = require_parse();
    var enoent = require_enoent();
    function spawn2(command, args, options) {
      const parsed = parse(command, args, options);
      const spawned = cp.spawn(parsed.command, parsed.args, parsed.options);
      enoent.hookChildProcess(spawned, parsed);
      return spawned;
    }
    function spawnSync2(command, args, options) {
      const parsed = parse(command, args, options);
      const result = cp.spawnSync(parsed.command, parsed.args, parsed.options);
      result.error = result.error || enoent.verifyENOENTSync(result.status, parsed);
      return result;
    }
    module.exports = spawn2;
    module.exports.spawn = spawn2;
    module.exports.sync = spawnSync2;
    module.exports._parse = parse;
    module.exports._enoent = enoent;
  }
});

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
import { join as join11, resolve as resolve3 } from "node:path";

// src/layer/gzip-pool.ts
import { Worker } from "node:worker_threads";

// src/layer/layer.ts
import { createHash as createHash2 } from "node:crypto";

// src/layer/tar.ts
var BLOCK = 512;
var enc = new TextEncoder();
function octal(value, width) {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}
function putString(h2, off, len, s) {
  h2.set(enc.encode(s).subarray(0, len), off);
}
function header(name, typeflag, size, e, mtime, prefix = "") {
  const h2 = new Uint8Array(BLOCK);
  putString(h2, 0, 100, name);
  putString(h2, 100, 8, octal(e.mode & 4095, 8));
  putString(h2, 108, 8, octal(e.uid ?? 0, 8));
  putString(h2, 116, 8, octal(e.gid ?? 0, 8));
  putString(h2, 124, 12, octal(size, 12));
  putString(h2, 136, 12, octal(mtime, 12));
  putString(h2, 148, 8, "        ");
  putString(h2, 156, 1, typeflag);
  putString(h2, 157, 100, e.linkname ?? "");
  putString(h2, 257, 8, "ustar\x0000");
  putString(h2, 345, 155, prefix);
  let sum = 0;
  for (const b of h2) sum += b;
  putString(h2, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
  return h2;
}
function pad(size) {
  return new Uint8Array((BLOCK - size % BLOCK) % BLOCK);
}
function ustarSplit(name) {
  if (enc.encode(name).length <= 100) return ["", name];
  for (let i2 = name.length - 1; i2 > 0; i2--) {
    if (name[i2] !== "/") continue;
    const prefix = name.slice(0, i2), rest = name.slice(i2 + 1);
    if (enc.encode(prefix).length <= 155 && enc.encode(rest).length <= 100 && rest !== "") return [prefix, rest];
  }
  return void 0;
}
function paxRecord(key, value) {
  const body = ` ${key}=${value}
`;
  const n2 = enc.encode(body).length;
  let len = n2 + String(n2).length;
  if (String(len).length !== String(n2).length) len = n2 + String(len).length;
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
    for (let i2 = 1; i2 < parts.length; i2++) {
      const dir = parts.slice(0, i2).join("/");
      if (!byPath.has(dir)) byPath.set(dir, { path: dir, type: "dir", mode: 493 });
    }
  }
  return [...byPath.values()];
}
function compareBytes(a2, b) {
  return Buffer.compare(Buffer.from(a2), Buffer.from(b));
}
function tarParts(input, mtime) {
  const entries = withParents(input).sort((a2, b) => compareBytes(a2.path, b.path));
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
      parts.push(
        header(`PaxHeaders.0/${base}`.slice(0, 100), "x", body.length, { mode: 420 }, mtime),
        body,
        pad(body.length)
      );
    }
    const [prefix, short] = split ?? ["", name.slice(0, 100)];
    parts.push(
      header(
        short,
        typeflag,
        size >= 8 ** 11 ? 0 : size,
        { ...e, linkname: linkTooLong ? "" : e.linkname },
        mtime,
        prefix
      )
    );
    if (size > 0) parts.push(e.file ?? e.data, pad(size));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return parts;
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

// src/image/digest.ts
import { createHash } from "node:crypto";
var PREFIX = "sha256:";
function sha256Digest(data) {
  return digestOf(createHash("sha256").update(data).digest("hex"));
}
function digestOf(hex2) {
  return PREFIX + hex2;
}
function hexOf(digest) {
  return digest.startsWith(PREFIX) ? digest.slice(PREFIX.length) : digest;
}
function jsonBlob(mediaType, value) {
  const data = new TextEncoder().encode(JSON.stringify(value));
  return { mediaType, digest: sha256Digest(data), size: data.length, data };
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
    const h2 = createHash2("sha256");
    try {
      for (let off = 0; off < p.size; off += READ_SIZE) {
        const piece = buf.subarray(0, Math.min(READ_SIZE, p.size - off));
        await file.read(off, piece);
        h2.update(piece);
        yield piece;
      }
    } finally {
      await file.close();
    }
    if (h2.digest("hex") !== digests.get(p))
      throw new Error(`${p.path} changed while its layer was being written; run again`);
  }
}
async function* fixedChunks(src, size, ring) {
  const bufs = Array.from({ length: ring }, () => new Uint8Array(size));
  let turn = 0;
  let buf = bufs[0];
  let n2 = 0;
  for await (const piece of src) {
    for (let at = 0; at < piece.length; ) {
      const take = Math.min(size - n2, piece.length - at);
      buf.set(piece.subarray(at, at + take), n2);
      n2 += take;
      at += take;
      if (n2 === size) {
        yield buf;
        buf = bufs[++turn % ring];
        n2 = 0;
      }
    }
  }
  if (n2 > 0) yield buf.subarray(0, n2);
}
var hex = (h2) => digestOf(h2.digest("hex"));
var RECIPE = `scratchpack layer 2: ustar, gzip level ${GZIP_LEVEL} members of ${MEMBER_SIZE} bytes by libdeflate
`;
async function recipeKey(parts, io) {
  const h2 = createHash2("sha256").update(RECIPE);
  const digests = /* @__PURE__ */ new Map();
  for (const p of parts) {
    if (p instanceof Uint8Array) {
      h2.update(`b${p.length}:`).update(p);
      continue;
    }
    const digest = p.sha256 ?? await io.hash(p);
    digests.set(p, digest);
    h2.update(`f${p.size}:${digest}`);
  }
  return { key: hex(h2), digests };
}
async function buildLayer(entries, mtime, io) {
  const parts = tarParts(entries, mtime);
  const { key, digests } = await recipeKey(parts, io);
  const layer = (s, cached) => ({
    mediaType: MediaType.layerGzip,
    digest: s.digest,
    size: s.size,
    path: s.path,
    diffId: s.diffId,
    uncompressedSize: s.uncompressedSize,
    cached
  });
  const hit = await io.store.lookup(key);
  if (hit) return layer(hit, true);
  const sink = await io.store.create();
  const pending = [];
  try {
    const tarHash = createHash2("sha256");
    const gzHash = createHash2("sha256");
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
    return layer(
      await sink.commit(key, { digest: hex(gzHash), size, diffId: hex(tarHash), uncompressedSize: tarSize }),
      false
    );
  } catch (e) {
    for (const p of pending.splice(0))
      await p.then(
        (m) => m.release(),
        () => void 0
      );
    await sink.abort();
    throw e;
  }
}

// src/layer/gzip-pool.ts
var WORKER = new URL("./compress-worker.mjs", import.meta.url);
var OUT_SIZE = MEMBER_SIZE + MEMBER_SIZE / 2 + 65536;
function workerGzipPool(size, script = WORKER) {
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
    slot.worker.once(
      "message",
      (n2) => settle(() => {
        let released = false;
        t.resolve({
          bytes: slot.output.subarray(0, n2),
          release: () => {
            if (!released) next(slot);
            released = true;
          }
        });
      })
    );
    slot.worker.once(
      "error",
      (e) => settle(() => {
        all.splice(all.indexOf(slot), 1);
        t.reject(e);
        next(void 0);
      })
    );
    slot.input.set(t.chunk);
    slot.worker.postMessage(t.chunk.length);
  };
  return {
    gzip(chunk) {
      return new Promise((resolve4, reject) => {
        if (chunk.length > MEMBER_SIZE)
          return reject(new Error(`gzip member of ${chunk.length} bytes exceeds ${MEMBER_SIZE}`));
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
import { mkdir as mkdir3, open as open3, readdir as readdir4, readFile as readFile3, rename as rename3, rm as rm4, stat as stat3, utimes, writeFile as writeFile3 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/util/format.ts
function humanSize(n2) {
  if (n2 < 1024) return `${n2} B`;
  if (n2 < 1024 ** 2) return `${(n2 / 1024).toFixed(1)} KiB`;
  if (n2 < 1024 ** 3) return `${(n2 / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n2 / 1024 ** 3).toFixed(1)} GiB`;
}
function shortDigest(digestOrRef) {
  return digestOrRef.slice(0, 19);
}

// src/util/fs.ts
import { lstat as lstat2, open as open2, readFile, readdir as readdir2, readlink as readlink2, rename as rename2, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { createHash as createHash3, randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
var nodeDepsFs = {
  async lstat(path6) {
    const st = await lstat2(path6).catch(() => void 0);
    if (!st) return void 0;
    const kind = st.isSymbolicLink() ? "symlink" : st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
    return { kind, mode: st.mode, size: st.size };
  },
  readlink: (path6) => readlink2(path6),
  readFile: (path6) => readFile(path6),
  readdir: (path6) => readdir2(path6)
};
function withFileSource(path6, fn) {
  const fd = openSync(path6, "r");
  try {
    const size = fstatSync(fd).size;
    return fn({
      size,
      read(offset, length) {
        const buf = new Uint8Array(length);
        let got = 0;
        while (got < length) {
          const n2 = readSync(fd, buf, got, length - got, offset + got);
          if (n2 === 0) break;
          got += n2;
        }
        return got === length ? buf : buf.subarray(0, got);
      }
    });
  } finally {
    closeSync(fd);
  }
}
async function hashFile(path6) {
  const h2 = createHash3("sha256");
  const fh = await open2(path6, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      h2.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return h2.digest("hex");
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
      if (got !== buf.length)
        throw new Error(`${file.path} is shorter than the ${file.size} bytes it had when the layer started`);
    },
    close: () => fh.close()
  };
}
async function writeFileAtomic(path6, data) {
  const tmp = `${path6}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile2(tmp, data);
    await rename2(tmp, path6);
  } catch (e) {
    await rm2(tmp, { force: true }).catch(() => void 0);
    throw e;
  }
}

// src/layer/hash-memo.ts
import { createHash as createHash4 } from "node:crypto";
import { mkdir as mkdir2, readdir as readdir3, readFile as readFile2, rm as rm3, stat as stat2 } from "node:fs/promises";
import { join } from "node:path";
var SETTLED_NS = 100000000n;
async function stampOf(path6, identity3) {
  const st = await stat2(path6, { bigint: true }).catch(() => void 0);
  if (!st?.isFile()) return void 0;
  const exact = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
  if (identity3) return { stamp: `${st.dev}:${st.ino}:${st.size}:id:${identity3}`, exact, settled: () => true };
  return { stamp: exact, exact, settled: (now) => now - st.mtimeNs > SETTLED_NS };
}
function memoFile(dir, path6) {
  return join(dir, `${createHash4("sha256").update(path6).digest("hex").slice(0, 40)}.json`);
}
async function readMemo(file) {
  const m = await readFile2(file, "utf8").then((t) => JSON.parse(t)).catch(() => void 0);
  const ok = typeof m?.path === "string" && typeof m.stamp === "string" && /^[0-9a-f]{64}$/.test(String(m.sha256));
  return ok ? m : void 0;
}
function hashMemo(dir, hash) {
  return async (path6, identity3) => {
    const before = await stampOf(path6, identity3);
    const file = memoFile(dir, path6);
    if (before) {
      const memo = await readMemo(file);
      if (memo?.path === path6 && memo.stamp === before.stamp) return memo.sha256;
    }
    const sha256 = await hash(path6);
    const after = await stampOf(path6, identity3);
    if (before && after?.exact === before.exact && after.settled(BigInt(Date.now()) * 1000000n)) {
      await mkdir2(dir, { recursive: true }).then(() => writeFileAtomic(file, JSON.stringify({ path: path6, stamp: before.stamp, sha256 }))).catch(() => void 0);
    }
    return sha256;
  };
}
async function forgetMemo(dir, path6) {
  await rm3(memoFile(dir, path6), { force: true });
}
async function pruneMemos(dir, olderThan) {
  for (const name of (await readdir3(dir).catch(() => [])).filter((n2) => n2.endsWith(".json"))) {
    const st = await stat2(join(dir, name)).catch(() => void 0);
    if (!st || st.mtimeMs >= olderThan) continue;
    const memo = await readMemo(join(dir, name));
    if (!memo || !await stat2(memo.path).catch(() => void 0)) await rm3(join(dir, name), { force: true });
  }
}

// src/layer/store.ts
var DIGEST = /^sha256:[0-9a-f]{64}$/;
var factsOf = ({ digest, size, diffId, uncompressedSize }) => ({
  digest,
  size,
  diffId,
  uncompressedSize
});
function readFacts(text) {
  let e;
  try {
    e = JSON.parse(text);
  } catch {
    return void 0;
  }
  const ok = DIGEST.test(String(e.digest)) && DIGEST.test(String(e.diffId)) && Number.isSafeInteger(e.size) && Number.isSafeInteger(e.uncompressedSize);
  return ok ? factsOf(e) : void 0;
}
var DEFAULT_LIMITS = { maxBytes: 2 * 1024 ** 3, minAgeMs: 60 * 60 * 1e3 };
function describePrune(r, limits) {
  const minutes = Math.round(limits.minAgeMs / 6e4);
  const lines = [];
  if (r.removed > 0) {
    lines.push(
      `layer store: removed ${r.removed} least recently used layers (${humanSize(r.freed)}) to stay under ${humanSize(limits.maxBytes)}; kept ${r.kept} (${humanSize(r.keptBytes)}); nothing used in the last ${minutes} min is removed`
    );
  }
  if (r.strays > 0) {
    lines.push(
      `layer store: removed ${r.strays} unfinished writes left by stopped jobs (${humanSize(r.strayBytes)}), untouched for over ${minutes} min`
    );
  }
  return lines.join("\n");
}
async function listed(dir, sub, keep) {
  return (await readdir4(join2(dir, sub)).catch(() => [])).filter(keep).map((n2) => join2(dir, sub, n2));
}
async function removeStrays(dir, olderThan, result) {
  const isTmp = (n2) => n2.endsWith(".tmp");
  const candidates = [
    ...await listed(dir, ".", (n2) => n2.startsWith("tmp-")),
    ...await listed(dir, "recipes", isTmp),
    ...await listed(dir, "hashes", isTmp)
  ];
  for (const path6 of candidates) {
    const st = await stat3(path6).catch(() => void 0);
    if (!st?.isFile() || st.mtimeMs >= olderThan) continue;
    await rm4(path6, { force: true });
    result.strays++;
    result.strayBytes += st.size;
  }
}
function diskLayerStore(dir, limits = DEFAULT_LIMITS) {
  const blob = (digest) => join2(dir, "blobs", hexOf(digest));
  const used = (hex2) => join2(dir, "used", hex2);
  const index = (key) => join2(dir, "recipes", `${hexOf(key)}.json`);
  const hashes = join2(dir, "hashes");
  const memo = hashMemo(hashes, hashFile);
  let grew = false;
  return {
    limits,
    get grew() {
      return grew;
    },
    hashFile: memo,
    async lookup(key) {
      const entry = await readFile3(index(key), "utf8").then(readFacts, () => void 0);
      if (!entry) return void 0;
      const path6 = blob(entry.digest);
      const st = await stat3(path6).catch(() => void 0);
      if (!st || st.size !== entry.size) return void 0;
      if (digestOf(await memo(path6)) !== entry.digest) return void 0;
      const marker = used(hexOf(entry.digest));
      const now = /* @__PURE__ */ new Date();
      await utimes(marker, now, now).catch(() => mkdir3(join2(dir, "used"), { recursive: true }).then(() => writeFile3(marker, ""))).catch(() => void 0);
      return { ...entry, path: path6 };
    },
    async prune(now = Date.now()) {
      const result = { removed: 0, freed: 0, kept: 0, keptBytes: 0, strays: 0, strayBytes: 0 };
      await removeStrays(dir, now - limits.minAgeMs, result);
      const names = await readdir4(join2(dir, "blobs")).catch(() => []);
      const blobs = (await Promise.all(
        names.map(async (name) => {
          const st = await stat3(join2(dir, "blobs", name)).catch(() => void 0);
          const mark = await stat3(used(name)).catch(() => void 0);
          return st ? { name, size: st.size, used: Math.max(st.mtimeMs, mark?.mtimeMs ?? 0) } : void 0;
        })
      )).filter((b) => b !== void 0).sort((a2, b) => a2.used - b.used || a2.name.localeCompare(b.name));
      let total = blobs.reduce((n2, b) => n2 + b.size, 0);
      for (const b of blobs) {
        if (total > limits.maxBytes && b.used < now - limits.minAgeMs) {
          await rm4(join2(dir, "blobs", b.name), { force: true });
          await rm4(used(b.name), { force: true });
          await forgetMemo(hashes, join2(dir, "blobs", b.name));
          total -= b.size;
          result.removed++;
          result.freed += b.size;
        } else {
          result.kept++;
          result.keptBytes += b.size;
        }
      }
      if (result.removed > 0) {
        for (const r of await readdir4(join2(dir, "recipes")).catch(() => [])) {
          const entry = await readFile3(join2(dir, "recipes", r), "utf8").then(readFacts, () => void 0);
          if (!entry || !await stat3(blob(entry.digest)).catch(() => void 0))
            await rm4(join2(dir, "recipes", r), { force: true });
        }
      }
      await pruneMemos(hashes, now - limits.minAgeMs);
      await rm4(join2(dir, "diffids"), { recursive: true, force: true });
      return result;
    },
    async create() {
      await mkdir3(join2(dir, "blobs"), { recursive: true });
      await mkdir3(join2(dir, "recipes"), { recursive: true });
      const tmp = join2(dir, `tmp-${process.pid}-${randomBytes2(6).toString("hex")}`);
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
          await rename3(tmp, blob(facts.digest));
          grew = true;
          await writeFileAtomic(index(key), JSON.stringify(factsOf(facts)));
          return { ...facts, path: blob(facts.digest) };
        },
        async abort() {
          await close().catch(() => void 0);
          await rm4(tmp, { force: true });
        }
      };
    }
  };
}

// src/pipeline.ts
import { join as join10, relative, resolve as resolve2 } from "node:path";

// src/build/binaries-dir.ts
import { copyFile as copyFile2, link, mkdir as mkdir4, rm as rm5 } from "node:fs/promises";
import { join as join3 } from "node:path";
var BinariesDir = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  async clear(platform3) {
    await rm5(join3(this.dir, platform3.slug), { recursive: true, force: true });
  }
  /** A hard link to `file` (a copy across file systems) under its image name; returns its path. */
  async add(platform3, file, name) {
    const to = join3(this.dir, platform3.slug, name);
    await mkdir4(join3(this.dir, platform3.slug), { recursive: true });
    await link(file, to).catch(() => copyFile2(file, to));
    return to;
  }
};

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
function buildEnv(opts, platform3) {
  return {
    ...opts.env,
    CGO_ENABLED: opts.cgo ? "1" : "0",
    ...opts.procs && opts.env.GOMAXPROCS === void 0 ? { GOMAXPROCS: String(opts.procs) } : {},
    ...opts.gc && opts.env.GOGC === void 0 && opts.env.GOMEMLIMIT === void 0 ? opts.gc : {},
    ...platform3.goEnv
  };
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
      throw new ElfError(
        `truncated or corrupt: ${what} at offset ${offset} (+${size}) lies outside the ${this.size}-byte file`
      );
    }
  }
  /** Loads the page holding [off, off+n) if needed and returns where `off` sits in it; small reads share one page. */
  at(off, n2) {
    if (off < this.pageStart || off + n2 > this.pageStart + this.page.length) {
      this.pageStart = off - off % PAGE;
      this.page = this.source.read(
        this.pageStart,
        Math.min(Math.max(PAGE, off + n2 - this.pageStart), this.size - this.pageStart)
      );
      this.pageView = new DataView(this.page.buffer, this.page.byteOffset, this.page.byteLength);
    }
    return off - this.pageStart;
  }
  u8(off, what) {
    this.check(off, 1, what);
    const i2 = this.at(off, 1);
    return this.page[i2];
  }
  u16(off, what) {
    this.check(off, 2, what);
    const i2 = this.at(off, 2);
    return this.pageView.getUint16(i2, this.little);
  }
  u32(off, what) {
    this.check(off, 4, what);
    const i2 = this.at(off, 4);
    return this.pageView.getUint32(i2, this.little);
  }
  u64(off, what) {
    this.check(off, 8, what);
    const i2 = this.at(off, 8);
    const v = this.pageView.getBigUint64(i2, this.little);
    if (v > BigInt(Number.MAX_SAFE_INTEGER))
      throw new ElfError(`corrupt: ${what} at offset ${off} is too large (${v})`);
    return Number(v);
  }
  /** A 64-bit address or tag value; precision beyond 2^53 is lost, which only matters for kernel-style addresses. */
  addr64(off, what) {
    this.check(off, 8, what);
    const i2 = this.at(off, 8);
    return Number(this.pageView.getBigUint64(i2, this.little));
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
      const n2 = Math.min(4096, end - at);
      const piece = this.slice(at, n2, what);
      const nul = piece.indexOf(0);
      if (nul >= 0) {
        parts.push(piece.subarray(0, nul));
        const all = parts.length === 1 ? parts[0] : concat(parts);
        return new TextDecoder("utf-8", { fatal: false }).decode(all);
      }
      parts.push(piece.slice());
      at += n2;
    }
    throw new ElfError(`corrupt: ${what} at offset ${off} is not NUL-terminated`);
  }
  slice(off, size, what) {
    this.check(off, size, what);
    if (size <= PAGE) {
      const i2 = this.at(off, size);
      return this.page.subarray(i2, i2 + size);
    }
    return this.source.read(off, size);
  }
};
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n2, p) => n2 + p.length, 0));
  let o2 = 0;
  for (const p of parts) {
    out.set(p, o2);
    o2 += p.length;
  }
  return out;
}

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

// src/check/elf/headers.ts
var PT_LOAD = 1;
var PT_DYNAMIC = 2;
var PT_INTERP = 3;
var PF_X = 1;
var PF_W = 2;
var SHT_DYNAMIC = 6;
var SHT_NOBITS = 8;
function vaddrToOffset(segments, vaddr) {
  const seg = segments.find((s) => s.type === PT_LOAD && vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz);
  return seg ? seg.offset + (vaddr - seg.vaddr) : void 0;
}

// src/check/elf/buildinfo.ts
var MAGIC = Uint8Array.from([255, ...new TextEncoder().encode(" Go buildinf:")]);
var ALIGN = 16;
var HEADER = 32;
var SEARCH = 64 * 1024;
function findMagic(data) {
  outer: for (let i2 = 0; i2 + HEADER <= data.length; i2 += ALIGN) {
    for (let j = 0; j < MAGIC.length; j++) if (data[i2 + j] !== MAGIC[j]) continue outer;
    return i2;
  }
  return -1;
}
function uvarint(data, pos) {
  let value = 0, shift = 0;
  for (let i2 = pos; i2 < data.length && i2 < pos + 10; i2++) {
    value += (data[i2] & 127) * 2 ** shift;
    if ((data[i2] & 128) === 0) return [value, i2 + 1];
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
    else if (f[0] === "=>" && f.length >= 3 && info2.deps.length > 0)
      info2.deps[info2.deps.length - 1] = { path: f[1], version: f[2] };
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
    const seg = segments.find((s) => s.type === PT_LOAD && (s.flags & (PF_X | PF_W)) === PF_W);
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
    const toOffset = (v) => vaddrToOffset(segments, v);
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
    for (let i2 = 0; i2 < phnum; i2++) {
      const o2 = phoff + i2 * phentsize;
      segments.push(
        b ? {
          type: r.u32(o2, "p_type"),
          flags: r.u32(o2 + 4, "p_flags"),
          offset: r.u64(o2 + 8, "p_offset"),
          vaddr: r.addr64(o2 + 16, "p_vaddr"),
          filesz: r.u64(o2 + 32, "p_filesz")
        } : {
          type: r.u32(o2, "p_type"),
          offset: r.u32(o2 + 4, "p_offset"),
          vaddr: r.u32(o2 + 8, "p_vaddr"),
          filesz: r.u32(o2 + 16, "p_filesz"),
          flags: r.u32(o2 + 24, "p_flags")
        }
      );
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
    for (let i2 = 0; i2 < shnum; i2++) {
      const o2 = shoff + i2 * shentsize;
      raw.push(
        b ? {
          nameOff: r.u32(o2, "sh_name"),
          type: r.u32(o2 + 4, "sh_type"),
          addr: r.addr64(o2 + 16, "sh_addr"),
          offset: r.u64(o2 + 24, "sh_offset"),
          size: r.u64(o2 + 32, "sh_size"),
          link: r.u32(o2 + 40, "sh_link")
        } : {
          nameOff: r.u32(o2, "sh_name"),
          type: r.u32(o2 + 4, "sh_type"),
          addr: r.u32(o2 + 12, "sh_addr"),
          offset: r.u32(o2 + 16, "sh_offset"),
          size: r.u32(o2 + 20, "sh_size"),
          link: r.u32(o2 + 24, "sh_link")
        }
      );
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
function readDynamic(r, segments, sections) {
  const out = {
    needed: [],
    runpath: [],
    rpath: [],
    soname: null,
    flags1: 0
  };
  const dynSeg = segments.find((s) => s.type === PT_DYNAMIC);
  const dynSec = sections.find((s) => s.type === SHT_DYNAMIC);
  const start = dynSeg?.offset ?? dynSec?.offset;
  const size = dynSeg?.filesz ?? dynSec?.size ?? 0;
  if (start === void 0) return out;
  r.check(start, size, "dynamic section");
  const ent = r.is64 ? 16 : 8;
  const entries = [];
  for (let o2 = start; o2 + ent <= start + size; o2 += ent) {
    const tag = r.addr(o2, "d_tag");
    if (tag === 0) break;
    entries.push([tag, r.addr(o2 + (r.is64 ? 8 : 4), "d_val")]);
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
    if (strOff === void 0 || strEnd === void 0)
      throw new ElfError(`corrupt: ${what} present but no dynamic string table`);
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

// src/util/pool.ts
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i2 = next++;
      results[i2] = await fn(items[i2], i2);
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
function barrier(count2) {
  let left = count2;
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
async function settleAll(tasks, onFailure) {
  let first;
  const watched = tasks.map(
    (t) => t.catch((reason) => {
      if (!first) {
        first = { reason };
        onFailure(reason);
      }
      throw reason;
    })
  );
  const settled = await Promise.allSettled(watched);
  if (first) throw first.reason;
  return settled.map((s) => s.value);
}

// src/build/go/build.ts
import { join as join4 } from "node:path";

// src/report/diagnostic.ts
function dedupeDiagnostics(list) {
  const seen = /* @__PURE__ */ new Set();
  return list.filter((d) => {
    const key = JSON.stringify([d.level, d.file, d.startLine, d.startColumn, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

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

// src/build/go/build.ts
async function buildOne(platform3, opts, ctx) {
  const binary = join4(ctx.outDir, platform3.slug, "binary");
  const start = performance.now();
  const cc = ctx.ccFor?.(platform3);
  const env = { ...ctx.baseEnv, ...buildEnv(opts, platform3), ...cc ? { CC: cc } : {} };
  const r = await ctx.exec("go", buildArgs(opts, binary), { cwd: ctx.cwd, env });
  return { platform: platform3, ok: r.exitCode === 0, binary, stderr: r.stderr, ms: performance.now() - start };
}
function buildDiagnostics(results, toRepoPath) {
  const annotations = [];
  for (const r of results.filter((x) => !x.ok)) {
    const found = parseGoDiagnostics(r.stderr, toRepoPath, `go build (${r.platform.id})`);
    annotations.push(
      ...found.length > 0 ? found : [
        {
          level: "error",
          title: `go build (${r.platform.id})`,
          message: r.stderr.trim() || "go build failed with no output"
        }
      ]
    );
  }
  return dedupeDiagnostics(annotations);
}

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

// src/build/go/package.ts
function defaultBinaryName(importPath) {
  const parts = importPath.split("/");
  const last = parts[parts.length - 1];
  return /^v\d+$/.test(last) && parts.length > 1 ? parts[parts.length - 2] : last;
}
async function askGo(pkg, ctx) {
  const opts = { cwd: ctx.cwd, env: ctx.env };
  const [version, list] = await Promise.all([
    ctx.exec("go", ["env", "GOVERSION"], opts),
    ctx.exec("go", ["list", "-f", "{{.Name}} {{.ImportPath}}", pkg], opts)
  ]);
  if (version.exitCode !== 0) {
    throw new InputError(
      `go is not usable (${version.stderr.trim() || `exit ${version.exitCode}`}); add actions/setup-go before this step`
    );
  }
  const named = `input "package": "${pkg}"`;
  if (list.exitCode !== 0)
    throw new InputError(
      `${named} is not a buildable package in ${ctx.shownDir}: ${list.stderr.trim().split("\n")[0]}`
    );
  const lines = list.stdout.trim() ? list.stdout.trim().split("\n") : [];
  if (lines.length !== 1)
    throw new InputError(`${named} matches ${lines.length} packages; expected one main package, e.g. ./cmd/server`);
  const [name, importPath] = lines[0].split(" ");
  if (name !== "main")
    throw new InputError(`${named} is package ${name}, not package main; expected a command, e.g. ./cmd/server`);
  return importPath;
}

// src/build/go/source.ts
function goBuildInfoOf(path6) {
  try {
    return withFileSource(path6, (src) => parseElf(src).go);
  } catch (e) {
    if (e instanceof ElfError) return null;
    throw e;
  }
}
function goSource(o2) {
  const slot = limiter(o2.concurrency);
  const pkg = o2.build.pkg;
  let asked;
  const ask = () => asked ??= askGo(pkg, o2.go);
  return {
    obtain: (platform3) => slot(() => buildOne(platform3, o2.build, o2.context)),
    async describe(binary) {
      const pattern = pkg.includes("...") ? await ask() : void 0;
      const importPath = pattern ?? goBuildInfoOf(binary)?.path ?? await ask();
      return {
        defaultName: defaultBinaryName(importPath),
        createdBy: `scratchpack: go build -trimpath ${pkg} (${importPath})`
      };
    },
    async explain(results) {
      if (results.some((r) => !r.ok)) await ask();
      return buildDiagnostics(results, o2.toRepoPath);
    }
  };
}

// src/check/inspect.ts
import { dirname } from "node:path";

// src/check/policy.ts
var ARCH_SETTING = { GOARM: "GOARM", GOAMD64: "GOAMD64" };
function checkBinary(info2, platform3, linkage, file) {
  const title = `scratchpack (${platform3.id})`;
  const out = [];
  const mismatch = identityMismatch(platform3.arch, info2);
  if (mismatch) out.push({ level: "error", title, message: `${file}: ${mismatch}` });
  for (const [envKey, setting] of Object.entries(ARCH_SETTING)) {
    const want = platform3.goEnv[envKey];
    const got = info2.go?.settings[setting]?.split(",")[0];
    if (want !== void 0 && got !== void 0 && got !== want) {
      out.push({
        level: "error",
        title,
        message: `${file}: built with ${setting}=${got} but platform ${platform3.id} needs ${setting}=${want}`
      });
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
var osabiClass = (n2) => n2 === 0 || n2 === 3 ? 0 : n2;
function compatible(want, got) {
  return want.bits === got.bits && want.endian === got.endian && want.machine === got.machine && osabiClass(want.osabi) === osabiClass(got.osabi);
}
function defaultDirs(multiarch) {
  return [
    ...multiarch ? [`/lib/${multiarch}`, `/usr/lib/${multiarch}`] : [],
    "/lib64",
    "/usr/lib64",
    "/lib",
    "/usr/lib"
  ];
}
var Resolver = class {
  constructor(o2) {
    this.o = o2;
  }
  o;
  host = (p) => this.o.sysroot === "/" ? p : this.o.sysroot.replace(/\/+$/, "") + p;
  files = /* @__PURE__ */ new Map();
  /** Follows a leaf symlink chain inside the sysroot; returns the chain's entries, or undefined if it ends nowhere. */
  async chain(path6) {
    const out = [];
    let p = normalizePath(path6);
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
    const text = await this.o.fs.readFile(this.host(file)).then(
      (b) => Buffer.from(b).toString("utf8"),
      () => ""
    );
    const dirs = [];
    for (const raw of text.split("\n")) {
      const line = raw.replace(/#.*/, "").trim();
      if (!line) continue;
      const inc = /^include\s+(.+)$/.exec(line);
      if (!inc) {
        dirs.push(
          ...line.split(/[\s:,]+/).filter(Boolean).map(normalizePath)
        );
        continue;
      }
      const pattern = inc[1].startsWith("/") ? inc[1] : `${dirOf(file)}/${inc[1]}`;
      const dir = dirOf(pattern);
      const re = new RegExp(
        "^" + pattern.slice(dir.length + 1).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$"
      );
      const names = (await this.o.fs.readdir(this.host(dir)).catch(() => [])).filter((n2) => re.test(n2)).sort();
      for (const n2 of names) dirs.push(...await this.ldSoConf(`${dir === "/" ? "" : dir}/${n2}`, depth + 1));
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
async function resolveDeps(main, o2) {
  const r = new Resolver(o2);
  const result = { sysroot: o2.sysroot, interpreter: null, libraries: [], missing: [], files: [] };
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
  const defaults = defaultDirs(o2.multiarch);
  const conf = await r.ldSoConf();
  const interpDir = main.interpreter ? [dirOf(main.interpreter)] : [];
  const mainRpath = main.runpath.length === 0 ? rpathDirs(main, o2.originDir) : [];
  const queue = [
    { info: main, name: "the binary", origin: o2.originDir }
  ];
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
          lib = o2.parse(await o2.fs.readFile(real2.source));
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
      result.libraries.push({
        soname,
        path: where,
        source: real.source,
        size: real.size,
        neededBy: name,
        via: found.dir
      });
      queue.push({ info: found.info, name: soname, origin: dirOf(where) });
    }
  }
  result.files = r.result();
  return result;
}

// src/check/inspect.ts
function gatherErrors(deps, file, title) {
  const out = [];
  if (deps.missingInterpreter) {
    out.push({
      level: "error",
      title,
      message: `${file}: its loader ${deps.missingInterpreter} is not in the sysroot ${deps.sysroot}; install the target's libc (e.g. libc6-dev-<arch>-cross) or set sysroot`
    });
  }
  for (const m of deps.missing) {
    out.push({
      level: "error",
      title,
      message: `${file}: ${m.soname} (needed by ${m.neededBy}) was not found in the sysroot ${deps.sysroot}; searched ${m.searched.join(", ")}`
    });
  }
  return out;
}
function layerEntries(deps) {
  const out = [];
  for (const f of deps.files) {
    const path6 = f.path.replace(/^\/+/, "");
    if (f.type === "symlink") out.push({ path: path6, type: "symlink", mode: 511, linkname: f.linkname });
    else out.push({ path: path6, type: "file", mode: f.mode, file: { path: f.source, size: f.size } });
  }
  return out;
}
async function checkStage(file, platform3, ctx) {
  const shown = ctx.show(file);
  const title = `scratchpack (${platform3.id})`;
  try {
    const [info2, size] = withFileSource(file, (src) => [parseElf(src), src.size]);
    const sha256 = await ctx.hash({ path: file, size, identity: info2.goBuildId ?? void 0 });
    const binary = {
      path: ctx.binaryPath,
      file,
      size,
      sha256,
      linkage: info2.linkage,
      interpreter: info2.interpreter,
      needed: info2.needed,
      go: info2.go ? { version: info2.go.version, settings: info2.go.settings } : null
    };
    const found = checkBinary(info2, platform3, ctx.linkage, shown);
    const sysroot = ctx.toolchain?.sysroot;
    if (found.length > 0 || ctx.linkage !== "gather" || !info2.interpreter || !sysroot) {
      return {
        binary,
        diagnostics: found,
        passed: found.length > 0 ? void 0 : { binary: { path: file, size, sha256 }, libraries: [] }
      };
    }
    const deps = await resolveDeps(info2, {
      sysroot,
      multiarch: ctx.toolchain?.multiarch,
      originDir: dirname(ctx.binaryPath),
      fs: nodeDepsFs,
      parse: parseElf
    });
    Object.assign(binary, gatheredFacts(deps));
    const missing = gatherErrors(deps, shown, title);
    if (missing.length > 0) return { binary, diagnostics: missing };
    return { binary, diagnostics: [], passed: { binary: { path: file, size, sha256 }, libraries: layerEntries(deps) } };
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
    return { diagnostics: [{ level: "error", title, message: `${shown}: ${e.message}` }] };
  }
}
function gatheredFacts(deps) {
  const loader = deps.interpreter ? [
    {
      soname: "(loader)",
      path: deps.interpreter.path,
      source: deps.interpreter.source,
      size: deps.interpreter.size
    }
  ] : [];
  return {
    sysroot: deps.sysroot,
    libraries: [
      ...loader,
      ...deps.libraries.map((l) => ({ soname: l.soname, path: l.path, source: l.source, size: l.size }))
    ],
    gathered: deps.files.map((f) => ({
      path: f.path,
      type: f.type,
      ...f.linkname ? { linkname: f.linkname } : {},
      source: f.source,
      size: f.size
    }))
  };
}

// src/image/image.ts
function descriptor(b, mediaType = b.mediaType) {
  return { mediaType, digest: b.digest, size: b.size };
}
function nonEmpty(o2) {
  return Object.keys(o2).length > 0 ? o2 : void 0;
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
  if (spec.caBundle)
    generated.push({ path: "etc/ssl/certs/ca-certificates.crt", type: "file", mode: 420, data: spec.caBundle });
  generated.push(...spec.zoneinfo ?? [], ...spec.libraries ?? []);
  const fixed = /* @__PURE__ */ new Map();
  fixed.set(rel(spec.binaryPath), { path: rel(spec.binaryPath), type: "file", mode: 493, file: spec.binary });
  const byPath = /* @__PURE__ */ new Map();
  for (const e of generated) byPath.set(e.path, e);
  for (const f of spec.extraFiles) {
    const path6 = rel(f.dest);
    const clash = fixed.get(path6) ?? (byPath.get(path6)?.type === "dir" ? byPath.get(path6) : void 0);
    if (clash)
      throw new Error(
        `file ${f.dest} would replace ${clash.type === "dir" ? "a directory" : "the binary"} in the image`
      );
    fixed.set(path6, { path: path6, type: "file", mode: f.mode, data: f.data });
    byPath.delete(path6);
  }
  for (const [path6, e] of fixed) {
    const parentClash = [...byPath.values(), ...fixed.values()].find(
      (o2) => o2.type !== "dir" && path6.startsWith(o2.path + "/")
    );
    if (parentClash) throw new Error(`/${path6} would sit under the file /${parentClash.path}`);
    byPath.set(path6, e);
  }
  return [...byPath.values()];
}

// src/layer/assemble.ts
function assembleLayer(checked, binaryPath, contents, mtime, io) {
  const entries = rootfsEntries({ binaryPath, binary: checked.binary, libraries: checked.libraries, ...contents });
  return buildLayer(entries, mtime, io);
}

// src/inputs/epoch.ts
var MAX_EPOCH = 253402300799;
function parseEpoch(text) {
  const t = text.trim();
  if (!/^\d+$/.test(t)) {
    throw new ParseError(
      `"${text}" is not a SOURCE_DATE_EPOCH; expected whole seconds since 1970-01-01 UTC, e.g. 1700000000`
    );
  }
  const n2 = Number(t);
  if (!Number.isSafeInteger(n2) || n2 > MAX_EPOCH) {
    throw new ParseError(`"${text}" is out of range; expected whole seconds between 0 and ${MAX_EPOCH}`);
  }
  return n2;
}
function epochToRfc3339(epoch) {
  return new Date(epoch * 1e3).toISOString().replace(".000Z", "Z");
}

// src/plan/epoch.ts
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

// src/plan/plan.ts
var IMAGE_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
function ociPlatform(p) {
  return { architecture: p.arch, os: p.os, ...p.variant ? { variant: p.variant } : {} };
}
function annotationsAt(inputs, level) {
  const out = {};
  for (const a2 of inputs.annotations) if (a2.levels.includes(level)) out[a2.key] = a2.value;
  return out;
}
function binaryPathOf(inputs, binaryName) {
  return inputs.binaryPath ?? `/usr/local/bin/${binaryName}`;
}
function layoutAnnotationsOf(inputs) {
  const first = inputs.tags[0];
  const named = first ? { "io.containerd.image.name": first.full, "org.opencontainers.image.ref.name": first.tag } : {};
  return { ...named, ...annotationsAt(inputs, "index-descriptor") };
}
function makePlan(inputs, facts) {
  const binaryPath = binaryPathOf(inputs, facts.binaryName);
  const created = epochToRfc3339(facts.epoch);
  const defaults = { "org.opencontainers.image.created": created };
  if (facts.serverUrl && facts.repository)
    defaults["org.opencontainers.image.source"] = `${facts.serverUrl}/${facts.repository}`;
  if (facts.sha) defaults["org.opencontainers.image.revision"] = facts.sha;
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
      createdBy: facts.createdBy,
      manifestAnnotations: { ...defaults, ...annotationsAt(inputs, "manifest") }
    },
    indexAnnotations: { ...defaults, ...annotationsAt(inputs, "index") },
    manifestDescriptorAnnotations: annotationsAt(inputs, "manifest-descriptor")
  };
}

// src/plan/workspace.ts
import { lstat as lstat3, readFile as readFile4, readdir as readdir5, readlink as readlink3, realpath, stat as stat4 } from "node:fs/promises";
import { isAbsolute, join as join5, resolve, sep } from "node:path";
var CA_BUNDLES = [
  "/etc/ssl/certs/ca-certificates.crt",
  "/etc/pki/tls/certs/ca-bundle.crt",
  "/etc/ssl/ca-bundle.pem",
  "/etc/pki/tls/cacert.pem",
  "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
  "/etc/ssl/cert.pem"
];
var ZONEINFO = "/usr/share/zoneinfo";
var isDir = (p) => stat4(p).then(
  (s) => s.isDirectory(),
  () => false
);
var within = (root, p) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
async function walkZoneinfo(dir, prefix, out) {
  const names = (await readdir5(dir)).sort();
  for (const name of names) {
    const full = join5(dir, name);
    const path6 = `${prefix}/${name}`;
    const st = await lstat3(full);
    if (st.isSymbolicLink()) out.push({ path: path6, type: "symlink", mode: 511, linkname: await readlink3(full) });
    else if (st.isDirectory()) {
      out.push({ path: path6, type: "dir", mode: 493 });
      await walkZoneinfo(full, path6, out);
    } else if (st.isFile()) out.push({ path: path6, type: "file", mode: 420, data: await readFile4(full) });
  }
}
async function readExtraFiles(inputs, workspace) {
  const root = await realpath(workspace);
  const out = [];
  for (const spec of inputs.files) {
    const abs = isAbsolute(spec.source) ? spec.source : resolve(workspace, spec.source);
    const real = await realpath(abs).catch(() => void 0);
    if (real === void 0)
      throw new InputError(`input "files": source "${spec.source}" does not exist (looked at ${abs})`);
    if (!within(root, real)) {
      throw new InputError(
        `input "files": source "${spec.source}" resolves to ${real}, outside the workspace ${root}; only workspace files may go into the image`
      );
    }
    const st = await stat4(real);
    if (!st.isFile()) throw new InputError(`input "files": source "${spec.source}" is not a regular file`);
    out.push({ dest: spec.dest, data: await readFile4(real), mode: spec.mode ?? (st.mode & 73 ? 493 : 420) });
  }
  return out;
}
async function prepare(inputs, env) {
  const warnings = [];
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const workDir = resolve(workspace, inputs.workingDirectory);
  if (!await isDir(workDir))
    throw new InputError(
      `input "working-directory": directory "${inputs.workingDirectory}" does not exist (resolved to ${workDir})`
    );
  const setup = { workspace, workDir, extraFiles: [], warnings };
  if (inputs.caCertificates) {
    for (const p of CA_BUNDLES) {
      const data = await readFile4(p).catch(() => void 0);
      if (data && data.length > 0) {
        setup.caBundle = data;
        setup.caBundlePath = p;
        break;
      }
    }
    if (!setup.caBundle)
      warnings.push(
        `ca-certificates: no CA bundle found on the runner (looked in ${CA_BUNDLES.join(", ")}); the image has none, so TLS clients in it will fail`
      );
  }
  if (inputs.tzdata) {
    if (!await isDir(ZONEINFO))
      throw new InputError(
        `input "tzdata": true, but the runner has no ${ZONEINFO}; install tzdata or set tzdata: false and import time/tzdata in Go`
      );
    setup.zoneinfo = [];
    await walkZoneinfo(ZONEINFO, "usr/share/zoneinfo", setup.zoneinfo);
  }
  setup.extraFiles = await readExtraFiles(inputs, workspace);
  if (inputs.binaryPath || inputs.binaryName) checkPlacement(setup, binaryPathOf(inputs, inputs.binaryName ?? ""));
  return setup;
}
function checkPlacement(setup, binaryPath) {
  try {
    rootfsEntries({
      binaryPath,
      binary: { path: "", size: 0 },
      caBundle: setup.caBundle,
      extraFiles: setup.extraFiles
    });
  } catch (e) {
    throw new InputError(`input "files": ${e.message}`);
  }
}

// src/plan/planner.ts
function planner(settings, setup, source, epoch, runner) {
  let planned;
  const make = async (binary) => {
    const { defaultName, createdBy } = await source.describe(binary);
    const binaryName = settings.binaryName ?? defaultName;
    checkPlacement(setup, binaryPathOf(settings, binaryName));
    return makePlan(settings, { binaryName, createdBy, epoch: (await epoch)[0], ...runner });
  };
  return {
    planFrom: (binary) => planned ??= make(binary),
    planned: () => planned
  };
}

// src/plan/toolchains.ts
import { stat as stat5 } from "node:fs/promises";
import { delimiter, join as join6 } from "node:path";

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
    throw new ParseError(
      `platform "${text}": unknown architecture "${arch2}"; expected one of ${SUPPORTED_ARCHES.join(", ")}`
    );
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
      if (!platforms.some((x) => x.id === p.id))
        throw new ParseError(`"${item}" names ${p.id}, which is not in platforms`);
      if (out.byPlatform[p.id] !== void 0) throw new ParseError(`"${item}": ${p.id} is given twice`);
      out.byPlatform[p.id] = item.slice(eq + 1).trim();
    } else {
      if (out.all !== void 0)
        throw new ParseError(`"${item}": give one value for all platforms, or platform=value lines`);
      out.all = item;
    }
  }
  return out;
}
function forPlatform(pp, p) {
  return pp.byPlatform[p.id] ?? pp.all;
}

// src/plan/toolchains.ts
var NODE_TO_GOARCH = {
  x64: "amd64",
  arm64: "arm64",
  arm: "arm",
  ia32: "386",
  ppc64: "ppc64le",
  s390x: "s390x",
  riscv64: "riscv64",
  loong64: "loong64"
};
function hostArch() {
  return NODE_TO_GOARCH[process.arch] ?? process.arch;
}
async function onPath(name, env) {
  const isExe = (p) => stat5(p).then(
    (s) => s.isFile() && (s.mode & 73) !== 0,
    () => false
  );
  if (name.includes("/")) return isExe(name);
  for (const dir of (env.PATH ?? "").split(delimiter)) if (dir && await isExe(join6(dir, name))) return true;
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
  const ok = sysroot !== void 0 && await stat5(sysroot).then(
    (s) => s.isDirectory(),
    () => false
  );
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

// src/publish/digest-files.ts
import { mkdir as mkdir5, readdir as readdir6, writeFile as writeFile4 } from "node:fs/promises";
import { join as join7 } from "node:path";
async function writeDigestFiles(dir, digests) {
  await mkdir5(dir, { recursive: true });
  for (const d of digests) await writeFile4(join7(dir, hexOf(d)), "");
  return dir;
}
async function readDigestFiles(spec) {
  if ("digests" in spec) return spec.digests;
  const names = await readdir6(spec.dir).catch(() => {
    throw new InputError(`input "merge-digests": directory "${spec.dir}" does not exist`);
  });
  const digests = names.filter((n2) => /^[a-f0-9]{64}$/.test(n2)).sort().map(digestOf);
  if (digests.length === 0) {
    throw new InputError(`input "merge-digests": directory "${spec.dir}" holds no files named after a sha256 digest`);
  }
  return digests;
}

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
    if (Array.isArray(parsed.errors))
      return parsed.errors.map((e) => [e.code, e.message].filter(Boolean).join(" ")).join("; ");
  } catch {
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}

// src/publish/merge.ts
var samePlatform = (a2, b) => a2.architecture === b.architecture && a2.os === b.os && (a2.variant ?? "") === (b.variant ?? "");
async function mergeIndex(inputs, digests, client, repo, annotations) {
  const family = inputs.mediaTypes;
  const found = [];
  for (const digest of digests) {
    const { data } = await client.getManifest(repo, digest, [MEDIA.oci.manifest, MEDIA.docker.manifest]);
    if (sha256Digest(data) !== digest)
      throw new RegistryError(
        client.registry,
        `GET manifest ${digest}`,
        "digest mismatch",
        `the registry returned other bytes (${sha256Digest(data)})`
      );
    const manifest = JSON.parse(data.toString("utf8"));
    if (manifest.mediaType !== MEDIA[family].manifest) {
      throw new InputError(
        `input "merge-digests": ${digest} is ${manifest.mediaType ?? "a manifest without mediaType"}, but media-types is ${family} (${MEDIA[family].manifest}); the families never mix`
      );
    }
    const config = JSON.parse(
      (await client.getBlob(repo, manifest.config?.digest ?? "")).toString("utf8")
    );
    const platform3 = {
      architecture: config.architecture,
      os: config.os,
      ...config.variant ? { variant: config.variant } : {}
    };
    found.push({ manifest: { mediaType: manifest.mediaType, digest, size: data.length }, platform: platform3 });
  }
  const entries = inputs.platforms.map((p) => {
    const want = ociPlatform(p);
    const hits = found.filter((f) => samePlatform(f.platform, want));
    if (hits.length !== 1) {
      throw new InputError(
        `input "merge-digests": ${hits.length === 0 ? "no" : "more than one"} manifest for platform ${p.id} among ${digests.length} digests; expected exactly one per entry of platforms`
      );
    }
    return { ...hits[0], platformId: p.id };
  });
  const extra = found.find((f) => !entries.some((e) => e.manifest.digest === f.manifest.digest));
  if (extra)
    throw new InputError(
      `input "merge-digests": ${extra.manifest.digest} is for ${[extra.platform.os, extra.platform.architecture, extra.platform.variant].filter(Boolean).join("/")}, which is not in platforms`
    );
  return { index: buildIndexBlob(entries, annotations.index, annotations.descriptor, family), entries };
}

// src/publish/open.ts
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

// src/publish/layout.ts
import { constants as constants3 } from "node:fs";
import { copyFile as copyFile3, link as link2, mkdir as mkdir6, rename as rename4, rm as rm6, writeFile as writeFile5 } from "node:fs/promises";
import { dirname as dirname2, join as join8 } from "node:path";
function allBlobs(artifact) {
  const seen = /* @__PURE__ */ new Map();
  for (const img of artifact.images) for (const b of [...img.layers, img.config, img.manifest]) seen.set(b.digest, b);
  seen.set(artifact.index.digest, artifact.index);
  return [...seen.values()];
}
var LayoutPublisher = class {
  /** `annotations` go on the index.json descriptor (ref.name and friends); a registry has no such place. */
  constructor(dir, annotations = {}) {
    this.dir = dir;
    this.annotations = annotations;
    this.staging = `${dir}.partial-${process.pid}`;
    this.old = `${dir}.old-${process.pid}`;
  }
  dir;
  annotations;
  staging;
  old;
  /** A layout has nothing to ask before the checks pass. */
  probe() {
  }
  /** The layout is written whole in write(): a blob file is a single link or copy, too cheap to start early. */
  stage() {
  }
  async write(artifact) {
    await this.guard(() => this.writeStaging(artifact));
    return async () => {
      await this.guard(() => this.swapIn());
      const ref = this.annotations["org.opencontainers.image.ref.name"];
      return { location: this.dir, refs: ref ? [`oci:${this.dir}:${ref}`] : [`oci:${this.dir}`] };
    };
  }
  /** Removes the staged layout; never throws, since it runs while another failure is being reported. */
  async abandon() {
    await rm6(this.staging, { recursive: true, force: true }).catch(() => void 0);
  }
  /** Usually a path that cannot be written (a file in the way, no permission, a full disk): the user's to fix. */
  async guard(fn) {
    try {
      await fn();
    } catch (e) {
      await this.abandon();
      throw new ActionError(
        `could not write the OCI layout at ${this.dir} (input "oci-layout"): ${e.message}`,
        {
          cause: e
        }
      );
    }
  }
  async writeStaging(artifact) {
    await rm6(this.staging, { recursive: true, force: true });
    await mkdir6(join8(this.staging, "blobs", "sha256"), { recursive: true });
    await writeFile5(join8(this.staging, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
    await Promise.all(
      allBlobs(artifact).map((b) => {
        const to = join8(this.staging, "blobs", "sha256", hexOf(b.digest));
        return "path" in b ? link2(b.path, to).catch(() => copyFile3(b.path, to, constants3.COPYFILE_FICLONE)) : writeFile5(to, b.data);
      })
    );
    const index = {
      schemaVersion: 2,
      mediaType: MediaType.index,
      manifests: [
        {
          mediaType: artifact.index.mediaType,
          digest: artifact.index.digest,
          size: artifact.index.size,
          ...Object.keys(this.annotations).length > 0 ? { annotations: this.annotations } : {}
        }
      ]
    };
    await writeFile5(join8(this.staging, "index.json"), JSON.stringify(index));
  }
  async swapIn() {
    await mkdir6(dirname2(this.dir), { recursive: true });
    await rm6(this.old, { recursive: true, force: true });
    await rename4(this.dir, this.old).catch((e) => {
      if (e.code !== "ENOENT") throw e;
    });
    await rename4(this.staging, this.dir);
    await rm6(this.old, { recursive: true, force: true });
  }
};

// src/publish/multi.ts
var MultiPublisher = class {
  constructor(publishers) {
    this.publishers = publishers;
  }
  publishers;
  probe(image) {
    for (const p of this.publishers) p.probe(image);
  }
  stage(image) {
    for (const p of this.publishers) p.stage(image);
  }
  async write(artifact) {
    const written = await Promise.allSettled(this.publishers.map((p) => p.write(artifact)));
    const failed = written.find((w) => w.status === "rejected");
    if (failed) {
      await this.abandon(failed.reason);
      throw failed.reason;
    }
    const commits = written.map((w) => w.value);
    return async () => {
      const results = [];
      for (const commit of commits) results.push(await commit());
      return results;
    };
  }
  async abandon(reason) {
    await Promise.all(this.publishers.map((p) => p.abandon(reason)));
  }
};

// src/publish/registry/challenge.ts
function parseChallenges(header2) {
  const out = [];
  let i2 = 0;
  const n2 = header2.length;
  const skipWs = () => {
    while (i2 < n2 && /[\s,]/.test(header2[i2])) i2++;
  };
  const token = () => {
    const start = i2;
    while (i2 < n2 && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header2[i2])) i2++;
    return header2.slice(start, i2);
  };
  while (i2 < n2) {
    skipWs();
    const scheme = token();
    if (!scheme) {
      i2++;
      continue;
    }
    const ch = { scheme: scheme.toLowerCase(), params: {} };
    out.push(ch);
    for (; ; ) {
      while (i2 < n2 && /[ \t]/.test(header2[i2])) i2++;
      const save = i2;
      if (header2[i2] === ",") {
        i2++;
        while (i2 < n2 && /[ \t]/.test(header2[i2])) i2++;
      }
      const key = token();
      while (i2 < n2 && /[ \t]/.test(header2[i2])) i2++;
      if (!key || header2[i2] !== "=") {
        i2 = save;
        break;
      }
      i2++;
      while (i2 < n2 && /[ \t]/.test(header2[i2])) i2++;
      let value = "";
      if (header2[i2] === '"') {
        i2++;
        while (i2 < n2 && header2[i2] !== '"') {
          if (header2[i2] === "\\" && i2 + 1 < n2) i2++;
          value += header2[i2++];
        }
        i2++;
      } else {
        const start = i2;
        while (i2 < n2 && !/[\s,]/.test(header2[i2])) i2++;
        value = header2.slice(start, i2);
      }
      ch.params[key.toLowerCase()] = value;
    }
    while (i2 < n2 && /[\s]/.test(header2[i2])) i2++;
    if (header2[i2] === ",") i2++;
  }
  return out;
}

// src/publish/registry/auth.ts
var basic = (c3) => "Basic " + Buffer.from(`${c3.username ?? ""}:${c3.password ?? ""}`).toString("base64");
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
    const ch = found.find((c3) => c3.scheme === "bearer") ?? found.find((c3) => c3.scheme === "basic");
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
      throw new RegistryError(
        this.registry,
        "authenticate",
        "bad challenge",
        `realm "${ch.params.realm ?? ""}" is not a URL`
      );
    }
    if (realm.protocol !== "https:" && !(realm.protocol === "http:" && this.allowHttpRealm)) {
      throw new RegistryError(
        this.registry,
        "authenticate",
        "refused",
        `token realm ${realm.origin} is not HTTPS; credentials are only sent over TLS`
      );
    }
    return realm;
  }
  async fetchToken(ch, scopes) {
    const realm = this.realmUrl(ch);
    const service = ch.params.service ?? "";
    let res;
    if (this.refreshToken) {
      const form = new URLSearchParams({
        grant_type: "refresh_token",
        service,
        client_id: "scratchpack",
        scope: scopes.join(" "),
        refresh_token: this.refreshToken
      });
      res = await this.transport.send(
        {
          method: "POST",
          url: realm.href,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: Buffer.from(form.toString())
        },
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
      throw new RegistryError(
        this.registry,
        `token for ${scopes.join(" ")}`,
        res.status,
        errorDetail(res.body) || (this.credential ? `credentials from ${this.credential.source} were refused` : "anonymous access refused")
      );
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
  const h2 = host.replace(/:\d+$/, "");
  return h2 === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(h2) || h2 === "[::1]";
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
        else if (res.status !== 200)
          throw new RegistryError(this.registry, "ping /v2/", res.status, errorDetail(res.body));
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
    const res = await this.send(
      { method: "HEAD", url: `${this.base}/v2/${repo}/blobs/${digest}` },
      [pushScope(repo)],
      `HEAD blob ${shortDigest(digest)}`
    );
    if (res.status === 200) return true;
    if (res.status === 404 || res.status === 403) return false;
    this.fail(`HEAD blob ${digest}`, res);
  }
  /** Tries a cross-repository mount; returns true if mounted, else the upload session the registry opened instead. */
  async mountBlob(repo, digest, from) {
    const url = `${this.base}/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
    const res = await this.send(
      { method: "POST", url, headers: { "content-length": "0" } },
      [pushScope(repo), pullScope(from)],
      `mount ${shortDigest(digest)}`
    );
    if (res.status === 201) return true;
    if (res.status === 202 && res.headers.location) return new URL(res.headers.location, url).href;
    this.fail(`mount blob ${digest} from ${from}`, res);
  }
  /** Uploads a blob as one POST and one monolithic PUT, streamed, and checks the digest the registry reports. */
  async uploadBlob(repo, blob, session) {
    let location = session;
    if (!location) {
      const url = `${this.base}/v2/${repo}/blobs/uploads/`;
      const res2 = await this.send(
        { method: "POST", url, headers: { "content-length": "0" } },
        [pushScope(repo)],
        `start upload ${shortDigest(blob.digest)}`
      );
      if (res2.status !== 202 || !res2.headers.location) this.fail(`start upload of ${blob.digest}`, res2);
      location = new URL(res2.headers.location, url).href;
    }
    const put = location + (location.includes("?") ? "&" : "?") + `digest=${encodeURIComponent(blob.digest)}`;
    const res = await this.send(
      {
        method: "PUT",
        url: put,
        body: blob.open,
        headers: { "content-type": "application/octet-stream", "content-length": String(blob.size) }
      },
      [pushScope(repo)],
      `upload ${shortDigest(blob.digest)}`
    );
    if (res.status !== 201 && res.status !== 204) this.fail(`upload blob ${blob.digest}`, res);
    const said = res.headers["docker-content-digest"];
    if (said && said !== blob.digest)
      throw new RegistryError(
        this.registry,
        `upload blob ${blob.digest}`,
        "digest mismatch",
        `registry stored ${said}`
      );
  }
  /**
   * HEAD a manifest by tag or digest: the digest the registry holds there, or undefined for 404 (and the 403 some
   * registries send instead) or an answer without Docker-Content-Digest, where the caller simply PUTs.
   */
  async manifestDigest(repo, ref, accept) {
    const res = await this.send(
      { method: "HEAD", url: `${this.base}/v2/${repo}/manifests/${ref}`, headers: { accept: accept.join(", ") } },
      [pushScope(repo)],
      `HEAD manifest ${shortDigest(ref)}`
    );
    if (res.status === 200) return res.headers["docker-content-digest"] || void 0;
    if (res.status === 404 || res.status === 403) return void 0;
    this.fail(`HEAD manifest ${repo}:${ref}`, res);
  }
  /** PUTs manifest bytes by tag or digest with Content-Type = its mediaType, and checks the digest the registry reports. */
  async putManifest(repo, ref, mediaType, data, digest) {
    const res = await this.send(
      {
        method: "PUT",
        url: `${this.base}/v2/${repo}/manifests/${ref}`,
        body: data,
        headers: { "content-type": mediaType, "content-length": String(data.length) }
      },
      [pushScope(repo)],
      `PUT manifest ${repo}:${shortDigest(ref)}`
    );
    if (res.status !== 201 && res.status !== 200) this.fail(`PUT manifest ${repo}:${ref}`, res);
    const said = res.headers["docker-content-digest"];
    if (said && said !== digest)
      throw new RegistryError(
        this.registry,
        `PUT manifest ${repo}:${ref}`,
        "digest mismatch",
        `registry computed ${said}, we sent ${digest}`
      );
  }
  /** GETs a manifest by digest (merge job), with the exact bytes so the digest can be checked. */
  async getManifest(repo, ref, accept) {
    const res = await this.send(
      { method: "GET", url: `${this.base}/v2/${repo}/manifests/${ref}`, headers: { accept: accept.join(", ") } },
      [pullScope(repo)],
      `GET manifest ${shortDigest(ref)}`
    );
    if (res.status !== 200) this.fail(`GET manifest ${repo}@${ref}`, res);
    return { mediaType: (res.headers["content-type"] ?? "").split(";")[0].trim(), data: res.body };
  }
  /** GETs a small blob (an image config), following the registry's redirect without our credentials. */
  async getBlob(repo, digest) {
    let url = `${this.base}/v2/${repo}/blobs/${digest}`;
    for (let hops = 0; hops < 5; hops++) {
      const res = await this.send({ method: "GET", url }, [pullScope(repo)], `GET blob ${shortDigest(digest)}`);
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
import { readFile as readFile5 } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join9 } from "node:path";
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
  if (inputs.username || inputs.password)
    return { username: inputs.username, password: inputs.password, source: "the username/password inputs" };
  const dir = env.DOCKER_CONFIG || join9(env.HOME || homedir(), ".docker");
  const file = join9(dir, "config.json");
  const text = await readFile5(file, "utf8").catch(() => void 0);
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
        const c3 = await fromHelper(helper, registry, exec, mask);
        if (c3) return c3;
      }
    }
    for (const key of keysFor(registry)) {
      const a2 = config.auths?.[key];
      if (!a2) continue;
      if (a2.identitytoken) {
        mask(a2.identitytoken);
        return { identityToken: a2.identitytoken, source: file };
      }
      if (a2.auth) {
        const decoded = Buffer.from(a2.auth, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        const password = decoded.slice(colon + 1);
        mask(a2.auth);
        mask(password);
        return { username: decoded.slice(0, colon), password, source: file };
      }
      if (a2.username !== void 0 && a2.password !== void 0) {
        mask(a2.password);
        return { username: a2.username, password: a2.password, source: file };
      }
    }
    if (config.credsStore) {
      const c3 = await fromHelper(config.credsStore, registry, exec, mask);
      if (c3) return c3;
    }
  }
  if (registry === "ghcr.io" && inputs.githubToken) {
    return {
      username: inputs.githubActor || "x-access-token",
      password: inputs.githubToken,
      source: "the github-token input"
    };
  }
  return void 0;
}

// src/publish/registry/http.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
var MAX_BODY = 8 << 20;
var agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 8 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 8 })
};
function flatten(h2) {
  const out = {};
  for (const [k, v] of Object.entries(h2))
    if (v !== void 0) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}
var nodeFetch = (req, timeoutMs) => new Promise((resolve4, reject) => {
  const url = new URL(req.url);
  const isHttps = url.protocol === "https:";
  const send = isHttps ? httpsRequest : httpRequest;
  const r = send(
    url,
    { method: req.method, headers: req.headers, agent: isHttps ? agents.https : agents.http },
    (res) => {
      const chunks = [];
      let size = 0;
      res.on("data", (c3) => {
        size += c3.length;
        if (size <= MAX_BODY) chunks.push(c3);
      });
      res.on(
        "end",
        () => resolve4({ status: res.statusCode ?? 0, headers: flatten(res.headers), body: Buffer.concat(chunks) })
      );
      res.on("error", reject);
    }
  );
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
  errorCodes: [
    "ECONNRESET",
    "ECONNREFUSED",
    "EPIPE",
    "ETIMEDOUT",
    "ECONNABORTED",
    "UND_ERR_SOCKET",
    "EAI_AGAIN",
    "ERR_STREAM_PREMATURE_CLOSE"
  ],
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
        throw new RegistryError(
          registry,
          operation,
          err?.code ?? "network error",
          `${err?.message ?? ""} (after ${attempt + 1} attempts)`
        );
      }
      const wait = backoffMs(
        this.policy,
        attempt + 1,
        retryAfterMs(res?.headers["retry-after"], Date.now()),
        this.random
      );
      this.stats.retries++;
      this.onRetry(
        `${operation} on ${registry}: ${res ? `HTTP ${res.status}` : err?.code ?? err?.message}; retry ${attempt + 1}/${this.policy.delaysMs.length} in ${wait} ms`
      );
      await this.sleep(wait);
    }
  }
};

// src/publish/registry/connect.ts
function clientFactory(o2) {
  const clients = /* @__PURE__ */ new Map();
  return (registry) => {
    let c3 = clients.get(registry);
    if (!c3) {
      c3 = (async () => {
        const plain = isLoopback(registry) || o2.insecureRegistries.includes(registry);
        const credential = await resolveCredential(registry, o2.credentials, o2.env, o2.exec, o2.mask);
        o2.info(`${registry}: ${credential ? `credentials from ${credential.source}` : "anonymous"}`);
        const client = new RegistryClient(
          registry,
          o2.transport,
          new Authenticator(registry, credential, o2.transport, plain),
          plain
        );
        await client.ping();
        return client;
      })();
      clients.set(registry, c3);
    }
    return c3;
  };
}
function connectRegistries(settings, deps) {
  const transport = new Transport(nodeFetch, deps.policy, deps.warn);
  const client = clientFactory({
    transport,
    credentials: {
      username: settings.username,
      password: settings.password,
      githubToken: settings.githubToken,
      githubActor: deps.env.GITHUB_ACTOR
    },
    insecureRegistries: settings.insecureRegistries,
    env: deps.env,
    exec: deps.exec,
    mask: deps.mask,
    info: deps.info
  });
  return { transport, client };
}

// src/publish/registry/publisher.ts
var UPLOADS_AT_ONCE = 4;
function repositories(tags) {
  const seen = /* @__PURE__ */ new Map();
  for (const t of tags) {
    const key = `${t.registry}/${t.repository}`;
    if (!seen.has(key)) seen.set(key, { registry: t.registry, repository: t.repository });
  }
  return [...seen.values()];
}
var RegistryPublisher = class {
  constructor(opts) {
    this.opts = opts;
    this.targets = repositories(opts.tags);
    this.slot = limiter(opts.uploadsAtOnce ?? UPLOADS_AT_ONCE);
  }
  opts;
  counts = {
    uploaded: 0,
    present: 0,
    mounted: 0,
    bytes: 0,
    manifests: 0,
    manifestsPresent: 0
  };
  slot;
  targets;
  /** One upload per repository and digest, however many images or calls ask for it. */
  started = /* @__PURE__ */ new Map();
  /** One manifest PUT (or HEAD that makes it unneeded) per repository and ref, whoever asks. */
  putting = /* @__PURE__ */ new Map();
  /** Registry and digest → a repository that has it, for cross-repository mounts. */
  holders = /* @__PURE__ */ new Map();
  /** Answers to the read-only questions (HEADs), by `<kind> <registry>/<repository>|<digest or ref>`: each is asked once. */
  answers = /* @__PURE__ */ new Map();
  /** Images given to stage(), pushed before write() was called. */
  staged = [];
  failure;
  /** The counters so far, with the transport's retries read now, so a push that fails midway still reports them. */
  get stats() {
    return { ...this.counts, retries: this.opts.retries() };
  }
  /**
   * Asks, read-only, whether each repository already holds an image's layer, config and manifest, as soon as the
   * image is assembled: a write still waits for the checks, but the round trips (ping, token, HEADs) no longer sit
   * between the last build and the tag.
   */
  probe(img) {
    for (const t of this.targets) {
      const client = this.opts.client(t.registry);
      for (const b of [...img.layers, img.config]) void this.hasBlob(client, t, b.digest);
      void this.manifestAt(client, t, img.manifest.digest, img.manifest);
    }
  }
  stage(img) {
    const pushed = this.pushImage(img);
    pushed.catch(() => void 0);
    this.staged.push(pushed);
  }
  async write(artifact) {
    await Promise.all(this.staged);
    await mapLimit(artifact.images, this.opts.uploadsAtOnce ?? UPLOADS_AT_ONCE, (img) => this.pushImage(img));
    const location = this.targets.map((t) => `${t.registry}/${t.repository}`).join(", ");
    if (this.opts.pushByDigest) {
      const refs = this.targets.flatMap(
        (t) => artifact.images.map((img) => `${t.registry}/${t.repository}@${img.manifest.digest}`)
      );
      return async () => ({ location, refs });
    }
    await this.eachRepository((client, t) => this.putManifest(client, t, artifact.index.digest, artifact.index));
    return async () => {
      for (const tag of this.opts.tags) {
        await this.putManifest(await this.opts.client(tag.registry), tag, tag.tag, artifact.index);
      }
      return { location, refs: this.opts.tags.map((t) => t.full) };
    };
  }
  /** No upload starts after this; those in flight finish, so nothing is cut off mid-PUT. */
  async abandon(reason) {
    this.failure ??= { error: reason };
    await Promise.allSettled(this.staged);
  }
  /** Runs `fn` for each repository in tag order, one after another, so a later repository can mount from an earlier one. */
  async eachRepository(fn) {
    for (const t of this.targets) await fn(await this.opts.client(t.registry), t);
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
  /** Whether the repository holds the blob (HEAD), asked once whether probe() or the upload asks first. */
  hasBlob(client, t, digest) {
    return this.ask(
      `blob ${t.registry}/${t.repository}|${digest}`,
      async () => (await client).blobExists(t.repository, digest)
    );
  }
  /** The digest the repository holds at `ref` (HEAD), asked once whether probe() or the manifest push asks first. */
  manifestAt(client, t, ref, m) {
    return this.ask(
      `manifest ${t.registry}/${t.repository}|${ref}`,
      async () => (await client).manifestDigest(t.repository, ref, [m.mediaType])
    );
  }
  async pushBlob(client, t, b) {
    const key = `${t.registry}|${b.digest}`;
    if (await this.hasBlob(client, t, b.digest)) {
      this.counts.present++;
      this.holders.set(key, t.repository);
      return;
    }
    const from = this.holders.get(key);
    let session;
    if (from && from !== t.repository) {
      const mounted = await client.mountBlob(t.repository, b.digest, from);
      if (mounted === true) {
        this.counts.mounted++;
        return;
      }
      session = mounted;
    }
    await client.uploadBlob(t.repository, { digest: b.digest, size: b.size, open: () => this.opts.open(b) }, session);
    this.counts.uploaded++;
    this.counts.bytes += b.size;
    this.holders.set(key, t.repository);
  }
  /** An image's blobs, then its manifest by digest, in every repository; each blob at most once per repository. */
  async pushImage(img) {
    const blobs = [...img.layers, img.config];
    await this.eachRepository(
      (client, t) => Promise.all(
        blobs.map(
          (b) => this.once(
            this.started,
            `${t.registry}/${t.repository}|${b.digest}`,
            () => this.pushBlob(client, t, b),
            this.slot
          )
        )
      ).then(() => void 0)
    );
    await this.eachRepository((client, t) => this.putManifest(client, t, img.manifest.digest, img.manifest));
  }
  /**
   * PUTs a manifest unless a HEAD shows the registry already holds exactly it at `ref`, as go-containerregistry's
   * remote.Write does: an unchanged rerun then writes nothing, and a tag that already points at it is left alone.
   */
  putManifest(client, t, ref, m) {
    return this.once(this.putting, `${t.registry}/${t.repository}|${ref}|${m.digest}`, async () => {
      if (await this.manifestAt(client, t, ref, m) === m.digest) {
        this.counts.manifestsPresent++;
        return;
      }
      await client.putManifest(t.repository, ref, m.mediaType, m.data, m.digest);
      this.counts.manifests++;
    });
  }
};

// src/publish/open.ts
function registryPublisher(settings, { transport, client }) {
  return new RegistryPublisher({
    tags: settings.tags,
    pushByDigest: settings.pushByDigest,
    client,
    open: (b) => "path" in b ? createReadStream(b.path) : Readable.from([Buffer.from(b.data)], { objectMode: false }),
    retries: () => transport.stats.retries
  });
}
function openPublishers(settings, layout, deps) {
  const registry = settings.push ? registryPublisher(settings, connectRegistries(settings, deps)) : void 0;
  const all = new MultiPublisher([
    new LayoutPublisher(layout.dir, layout.annotations),
    ...registry ? [registry] : []
  ]);
  return { all, registry };
}

// src/report/model.ts
function platformRow(t, published) {
  const status = !t.obtained ? "build failed" : t.rejected ? "check failed" : t.image && published ? "ok" : "not built";
  const row2 = { platform: t.platform, status, ...t.binary ? { binary: t.binary } : {} };
  if (status === "ok" && t.image) {
    const [layer] = t.image.layers;
    row2.layer = { digest: layer.digest, size: layer.size };
    row2.manifest = { digest: t.image.manifest.digest, size: t.image.manifest.size };
  }
  return row2;
}
function emptyReport(platforms) {
  return {
    platforms: platforms.map((platform3) => ({ platform: platform3, status: "not built" })),
    refs: [],
    phases: [],
    errors: [],
    warnings: []
  };
}
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

// src/pipeline.ts
function phases(report, deps) {
  return async (name, fn) => {
    const start = performance.now();
    try {
      return await deps.group(name, fn);
    } finally {
      report.phases.push({ name, ms: performance.now() - start });
    }
  };
}
async function runPipeline(inputs, deps) {
  if (inputs.mergeDigests) return runMerge(inputs, deps);
  const report = emptyReport(inputs.platforms.map((p) => p.id));
  const timed = phases(report, deps);
  const run2 = await timed("prepare", () => planRun(inputs, deps));
  report.warnings.push(...run2.setup.warnings);
  report.binariesDir = run2.binaries.dir;
  const checksPassed = barrier(inputs.platforms.length);
  const pushing = inputs.push ? ", upload blobs" : "";
  const abandon = (e) => void run2.publishers.all.abandon(e);
  const targets = await timed(
    `build, check, assemble${pushing} (${inputs.platforms.length} targets, pipelined)`,
    () => settleAll(
      inputs.platforms.map(async (platform3) => {
        const target = await checkedTarget(platform3, inputs, run2, checksPassed);
        if (!target.checked?.passed) return target;
        const image = await assemble(target, inputs, run2);
        run2.publishers.all.probe(image);
        if (await checksPassed.all) run2.publishers.all.stage(image);
        return { ...target, image };
      }),
      abandon
    )
  ).catch(async (e) => {
    await run2.publishers.all.abandon(e);
    throw e;
  });
  const [value, source] = await run2.epoch;
  report.epoch = { value, source };
  const diagnostics = [
    ...await run2.source.explain(targets.map((t) => t.obtained)),
    ...targets.flatMap((t) => t.checked?.diagnostics ?? [])
  ];
  const errors = diagnostics.filter((d) => d.level === "error");
  if (errors.length > 0) {
    await run2.publishers.all.abandon(new Error("a target failed"));
    report.errors.push(...errors.map((d) => d.file ? `${d.file}:${d.startLine}: ${d.message}` : d.message));
    report.platforms = targets.map((t) => platformRow(outcome(t), false));
    return { report, diagnostics };
  }
  const plan = await run2.planner.planned();
  const images = targets.map((t) => t.image);
  const artifact = buildIndex(images, plan.indexAnnotations, plan.manifestDescriptorAnnotations, inputs.mediaTypes);
  let published;
  let error2;
  try {
    published = await timed("publish", async () => (await run2.publishers.all.write(artifact))());
  } catch (e) {
    error2 = e;
  }
  report.platforms = targets.map((t) => platformRow(outcome(t), published !== void 0));
  report.layersFromCache = images.filter((img) => img.layers.every((l) => l.cached)).length;
  if (published) {
    const [layout, registry] = published;
    report.indexDigest = artifact.index.digest;
    report.ociLayout = layout.location;
    report.refs = layout.refs;
    if (registry) Object.assign(report, await pushOutcome(inputs, images, artifact.index.digest, deps.tempRoot));
  }
  if (run2.publishers.registry) report.push = { refs: published?.[1]?.refs ?? [], stats: run2.publishers.registry.stats };
  return { report, diagnostics, error: error2 };
}
async function planRun(inputs, deps) {
  const [setup, toolchains] = await Promise.all([prepare(inputs, deps.env), resolveToolchains(inputs, deps.env)]);
  const epoch = resolveEpoch(inputs, deps.env, deps.exec, setup.workDir);
  const build = {
    pkg: inputs.package,
    ldflags: inputs.ldflags,
    tags: inputs.buildTags,
    goFlags: inputs.goFlags,
    cgo: inputs.cgo,
    env: inputs.env,
    procs: deps.env.GOMAXPROCS ? void 0 : buildProcs(deps.concurrency, inputs.platforms.length),
    gc: deps.env.GOGC || deps.env.GOMEMLIMIT ? void 0 : gcTuning(deps.memory, deps.concurrency)
  };
  const baseEnv = deps.env;
  const source = goSource({
    build,
    concurrency: deps.concurrency,
    context: {
      exec: deps.exec,
      cwd: setup.workDir,
      baseEnv,
      // go's own outputs stay here between runs, so go skips the link when a binary is up to date.
      outDir: join10(deps.tempRoot, "build"),
      ccFor: (p) => toolchains.get(p.id)?.cc
    },
    go: {
      exec: deps.exec,
      cwd: setup.workDir,
      shownDir: relative(setup.workspace, setup.workDir) || ".",
      env: { ...baseEnv, ...buildEnv(build, inputs.platforms[0]) }
    },
    toRepoPath: (f) => relative(setup.workspace, resolve2(setup.workDir, f))
  });
  const runner = {
    serverUrl: deps.env.GITHUB_SERVER_URL,
    repository: deps.env.GITHUB_REPOSITORY,
    sha: deps.env.GITHUB_SHA
  };
  const layout = {
    dir: resolve2(inputs.ociLayout || join10(deps.tempRoot, "oci")),
    annotations: layoutAnnotationsOf(inputs)
  };
  return {
    setup,
    toolchains,
    epoch,
    source,
    planner: planner(inputs, setup, source, epoch, runner),
    binaries: new BinariesDir(join10(deps.tempRoot, "binaries")),
    publishers: openPublishers(inputs, layout, deps),
    layers: deps.layers,
    layerSlot: limiter(deps.concurrency)
  };
}
async function checkedTarget(platform3, inputs, run2, checksPassed) {
  let target;
  try {
    return target = await obtainAndCheck(platform3, inputs, run2);
  } finally {
    checksPassed.arrive(target?.checked?.passed !== void 0);
  }
}
async function obtainAndCheck(platform3, inputs, run2) {
  const obtained = await run2.source.obtain(platform3);
  await run2.binaries.clear(platform3);
  if (!obtained.ok) return { platform: platform3, obtained };
  const plan = await run2.planner.planFrom(obtained.binary);
  const file = await run2.binaries.add(platform3, obtained.binary, plan.binaryName);
  const workspace = run2.setup.workspace;
  const checked = await checkStage(file, platform3, {
    linkage: inputs.linkage,
    binaryPath: plan.binaryPath,
    show: (f) => relative(workspace, f).startsWith("..") ? f : relative(workspace, f),
    toolchain: run2.toolchains.get(platform3.id),
    hash: run2.layers.hash
  });
  return { platform: platform3, obtained, checked };
}
async function assemble(target, inputs, run2) {
  const plan = await run2.planner.planned();
  const [mtime] = await run2.epoch;
  const passed = target.checked?.passed;
  const layer = await run2.layerSlot(() => assembleLayer(passed, plan.binaryPath, run2.setup, mtime, run2.layers));
  return buildImage([layer], { ...plan.image, platform: ociPlatform(target.platform), family: inputs.mediaTypes });
}
function outcome(t) {
  return {
    platform: t.platform.id,
    obtained: t.obtained.ok,
    binary: t.checked?.binary,
    rejected: (t.checked?.diagnostics.length ?? 0) > 0,
    image: t.image
  };
}
async function pushOutcome(inputs, images, indexDigest, tempRoot) {
  const first = inputs.tags[0];
  const digests = Object.fromEntries(images.map((img, i2) => [inputs.platforms[i2].id, img.manifest.digest]));
  if (!inputs.pushByDigest) return { digests, image: `${first.registry}/${first.repository}@${indexDigest}` };
  const dir = resolve2(inputs.digestsDir || join10(tempRoot, "digests"));
  return {
    digests,
    digestsDir: await writeDigestFiles(
      dir,
      images.map((img) => img.manifest.digest)
    ),
    pushByDigest: true,
    image: `${first.registry}/${first.repository}@${images[0].manifest.digest}`
  };
}
async function runMerge(inputs, deps) {
  const report = emptyReport(inputs.platforms.map((p) => p.id));
  await phases(report, deps)("merge", async () => {
    const digests = await readDigestFiles(inputs.mergeDigests);
    const workDir = resolve2(deps.env.GITHUB_WORKSPACE || process.cwd(), inputs.workingDirectory);
    const [epoch, source] = await resolveEpoch(inputs, deps.env, deps.exec, workDir);
    report.epoch = { value: epoch, source };
    const runner = {
      serverUrl: deps.env.GITHUB_SERVER_URL,
      repository: deps.env.GITHUB_REPOSITORY,
      sha: deps.env.GITHUB_SHA
    };
    const plan = makePlan(inputs, { binaryName: "", createdBy: "", epoch, ...runner });
    const [target] = repositories(inputs.tags);
    if (!target) throw new InputError('input "tags": the merge job needs a tag to push the index to');
    const connection = connectRegistries(inputs, deps);
    const registry = registryPublisher(inputs, connection);
    const { index, entries } = await mergeIndex(
      inputs,
      digests,
      await connection.client(target.registry),
      target.repository,
      {
        index: plan.indexAnnotations,
        descriptor: plan.manifestDescriptorAnnotations
      }
    );
    report.platforms = entries.map((e) => ({
      platform: e.platformId,
      status: "ok",
      manifest: { digest: e.manifest.digest, size: e.manifest.size }
    }));
    try {
      await (await registry.write({ images: [], index }))();
    } finally {
      report.push = { refs: inputs.tags.map((t) => t.full), stats: registry.stats };
    }
    report.indexDigest = index.digest;
    report.image = `${target.registry}/${target.repository}@${index.digest}`;
    report.digests = Object.fromEntries(entries.map((e) => [e.platformId, e.manifest.digest]));
  });
  return { report, diagnostics: [] };
}

// src/report/summary.ts
function esc(s) {
  return s.replace(/[&<>]/g, (c3) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c3]).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
var SHOWN_SETTINGS = /^(-buildmode|-tags|-ldflags|-trimpath|CGO_ENABLED|GOOS|GOARCH|GOARM|GOAMD64|GOARM64|GO386|GOPPC64|GORISCV64|GOMIPS|GOMIPS64|vcs|vcs\..*)$/;
var MAX_VALUE = 200;
function linkageCell(p) {
  if (!p.binary) return "\u2014";
  const libs = p.binary.libraries ?? [];
  if (libs.length === 0) return esc(p.binary.linkage);
  const items = libs.map(
    (l) => `\`${esc(l.soname === "(loader)" ? l.path : l.soname)}\` ${humanSize(l.size)} \u2190 \`${esc(l.source)}\``
  );
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
    if (p.binary.interpreter)
      lines.push(
        `  - interpreter \`${esc(p.binary.interpreter)}\`, needs ${p.binary.needed.map((n2) => `\`${esc(n2)}\``).join(", ") || "no library"}`
      );
  }
  lines.push("", "</details>");
  return lines;
}
function renderSummary(r) {
  const ok = r.errors.length === 0;
  const out = [
    `## ${ok ? "\u2705" : "\u274C"} Scratchpack: ${r.platforms.length} platform${r.platforms.length === 1 ? "" : "s"}`,
    ""
  ];
  if (r.platforms.length > 0) {
    out.push(
      "| Platform | Binary | Linkage | Layer (gzip) | Manifest digest |",
      "| --- | --- | --- | --- | --- |",
      ...r.platforms.map(row),
      ""
    );
  }
  if (r.indexDigest) out.push(`**Index digest:** \`${r.indexDigest}\``, "");
  if (r.ociLayout)
    out.push(
      `**OCI layout:** \`${esc(r.ociLayout)}\`${r.refs.length ? ` (${r.refs.map((x) => `\`${esc(x)}\``).join(", ")})` : ""}`,
      ""
    );
  if (r.image) out.push(`**Image:** \`${esc(r.image)}\``, "");
  if (r.push) {
    const s = r.push.stats;
    out.push(`**Pushed:** ${r.push.refs.map((x) => `\`${esc(x)}\``).join(", ") || "nothing"}`, "");
    out.push(
      `**Blobs:** ${s.uploaded} uploaded, ${s.present} already present, ${s.mounted} mounted \xB7 ${humanSize(s.bytes)} sent \xB7 ${s.manifests} manifests put${s.manifestsPresent ? `, ${s.manifestsPresent} already there` : ""} \xB7 ${s.retries} retries`,
      ""
    );
  }
  if (r.epoch) out.push(`**Created:** epoch ${r.epoch.value} (from ${esc(r.epoch.source)})`, "");
  if (r.phases.length > 0) {
    const cache = r.layersFromCache ? ` (${r.layersFromCache} of ${r.platforms.length} layers from the layer cache)` : "";
    out.push(
      `**Time:** ${r.phases.map((p) => `${esc(p.name)} ${(p.ms / 1e3).toFixed(2)} s`).join(" \xB7 ")}${cache}`,
      ""
    );
  }
  if (r.errors.length > 0)
    out.push(
      "### Errors",
      "",
      ...r.errors.slice(0, 50).map((e) => `- ${esc(e.length > 2e3 ? e.slice(0, 2e3) + "\u2026" : e)}`),
      ""
    );
  if (r.warnings.length > 0) out.push("### Warnings", "", ...r.warnings.slice(0, 50).map((w) => `- ${esc(w)}`), "");
  if (r.platforms.some((p) => p.binary?.go)) out.push(...goDetails(r), "");
  return out.join("\n");
}

// node_modules/is-plain-obj/index.js
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return (prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null) && !(Symbol.toStringTag in value) && !(Symbol.iterator in value);
}

// node_modules/execa/lib/arguments/file-url.js
import { fileURLToPath } from "node:url";
var safeNormalizeFileUrl = (file, name) => {
  const fileString = normalizeFileUrl(normalizeDenoExecPath(file));
  if (typeof fileString !== "string") {
    throw new TypeError(`${name} must be a string or a file URL: ${fileString}.`);
  }
  return fileString;
};
var normalizeDenoExecPath = (file) => isDenoExecPath(file) ? file.toString() : file;
var isDenoExecPath = (file) => typeof file !== "string" && file && Object.getPrototypeOf(file) === String.prototype;
var normalizeFileUrl = (file) => file instanceof URL ? fileURLToPath(file) : file;

// node_modules/execa/lib/methods/parameters.js
var normalizeParameters = (rawFile, rawArguments = [], rawOptions = {}) => {
  const filePath = safeNormalizeFileUrl(rawFile, "First argument");
  const [commandArguments, options] = isPlainObject(rawArguments) ? [[], rawArguments] : [rawArguments, rawOptions];
  if (!Array.isArray(commandArguments)) {
    throw new TypeError(`Second argument must be either an array of arguments or an options object: ${commandArguments}`);
  }
  if (commandArguments.some((commandArgument) => typeof commandArgument === "object" && commandArgument !== null)) {
    throw new TypeError(`Second argument must be an array of strings: ${commandArguments}`);
  }
  const normalizedArguments = commandArguments.map(String);
  const nullByteArgument = normalizedArguments.find((normalizedArgument) => normalizedArgument.includes("\0"));
  if (nullByteArgument !== void 0) {
    throw new TypeError(`Arguments cannot contain null bytes ("\\0"): ${nullByteArgument}`);
  }
  if (!isPlainObject(options)) {
    throw new TypeError(`Last argument must be an options object: ${options}`);
  }
  return [filePath, normalizedArguments, options];
};

// node_modules/execa/lib/methods/template.js
import { ChildProcess } from "node:child_process";

// node_modules/execa/lib/utils/uint-array.js
import { StringDecoder } from "node:string_decoder";
var { toString: objectToString } = Object.prototype;
var isArrayBuffer = (value) => objectToString.call(value) === "[object ArrayBuffer]";
var isUint8Array = (value) => objectToString.call(value) === "[object Uint8Array]";
var bufferToUint8Array = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
var textEncoder = new TextEncoder();
var stringToUint8Array = (string) => textEncoder.encode(string);
var textDecoder = new TextDecoder();
var uint8ArrayToString = (uint8Array) => textDecoder.decode(uint8Array);
var joinToString = (uint8ArraysOrStrings, encoding) => {
  const strings = uint8ArraysToStrings(uint8ArraysOrStrings, encoding);
  return strings.join("");
};
var uint8ArraysToStrings = (uint8ArraysOrStrings, encoding) => {
  if (encoding === "utf8" && uint8ArraysOrStrings.every((uint8ArrayOrString) => typeof uint8ArrayOrString === "string")) {
    return uint8ArraysOrStrings;
  }
  const decoder = new StringDecoder(encoding);
  const strings = uint8ArraysOrStrings.map((uint8ArrayOrString) => typeof uint8ArrayOrString === "string" ? stringToUint8Array(uint8ArrayOrString) : uint8ArrayOrString).map((uint8Array) => decoder.write(uint8Array));
  const finalString = decoder.end();
  return finalString === "" ? strings : [...strings, finalString];
};
var joinToUint8Array = (uint8ArraysOrStrings) => {
  if (uint8ArraysOrStrings.length === 1 && isUint8Array(uint8ArraysOrStrings[0])) {
    return uint8ArraysOrStrings[0];
  }
  return concatUint8Arrays(stringsToUint8Arrays(uint8ArraysOrStrings));
};
var stringsToUint8Arrays = (uint8ArraysOrStrings) => uint8ArraysOrStrings.map((uint8ArrayOrString) => typeof uint8ArrayOrString === "string" ? stringToUint8Array(uint8ArrayOrString) : uint8ArrayOrString);
var concatUint8Arrays = (uint8Arrays) => {
  const result = new Uint8Array(getJoinLength(uint8Arrays));
  let index = 0;
  for (const uint8Array of uint8Arrays) {
    result.set(uint8Array, index);
    index += uint8Array.length;
  }
  return result;
};
var getJoinLength = (uint8Arrays) => {
  let joinLength = 0;
  for (const uint8Array of uint8Arrays) {
    joinLength += uint8Array.length;
  }
  return joinLength;
};

// node_modules/execa/lib/methods/template.js
var isTemplateString = (templates) => Array.isArray(templates) && Array.isArray(templates.raw);
var parseTemplates = (templates, expressions) => {
  let tokens = [];
  for (const [index, template] of templates.entries()) {
    tokens = parseTemplate({
      templates,
      expressions,
      tokens,
      index,
      template
    });
  }
  if (tokens.length === 0) {
    throw new TypeError("Template script must not be empty");
  }
  const [file, ...commandArguments] = tokens;
  return [file, commandArguments, {}];
};
var parseTemplate = ({ templates, expressions, tokens, index, template }) => {
  if (template === void 0) {
    throw new TypeError(`Invalid backslash sequence: ${templates.raw[index]}`);
  }
  const { nextTokens, leadingWhitespaces, trailingWhitespaces } = splitByWhitespaces(template, templates.raw[index]);
  const newTokens = concatTokens(tokens, nextTokens, leadingWhitespaces);
  if (index === expressions.length) {
    return newTokens;
  }
  const expression = expressions[index];
  const expressionTokens = Array.isArray(expression) ? expression.map((expression2) => parseExpression(expression2)) : [parseExpression(expression)];
  return concatTokens(newTokens, expressionTokens, trailingWhitespaces);
};
var splitByWhitespaces = (template, rawTemplate) => {
  if (rawTemplate.length === 0) {
    return { nextTokens: [], leadingWhitespaces: false, trailingWhitespaces: false };
  }
  const nextTokens = [];
  let templateStart = 0;
  const leadingWhitespaces = DELIMITERS.has(rawTemplate[0]);
  for (let templateIndex = 0, rawIndex = 0; templateIndex < template.length; templateIndex += 1, rawIndex += 1) {
    const rawCharacter = rawTemplate[rawIndex];
    if (DELIMITERS.has(rawCharacter)) {
      if (templateStart !== templateIndex) {
        nextTokens.push(template.slice(templateStart, templateIndex));
      }
      templateStart = templateIndex + 1;
    } else if (rawCharacter === "\\") {
      const nextRawCharacter = rawTemplate[rawIndex + 1];
      if (nextRawCharacter === "\n") {
        templateIndex -= 1;
        rawIndex += 1;
      } else if (nextRawCharacter === "u" && rawTemplate[rawIndex + 2] === "{") {
        rawIndex = rawTemplate.indexOf("}", rawIndex + 3);
      } else {
        rawIndex += ESCAPE_LENGTH[nextRawCharacter] ?? 1;
      }
    }
  }
  const trailingWhitespaces = templateStart === template.length;
  if (!trailingWhitespaces) {
    nextTokens.push(template.slice(templateStart));
  }
  return { nextTokens, leadingWhitespaces, trailingWhitespaces };
};
var DELIMITERS = /* @__PURE__ */ new Set([" ", "	", "\r", "\n"]);
var ESCAPE_LENGTH = { x: 3, u: 5 };
var concatTokens = (tokens, nextTokens, isSeparated) => isSeparated || tokens.length === 0 || nextTokens.length === 0 ? [...tokens, ...nextTokens] : [
  ...tokens.slice(0, -1),
  `${tokens.at(-1)}${nextTokens[0]}`,
  ...nextTokens.slice(1)
];
var parseExpression = (expression) => {
  const typeOfExpression = typeof expression;
  if (typeOfExpression === "string") {
    return expression;
  }
  if (typeOfExpression === "number") {
    return String(expression);
  }
  if (isPlainObject(expression) && ("stdout" in expression || "isMaxBuffer" in expression)) {
    return getSubprocessResult(expression);
  }
  if (expression instanceof ChildProcess || Object.prototype.toString.call(expression) === "[object Promise]") {
    throw new TypeError("Unexpected subprocess in template expression. Please use ${await subprocess} instead of ${subprocess}.");
  }
  throw new TypeError(`Unexpected "${typeOfExpression}" in template expression`);
};
var getSubprocessResult = ({ stdout }) => {
  if (typeof stdout === "string") {
    return stdout;
  }
  if (isUint8Array(stdout)) {
    return uint8ArrayToString(stdout);
  }
  if (stdout === void 0) {
    throw new TypeError(`Missing result.stdout in template expression. This is probably due to the previous subprocess' "stdout" option.`);
  }
  throw new TypeError(`Unexpected "${typeof stdout}" stdout in template expression`);
};

// node_modules/execa/lib/methods/main-sync.js
import { spawnSync } from "node:child_process";

// node_modules/execa/lib/arguments/specific.js
import { debuglog } from "node:util";

// node_modules/execa/lib/utils/standard-stream.js
import process2 from "node:process";
var isStandardStream = (stream) => STANDARD_STREAMS.includes(stream);
var STANDARD_STREAMS = [process2.stdin, process2.stdout, process2.stderr];
var STANDARD_STREAMS_ALIASES = ["stdin", "stdout", "stderr"];
var getStreamName = (fdNumber) => STANDARD_STREAMS_ALIASES[fdNumber] ?? `stdio[${fdNumber}]`;

// node_modules/execa/lib/arguments/specific.js
var normalizeFdSpecificOptions = (options) => {
  const optionsCopy = { ...options };
  for (const optionName of FD_SPECIFIC_OPTIONS) {
    optionsCopy[optionName] = normalizeFdSpecificOption(options, optionName);
  }
  return optionsCopy;
};
var normalizeFdSpecificOption = (options, optionName) => {
  const optionBaseArray = Array.from({ length: getStdioLength(options) + 1 });
  const optionArray = normalizeFdSpecificValue(options[optionName], optionBaseArray, optionName);
  return addDefaultValue(optionArray, optionName);
};
var getStdioLength = ({ stdio }) => Array.isArray(stdio) ? Math.max(stdio.length, STANDARD_STREAMS_ALIASES.length) : STANDARD_STREAMS_ALIASES.length;
var normalizeFdSpecificValue = (optionValue, optionArray, optionName) => isPlainObject(optionValue) ? normalizeOptionObject(optionValue, optionArray, optionName) : optionArray.fill(optionValue);
var normalizeOptionObject = (optionValue, optionArray, optionName) => {
  for (const fdName of Object.keys(optionValue).sort(compareFdName)) {
    for (const fdNumber of parseFdName(fdName, optionName, optionArray)) {
      optionArray[fdNumber] = optionValue[fdName];
    }
  }
  return optionArray;
};
var compareFdName = (fdNameA, fdNameB) => getFdNameOrder(fdNameA) < getFdNameOrder(fdNameB) ? 1 : -1;
var getFdNameOrder = (fdName) => {
  if (fdName === "stdout" || fdName === "stderr") {
    return 0;
  }
  return fdName === "all" ? 2 : 1;
};
var parseFdName = (fdName, optionName, optionArray) => {
  if (fdName === "ipc") {
    return [optionArray.length - 1];
  }
  const fdNumber = parseFd(fdName);
  if (fdNumber === void 0 || fdNumber === 0) {
    throw new TypeError(`"${optionName}.${fdName}" is invalid.
It must be "${optionName}.stdout", "${optionName}.stderr", "${optionName}.all", "${optionName}.ipc", or "${optionName}.fd3", "${optionName}.fd4" (and so on).`);
  }
  if (fdNumber >= optionArray.length) {
    throw new TypeError(`"${optionName}.${fdName}" is invalid: that file descriptor does not exist.
Please set the "stdio" option to ensure that file descriptor exists.`);
  }
  return fdNumber === "all" ? [1, 2] : [fdNumber];
};
var parseFd = (fdName) => {
  if (fdName === "all") {
    return fdName;
  }
  if (STANDARD_STREAMS_ALIASES.includes(fdName)) {
    return STANDARD_STREAMS_ALIASES.indexOf(fdName);
  }
  const regexpResult = FD_REGEXP.exec(fdName);
  if (regexpResult !== null) {
    return Number(regexpResult[1]);
  }
};
var FD_REGEXP = /^fd(\d+)$/;
var addDefaultValue = (optionArray, optionName) => optionArray.map((optionValue) => optionValue === void 0 ? DEFAULT_OPTIONS[optionName] : optionValue);
var verboseDefault = debuglog("execa").enabled ? "full" : "none";
var DEFAULT_OPTIONS = {
  lines: false,
  buffer: true,
  maxBuffer: 1e3 * 1e3 * 100,
  verbose: verboseDefault,
  stripFinalNewline: true
};
var FD_SPECIFIC_OPTIONS = ["lines", "buffer", "maxBuffer", "verbose", "stripFinalNewline"];
var getFdSpecificValue = (optionArray, fdNumber) => fdNumber === "ipc" ? optionArray.at(-1) : optionArray[fdNumber];

// node_modules/execa/lib/verbose/values.js
var isVerbose = ({ verbose }, fdNumber) => getFdVerbose(verbose, fdNumber) !== "none";
var isFullVerbose = ({ verbose }, fdNumber) => !["none", "short"].includes(getFdVerbose(verbose, fdNumber));
var getVerboseFunction = ({ verbose }, fdNumber) => {
  const fdVerbose = getFdVerbose(verbose, fdNumber);
  return isVerboseFunction(fdVerbose) ? fdVerbose : void 0;
};
var getFdVerbose = (verbose, fdNumber) => fdNumber === void 0 ? getFdGenericVerbose(verbose) : getFdSpecificValue(verbose, fdNumber);
var getFdGenericVerbose = (verbose) => verbose.find((fdVerbose) => isVerboseFunction(fdVerbose)) ?? VERBOSE_VALUES.findLast((fdVerbose) => verbose.includes(fdVerbose));
var isVerboseFunction = (fdVerbose) => typeof fdVerbose === "function";
var VERBOSE_VALUES = ["none", "short", "full"];

// node_modules/execa/lib/verbose/log.js
import { inspect } from "node:util";

// node_modules/execa/lib/arguments/escape.js
import { platform as platform2 } from "node:process";
import { stripVTControlCharacters } from "node:util";
var joinCommand = (filePath, rawArguments) => {
  const fileAndArguments = [filePath, ...rawArguments];
  const command = fileAndArguments.join(" ");
  const escapedCommand = fileAndArguments.map((fileAndArgument) => quoteString(escapeControlCharacters(fileAndArgument))).join(" ");
  return { command, escapedCommand };
};
var escapeLines = (lines) => stripVTControlCharacters(lines).split("\n").map((line) => escapeControlCharacters(line)).join("\n");
var escapeControlCharacters = (line) => line.replaceAll(SPECIAL_CHAR_REGEXP, (character) => escapeControlCharacter(character));
var escapeControlCharacter = (character) => {
  const commonEscape = COMMON_ESCAPES[character];
  if (commonEscape !== void 0) {
    return commonEscape;
  }
  const codepoint = character.codePointAt(0);
  const codepointHex = codepoint.toString(16);
  return codepoint <= ASTRAL_START ? `\\u${codepointHex.padStart(4, "0")}` : `\\U${codepointHex}`;
};
var getSpecialCharRegExp = () => {
  try {
    return new RegExp("\\p{Separator}|\\p{Other}", "gu");
  } catch {
    return /[\s\u0000-\u001F\u007F-\u009F\u00AD]/g;
  }
};
var SPECIAL_CHAR_REGEXP = getSpecialCharRegExp();
var COMMON_ESCAPES = {
  " ": " ",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t"
};
var ASTRAL_START = 65535;
var quoteString = (escapedArgument) => {
  if (NO_ESCAPE_REGEXP.test(escapedArgument)) {
    return escapedArgument;
  }
  return platform2 === "win32" ? `"${escapedArgument.replaceAll('"', '""')}"` : `'${escapedArgument.replaceAll("'", "'\\''")}'`;
};
var NO_ESCAPE_REGEXP = /^[\w./-]+$/;

// node_modules/is-unicode-supported/index.js
import process3 from "node:process";
function isUnicodeSupported() {
  const { env } = process3;
  const { TERM, TERM_PROGRAM } = env;
  if (process3.platform !== "win32") {
    return TERM !== "linux";
  }
  return Boolean(env.WT_SESSION) || Boolean(env.TERMINUS_SUBLIME) || env.ConEmuTask === "{cmd::Cmder}" || TERM_PROGRAM === "Terminus-Sublime" || TERM_PROGRAM === "vscode" || TERM === "xterm-256color" || TERM === "alacritty" || TERM === "rxvt-unicode" || TERM === "rxvt-unicode-256color" || env.TERMINAL_EMULATOR === "JetBrains-JediTerm";
}

// node_modules/figures/index.js
var common = {
  circleQuestionMark: "(?)",
  questionMarkPrefix: "(?)",
  square: "\u2588",
  squareDarkShade: "\u2593",
  squareMediumShade: "\u2592",
  squareLightShade: "\u2591",
  squareTop: "\u2580",
  squareBottom: "\u2584",
  squareLeft: "\u258C",
  squareRight: "\u2590",
  squareCenter: "\u25A0",
  bullet: "\u25CF",
  dot: "\u2024",
  ellipsis: "\u2026",
  pointerSmall: "\u203A",
  triangleUp: "\u25B2",
  triangleUpSmall: "\u25B4",
  triangleDown: "\u25BC",
  triangleDownSmall: "\u25BE",
  triangleLeftSmall: "\u25C2",
  triangleRightSmall: "\u25B8",
  home: "\u2302",
  heart: "\u2665",
  musicNote: "\u266A",
  musicNoteBeamed: "\u266B",
  arrowUp: "\u2191",
  arrowDown: "\u2193",
  arrowLeft: "\u2190",
  arrowRight: "\u2192",
  arrowLeftRight: "\u2194",
  arrowUpDown: "\u2195",
  almostEqual: "\u2248",
  notEqual: "\u2260",
  lessOrEqual: "\u2264",
  greaterOrEqual: "\u2265",
  identical: "\u2261",
  infinity: "\u221E",
  subscriptZero: "\u2080",
  subscriptOne: "\u2081",
  subscriptTwo: "\u2082",
  subscriptThree: "\u2083",
  subscriptFour: "\u2084",
  subscriptFive: "\u2085",
  subscriptSix: "\u2086",
  subscriptSeven: "\u2087",
  subscriptEight: "\u2088",
  subscriptNine: "\u2089",
  oneHalf: "\xBD",
  oneThird: "\u2153",
  oneQuarter: "\xBC",
  oneFifth: "\u2155",
  oneSixth: "\u2159",
  oneEighth: "\u215B",
  twoThirds: "\u2154",
  twoFifths: "\u2156",
  threeQuarters: "\xBE",
  threeFifths: "\u2157",
  threeEighths: "\u215C",
  fourFifths: "\u2158",
  fiveSixths: "\u215A",
  fiveEighths: "\u215D",
  sevenEighths: "\u215E",
  line: "\u2500",
  lineBold: "\u2501",
  lineDouble: "\u2550",
  lineDashed0: "\u2504",
  lineDashed1: "\u2505",
  lineDashed2: "\u2508",
  lineDashed3: "\u2509",
  lineDashed4: "\u254C",
  lineDashed5: "\u254D",
  lineDashed6: "\u2574",
  lineDashed7: "\u2576",
  lineDashed8: "\u2578",
  lineDashed9: "\u257A",
  lineDashed10: "\u257C",
  lineDashed11: "\u257E",
  lineDashed12: "\u2212",
  lineDashed13: "\u2013",
  lineDashed14: "\u2010",
  lineDashed15: "\u2043",
  lineVertical: "\u2502",
  lineVerticalBold: "\u2503",
  lineVerticalDouble: "\u2551",
  lineVerticalDashed0: "\u2506",
  lineVerticalDashed1: "\u2507",
  lineVerticalDashed2: "\u250A",
  lineVerticalDashed3: "\u250B",
  lineVerticalDashed4: "\u254E",
  lineVerticalDashed5: "\u254F",
  lineVerticalDashed6: "\u2575",
  lineVerticalDashed7: "\u2577",
  lineVerticalDashed8: "\u2579",
  lineVerticalDashed9: "\u257B",
  lineVerticalDashed10: "\u257D",
  lineVerticalDashed11: "\u257F",
  lineDownLeft: "\u2510",
  lineDownLeftArc: "\u256E",
  lineDownBoldLeftBold: "\u2513",
  lineDownBoldLeft: "\u2512",
  lineDownLeftBold: "\u2511",
  lineDownDoubleLeftDouble: "\u2557",
  lineDownDoubleLeft: "\u2556",
  lineDownLeftDouble: "\u2555",
  lineDownRight: "\u250C",
  lineDownRightArc: "\u256D",
  lineDownBoldRightBold: "\u250F",
  lineDownBoldRight: "\u250E",
  lineDownRightBold: "\u250D",
  lineDownDoubleRightDouble: "\u2554",
  lineDownDoubleRight: "\u2553",
  lineDownRightDouble: "\u2552",
  lineUpLeft: "\u2518",
  lineUpLeftArc: "\u256F",
  lineUpBoldLeftBold: "\u251B",
  lineUpBoldLeft: "\u251A",
  lineUpLeftBold: "\u2519",
  lineUpDoubleLeftDouble: "\u255D",
  lineUpDoubleLeft: "\u255C",
  lineUpLeftDouble: "\u255B",
  lineUpRight: "\u2514",
  lineUpRightArc: "\u2570",
  lineUpBoldRightBold: "\u2517",
  lineUpBoldRight: "\u2516",
  lineUpRightBold: "\u2515",
  lineUpDoubleRightDouble: "\u255A",
  lineUpDoubleRight: "\u2559",
  lineUpRightDouble: "\u2558",
  lineUpDownLeft: "\u2524",
  lineUpBoldDownBoldLeftBold: "\u252B",
  lineUpBoldDownBoldLeft: "\u2528",
  lineUpDownLeftBold: "\u2525",
  lineUpBoldDownLeftBold: "\u2529",
  lineUpDownBoldLeftBold: "\u252A",
  lineUpDownBoldLeft: "\u2527",
  lineUpBoldDownLeft: "\u2526",
  lineUpDoubleDownDoubleLeftDouble: "\u2563",
  lineUpDoubleDownDoubleLeft: "\u2562",
  lineUpDownLeftDouble: "\u2561",
  lineUpDownRight: "\u251C",
  lineUpBoldDownBoldRightBold: "\u2523",
  lineUpBoldDownBoldRight: "\u2520",
  lineUpDownRightBold: "\u251D",
  lineUpBoldDownRightBold: "\u2521",
  lineUpDownBoldRightBold: "\u2522",
  lineUpDownBoldRight: "\u251F",
  lineUpBoldDownRight: "\u251E",
  lineUpDoubleDownDoubleRightDouble: "\u2560",
  lineUpDoubleDownDoubleRight: "\u255F",
  lineUpDownRightDouble: "\u255E",
  lineDownLeftRight: "\u252C",
  lineDownBoldLeftBoldRightBold: "\u2533",
  lineDownLeftBoldRightBold: "\u252F",
  lineDownBoldLeftRight: "\u2530",
  lineDownBoldLeftBoldRight: "\u2531",
  lineDownBoldLeftRightBold: "\u2532",
  lineDownLeftRightBold: "\u252E",
  lineDownLeftBoldRight: "\u252D",
  lineDownDoubleLeftDoubleRightDouble: "\u2566",
  lineDownDoubleLeftRight: "\u2565",
  lineDownLeftDoubleRightDouble: "\u2564",
  lineUpLeftRight: "\u2534",
  lineUpBoldLeftBoldRightBold: "\u253B",
  lineUpLeftBoldRightBold: "\u2537",
  lineUpBoldLeftRight: "\u2538",
  lineUpBoldLeftBoldRight: "\u2539",
  lineUpBoldLeftRightBold: "\u253A",
  lineUpLeftRightBold: "\u2536",
  lineUpLeftBoldRight: "\u2535",
  lineUpDoubleLeftDoubleRightDouble: "\u2569",
  lineUpDoubleLeftRight: "\u2568",
  lineUpLeftDoubleRightDouble: "\u2567",
  lineUpDownLeftRight: "\u253C",
  lineUpBoldDownBoldLeftBoldRightBold: "\u254B",
  lineUpDownBoldLeftBoldRightBold: "\u2548",
  lineUpBoldDownLeftBoldRightBold: "\u2547",
  lineUpBoldDownBoldLeftRightBold: "\u254A",
  lineUpBoldDownBoldLeftBoldRight: "\u2549",
  lineUpBoldDownLeftRight: "\u2540",
  lineUpDownBoldLeftRight: "\u2541",
  lineUpDownLeftBoldRight: "\u253D",
  lineUpDownLeftRightBold: "\u253E",
  lineUpBoldDownBoldLeftRight: "\u2542",
  lineUpDownLeftBoldRightBold: "\u253F",
  lineUpBoldDownLeftBoldRight: "\u2543",
  lineUpBoldDownLeftRightBold: "\u2544",
  lineUpDownBoldLeftBoldRight: "\u2545",
  lineUpDownBoldLeftRightBold: "\u2546",
  lineUpDoubleDownDoubleLeftDoubleRightDouble: "\u256C",
  lineUpDoubleDownDoubleLeftRight: "\u256B",
  lineUpDownLeftDoubleRightDouble: "\u256A",
  lineCross: "\u2573",
  lineBackslash: "\u2572",
  lineSlash: "\u2571"
};
var specialMainSymbols = {
  tick: "\u2714",
  info: "\u2139",
  warning: "\u26A0",
  cross: "\u2718",
  squareSmall: "\u25FB",
  squareSmallFilled: "\u25FC",
  circle: "\u25EF",
  circleFilled: "\u25C9",
  circleDotted: "\u25CC",
  circleDouble: "\u25CE",
  circleCircle: "\u24DE",
  circleCross: "\u24E7",
  circlePipe: "\u24BE",
  radioOn: "\u25C9",
  radioOff: "\u25EF",
  checkboxOn: "\u2612",
  checkboxOff: "\u2610",
  checkboxCircleOn: "\u24E7",
  checkboxCircleOff: "\u24BE",
  pointer: "\u276F",
  triangleUpOutline: "\u25B3",
  triangleLeft: "\u25C0",
  triangleRight: "\u25B6",
  lozenge: "\u25C6",
  lozengeOutline: "\u25C7",
  hamburger: "\u2630",
  smiley: "\u32E1",
  mustache: "\u0DF4",
  star: "\u2605",
  play: "\u25B6",
  nodejs: "\u2B22",
  oneSeventh: "\u2150",
  oneNinth: "\u2151",
  oneTenth: "\u2152"
};
var specialFallbackSymbols = {
  tick: "\u221A",
  info: "i",
  warning: "\u203C",
  cross: "\xD7",
  squareSmall: "\u25A1",
  squareSmallFilled: "\u25A0",
  circle: "( )",
  circleFilled: "(*)",
  circleDotted: "( )",
  circleDouble: "( )",
  circleCircle: "(\u25CB)",
  circleCross: "(\xD7)",
  circlePipe: "(\u2502)",
  radioOn: "(*)",
  radioOff: "( )",
  checkboxOn: "[\xD7]",
  checkboxOff: "[ ]",
  checkboxCircleOn: "(\xD7)",
  checkboxCircleOff: "( )",
  pointer: ">",
  triangleUpOutline: "\u2206",
  triangleLeft: "\u25C4",
  triangleRight: "\u25BA",
  lozenge: "\u2666",
  lozengeOutline: "\u25CA",
  hamburger: "\u2261",
  smiley: "\u263A",
  mustache: "\u250C\u2500\u2510",
  star: "\u2736",
  play: "\u25BA",
  nodejs: "\u2666",
  oneSeventh: "1/7",
  oneNinth: "1/9",
  oneTenth: "1/10"
};
var mainSymbols = { ...common, ...specialMainSymbols };
var fallbackSymbols = { ...common, ...specialFallbackSymbols };
var shouldUseMain = isUnicodeSupported();
var figures = shouldUseMain ? mainSymbols : fallbackSymbols;
var figures_default = figures;
var replacements = Object.entries(specialMainSymbols);

// node_modules/yoctocolors/base.js
import tty from "node:tty";
var hasColors = tty?.WriteStream?.prototype?.hasColors?.() ?? false;
var format = (open4, close) => {
  if (!hasColors) {
    return (input) => input;
  }
  const openCode = `\x1B[${open4}m`;
  const closeCode = `\x1B[${close}m`;
  return (input) => {
    const string = input + "";
    let index = string.indexOf(closeCode);
    if (index === -1) {
      return openCode + string + closeCode;
    }
    let result = openCode;
    let lastIndex = 0;
    const reopenOnNestedClose = close === 22;
    const replaceCode = (reopenOnNestedClose ? closeCode : "") + openCode;
    while (index !== -1) {
      result += string.slice(lastIndex, index) + replaceCode;
      lastIndex = index + closeCode.length;
      index = string.indexOf(closeCode, lastIndex);
    }
    result += string.slice(lastIndex) + closeCode;
    return result;
  };
};
var reset = format(0, 0);
var bold = format(1, 22);
var dim = format(2, 22);
var italic = format(3, 23);
var underline = format(4, 24);
var underlineDouble = format("4:2", 24);
var underlineCurly = format("4:3", 24);
var underlineDotted = format("4:4", 24);
var underlineDashed = format("4:5", 24);
var overline = format(53, 55);
var inverse = format(7, 27);
var hidden = format(8, 28);
var strikethrough = format(9, 29);
var black = format(30, 39);
var red = format(31, 39);
var green = format(32, 39);
var yellow = format(33, 39);
var blue = format(34, 39);
var magenta = format(35, 39);
var cyan = format(36, 39);
var white = format(37, 39);
var gray = format(90, 39);
var bgBlack = format(40, 49);
var bgRed = format(41, 49);
var bgGreen = format(42, 49);
var bgYellow = format(43, 49);
var bgBlue = format(44, 49);
var bgMagenta = format(45, 49);
var bgCyan = format(46, 49);
var bgWhite = format(47, 49);
var bgGray = format(100, 49);
var redBright = format(91, 39);
var greenBright = format(92, 39);
var yellowBright = format(93, 39);
var blueBright = format(94, 39);
var magentaBright = format(95, 39);
var cyanBright = format(96, 39);
var whiteBright = format(97, 39);
var bgRedBright = format(101, 49);
var bgGreenBright = format(102, 49);
var bgYellowBright = format(103, 49);
var bgBlueBright = format(104, 49);
var bgMagentaBright = format(105, 49);
var bgCyanBright = format(106, 49);
var bgWhiteBright = format(107, 49);
var underlineBlack = format("58;5;0", 59);
var underlineRed = format("58;5;1", 59);
var underlineGreen = format("58;5;2", 59);
var underlineYellow = format("58;5;3", 59);
var underlineBlue = format("58;5;4", 59);
var underlineMagenta = format("58;5;5", 59);
var underlineCyan = format("58;5;6", 59);
var underlineWhite = format("58;5;7", 59);
var underlineGray = format("58;5;8", 59);
var underlineRedBright = format("58;5;9", 59);
var underlineGreenBright = format("58;5;10", 59);
var underlineYellowBright = format("58;5;11", 59);
var underlineBlueBright = format("58;5;12", 59);
var underlineMagentaBright = format("58;5;13", 59);
var underlineCyanBright = format("58;5;14", 59);
var underlineWhiteBright = format("58;5;15", 59);

// node_modules/execa/lib/verbose/default.js
var defaultVerboseFunction = ({
  type,
  message,
  timestamp,
  piped,
  commandId,
  result: { failed = false } = {},
  options: { reject = true }
}) => {
  const timestampString = serializeTimestamp(timestamp);
  const icon = ICONS[type]({ failed, reject, piped });
  const color = COLORS[type]({ reject });
  return `${gray(`[${timestampString}]`)} ${gray(`[${commandId}]`)} ${color(icon)} ${color(message)}`;
};
var serializeTimestamp = (timestamp) => `${padField(timestamp.getHours(), 2)}:${padField(timestamp.getMinutes(), 2)}:${padField(timestamp.getSeconds(), 2)}.${padField(timestamp.getMilliseconds(), 3)}`;
var padField = (field2, padding) => String(field2).padStart(padding, "0");
var getFinalIcon = ({ failed, reject }) => {
  if (!failed) {
    return figures_default.tick;
  }
  return reject ? figures_default.cross : figures_default.warning;
};
var ICONS = {
  command: ({ piped }) => piped ? "|" : "$",
  output: () => " ",
  ipc: () => "*",
  error: getFinalIcon,
  duration: getFinalIcon
};
var identity = (string) => string;
var COLORS = {
  command: () => bold,
  output: () => identity,
  ipc: () => identity,
  error: ({ reject }) => reject ? redBright : yellowBright,
  duration: () => gray
};

// node_modules/execa/lib/verbose/custom.js
var applyVerboseOnLines = (printedLines, verboseInfo, fdNumber) => {
  const verboseFunction = getVerboseFunction(verboseInfo, fdNumber);
  return printedLines.map(({ verboseLine, verboseObject }) => applyVerboseFunction(verboseLine, verboseObject, verboseFunction)).filter((printedLine) => printedLine !== void 0).map((printedLine) => appendNewline(printedLine)).join("");
};
var applyVerboseFunction = (verboseLine, verboseObject, verboseFunction) => {
  if (verboseFunction === void 0) {
    return verboseLine;
  }
  const printedLine = verboseFunction(verboseLine, verboseObject);
  if (typeof printedLine === "string") {
    return printedLine;
  }
};
var appendNewline = (printedLine) => printedLine.endsWith("\n") ? printedLine : `${printedLine}
`;

// node_modules/execa/lib/verbose/log.js
var verboseLog = ({ type, verboseMessage, fdNumber, verboseInfo, result }) => {
  const verboseObject = getVerboseObject({ type, result, verboseInfo });
  const printedLines = getPrintedLines(verboseMessage, verboseObject);
  const finalLines = applyVerboseOnLines(printedLines, verboseInfo, fdNumber);
  if (finalLines !== "") {
    console.warn(finalLines.slice(0, -1));
  }
};
var getVerboseObject = ({
  type,
  result,
  verboseInfo: { escapedCommand, commandId, rawOptions: { piped = false, ...options } }
}) => ({
  type,
  escapedCommand,
  commandId: `${commandId}`,
  timestamp: /* @__PURE__ */ new Date(),
  piped,
  result,
  options
});
var getPrintedLines = (verboseMessage, verboseObject) => verboseMessage.split("\n").map((message) => getPrintedLine({ ...verboseObject, message }));
var getPrintedLine = (verboseObject) => {
  const verboseLine = defaultVerboseFunction(verboseObject);
  return { verboseLine, verboseObject };
};
var serializeVerboseMessage = (message) => {
  const messageString = typeof message === "string" ? message : inspect(message);
  const escapedMessage = escapeLines(messageString);
  return escapedMessage.replaceAll("	", " ".repeat(TAB_SIZE));
};
var TAB_SIZE = 2;

// node_modules/execa/lib/verbose/start.js
var logCommand = (escapedCommand, verboseInfo) => {
  if (!isVerbose(verboseInfo)) {
    return;
  }
  verboseLog({
    type: "command",
    verboseMessage: escapedCommand,
    verboseInfo
  });
};

// node_modules/execa/lib/verbose/info.js
var getVerboseInfo = (verbose, escapedCommand, rawOptions) => {
  validateVerbose(verbose);
  const commandId = getCommandId(verbose);
  return {
    verbose,
    escapedCommand,
    commandId,
    rawOptions
  };
};
var getCommandId = (verbose) => isVerbose({ verbose }) ? COMMAND_ID++ : void 0;
var COMMAND_ID = 0n;
var validateVerbose = (verbose) => {
  for (const fdVerbose of verbose) {
    if (fdVerbose === false) {
      throw new TypeError(`The "verbose: false" option was renamed to "verbose: 'none'".`);
    }
    if (fdVerbose === true) {
      throw new TypeError(`The "verbose: true" option was renamed to "verbose: 'short'".`);
    }
    if (!VERBOSE_VALUES.includes(fdVerbose) && !isVerboseFunction(fdVerbose)) {
      const allowedValues = VERBOSE_VALUES.map((allowedValue) => `'${allowedValue}'`).join(", ");
      throw new TypeError(`The "verbose" option must not be ${fdVerbose}. Allowed values are: ${allowedValues} or a function.`);
    }
  }
};

// node_modules/execa/lib/return/duration.js
import { hrtime } from "node:process";
var getStartTime = () => hrtime.bigint();
var getDurationMs = (startTime) => Number(hrtime.bigint() - startTime) / 1e6;

// node_modules/execa/lib/arguments/command.js
var handleCommand = (filePath, rawArguments, rawOptions) => {
  const startTime = getStartTime();
  const { command, escapedCommand } = joinCommand(filePath, rawArguments);
  const verbose = normalizeFdSpecificOption(rawOptions, "verbose");
  const verboseInfo = getVerboseInfo(verbose, escapedCommand, { ...rawOptions });
  logCommand(escapedCommand, verboseInfo);
  return {
    command,
    escapedCommand,
    startTime,
    verboseInfo
  };
};

// node_modules/execa/lib/arguments/options.js
var import_cross_spawn = __toESM(require_cross_spawn(), 1);
import path5 from "node:path";
import process6 from "node:process";

// node_modules/npm-run-path/index.js
import process4 from "node:process";
import path2 from "node:path";

// node_modules/npm-run-path/node_modules/path-key/index.js
function pathKey(options = {}) {
  const {
    env = process.env,
    platform: platform3 = process.platform
  } = options;
  if (platform3 !== "win32") {
    return "PATH";
  }
  return Object.keys(env).reverse().find((key) => key.toUpperCase() === "PATH") || "Path";
}

// node_modules/unicorn-magic/node.js
import { promisify } from "node:util";
import { execFile as execFileCallback, execFileSync as execFileSyncOriginal } from "node:child_process";
import path from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var execFileOriginal = promisify(execFileCallback);
function toPath(urlOrPath) {
  return urlOrPath instanceof URL ? fileURLToPath2(urlOrPath) : urlOrPath;
}
function traversePathUp(startPath) {
  return {
    *[Symbol.iterator]() {
      let currentPath = path.resolve(toPath(startPath));
      let previousPath;
      while (previousPath !== currentPath) {
        yield currentPath;
        previousPath = currentPath;
        currentPath = path.resolve(currentPath, "..");
      }
    }
  };
}
var TEN_MEGABYTES_IN_BYTES = 10 * 1024 * 1024;

// node_modules/npm-run-path/index.js
var npmRunPath = ({
  cwd = process4.cwd(),
  path: pathOption = process4.env[pathKey()],
  preferLocal = true,
  execPath: execPath2 = process4.execPath,
  addExecPath = true
} = {}) => {
  const cwdPath = path2.resolve(toPath(cwd));
  const result = [];
  const pathParts = pathOption.split(path2.delimiter);
  if (preferLocal) {
    applyPreferLocal(result, pathParts, cwdPath);
  }
  if (addExecPath) {
    applyExecPath(result, pathParts, execPath2, cwdPath);
  }
  return pathOption === "" || pathOption === path2.delimiter ? `${result.join(path2.delimiter)}${pathOption}` : [...result, pathOption].join(path2.delimiter);
};
var applyPreferLocal = (result, pathParts, cwdPath) => {
  for (const directory of traversePathUp(cwdPath)) {
    const pathPart = path2.join(directory, "node_modules/.bin");
    if (!pathParts.includes(pathPart)) {
      result.push(pathPart);
    }
  }
};
var applyExecPath = (result, pathParts, execPath2, cwdPath) => {
  const pathPart = path2.resolve(cwdPath, toPath(execPath2), "..");
  if (!pathParts.includes(pathPart)) {
    result.push(pathPart);
  }
};
var npmRunPathEnv = ({ env = process4.env, ...options } = {}) => {
  env = { ...env };
  const pathName = pathKey({ env });
  options.path = env[pathName];
  env[pathName] = npmRunPath(options);
  return env;
};

// node_modules/execa/lib/terminate/kill.js
import { setTimeout as setTimeout2 } from "node:timers/promises";

// node_modules/execa/lib/return/final-error.js
var getFinalError = (originalError, message, isSync) => {
  const ErrorClass = isSync ? ExecaSyncError : ExecaError;
  const options = originalError instanceof DiscardedError ? {} : { cause: originalError };
  return new ErrorClass(message, options);
};
var DiscardedError = class extends Error {
};
var setErrorName = (ErrorClass, value) => {
  Object.defineProperty(ErrorClass.prototype, "name", {
    value,
    writable: true,
    enumerable: false,
    configurable: true
  });
  Object.defineProperty(ErrorClass.prototype, execaErrorSymbol, {
    value: true,
    writable: false,
    enumerable: false,
    configurable: false
  });
};
var isExecaError = (error2) => isErrorInstance(error2) && execaErrorSymbol in error2;
var execaErrorSymbol = /* @__PURE__ */ Symbol("isExecaError");
var isErrorInstance = (value) => Object.prototype.toString.call(value) === "[object Error]";
var ExecaError = class extends Error {
};
setErrorName(ExecaError, ExecaError.name);
var ExecaSyncError = class extends Error {
};
setErrorName(ExecaSyncError, ExecaSyncError.name);

// node_modules/execa/lib/terminate/signal.js
import { constants as constants6 } from "node:os";

// node_modules/human-signals/build/src/main.js
import { constants as constants5 } from "node:os";

// node_modules/human-signals/build/src/realtime.js
var getRealtimeSignals = () => {
  const length = SIGRTMAX - SIGRTMIN + 1;
  return Array.from({ length }, getRealtimeSignal);
};
var getRealtimeSignal = (value, index) => ({
  name: `SIGRT${index + 1}`,
  number: SIGRTMIN + index,
  action: "terminate",
  description: "Application-specific signal (realtime)",
  standard: "posix"
});
var SIGRTMIN = 34;
var SIGRTMAX = 64;

// node_modules/human-signals/build/src/signals.js
import { constants as constants4 } from "node:os";

// node_modules/human-signals/build/src/core.js
var SIGNALS = [
  {
    name: "SIGHUP",
    number: 1,
    action: "terminate",
    description: "Terminal closed",
    standard: "posix"
  },
  {
    name: "SIGINT",
    number: 2,
    action: "terminate",
    description: "User interruption with CTRL-C",
    standard: "ansi"
  },
  {
    name: "SIGQUIT",
    number: 3,
    action: "core",
    description: "User interruption with CTRL-\\",
    standard: "posix"
  },
  {
    name: "SIGILL",
    number: 4,
    action: "core",
    description: "Invalid machine instruction",
    standard: "ansi"
  },
  {
    name: "SIGTRAP",
    number: 5,
    action: "core",
    description: "Debugger breakpoint",
    standard: "posix"
  },
  {
    name: "SIGABRT",
    number: 6,
    action: "core",
    description: "Aborted",
    standard: "ansi"
  },
  {
    name: "SIGIOT",
    number: 6,
    action: "core",
    description: "Aborted",
    standard: "bsd"
  },
  {
    name: "SIGBUS",
    number: 7,
    action: "core",
    description: "Bus error due to misaligned, non-existing address or paging error",
    standard: "bsd"
  },
  {
    name: "SIGEMT",
    number: 7,
    action: "terminate",
    description: "Command should be emulated but is not implemented",
    standard: "other"
  },
  {
    name: "SIGFPE",
    number: 8,
    action: "core",
    description: "Floating point arithmetic error",
    standard: "ansi"
  },
  {
    name: "SIGKILL",
    number: 9,
    action: "terminate",
    description: "Forced termination",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGUSR1",
    number: 10,
    action: "terminate",
    description: "Application-specific signal",
    standard: "posix"
  },
  {
    name: "SIGSEGV",
    number: 11,
    action: "core",
    description: "Segmentation fault",
    standard: "ansi"
  },
  {
    name: "SIGUSR2",
    number: 12,
    action: "terminate",
    description: "Application-specific signal",
    standard: "posix"
  },
  {
    name: "SIGPIPE",
    number: 13,
    action: "terminate",
    description: "Broken pipe or socket",
    standard: "posix"
  },
  {
    name: "SIGALRM",
    number: 14,
    action: "terminate",
    description: "Timeout or timer",
    standard: "posix"
  },
  {
    name: "SIGTERM",
    number: 15,
    action: "terminate",
    description: "Termination",
    standard: "ansi"
  },
  {
    name: "SIGSTKFLT",
    number: 16,
    action: "terminate",
    description: "Stack is empty or overflowed",
    standard: "other"
  },
  {
    name: "SIGCHLD",
    number: 17,
    action: "ignore",
    description: "Child process terminated, paused or unpaused",
    standard: "posix"
  },
  {
    name: "SIGCLD",
    number: 17,
    action: "ignore",
    description: "Child process terminated, paused or unpaused",
    standard: "other"
  },
  {
    name: "SIGCONT",
    number: 18,
    action: "unpause",
    description: "Unpaused",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGSTOP",
    number: 19,
    action: "pause",
    description: "Paused",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGTSTP",
    number: 20,
    action: "pause",
    description: 'Paused using CTRL-Z or "suspend"',
    standard: "posix"
  },
  {
    name: "SIGTTIN",
    number: 21,
    action: "pause",
    description: "Background process cannot read terminal input",
    standard: "posix"
  },
  {
    name: "SIGBREAK",
    number: 21,
    action: "terminate",
    description: "User interruption with CTRL-BREAK",
    standard: "other"
  },
  {
    name: "SIGTTOU",
    number: 22,
    action: "pause",
    description: "Background process cannot write to terminal output",
    standard: "posix"
  },
  {
    name: "SIGURG",
    number: 23,
    action: "ignore",
    description: "Socket received out-of-band data",
    standard: "bsd"
  },
  {
    name: "SIGXCPU",
    number: 24,
    action: "core",
    description: "Process timed out",
    standard: "bsd"
  },
  {
    name: "SIGXFSZ",
    number: 25,
    action: "core",
    description: "File too big",
    standard: "bsd"
  },
  {
    name: "SIGVTALRM",
    number: 26,
    action: "terminate",
    description: "Timeout or timer",
    standard: "bsd"
  },
  {
    name: "SIGPROF",
    number: 27,
    action: "terminate",
    description: "Timeout or timer",
    standard: "bsd"
  },
  {
    name: "SIGWINCH",
    number: 28,
    action: "ignore",
    description: "Terminal window size changed",
    standard: "bsd"
  },
  {
    name: "SIGIO",
    number: 29,
    action: "terminate",
    description: "I/O is available",
    standard: "other"
  },
  {
    name: "SIGPOLL",
    number: 29,
    action: "terminate",
    description: "Watched event",
    standard: "other"
  },
  {
    name: "SIGINFO",
    number: 29,
    action: "ignore",
    description: "Request for process information",
    standard: "other"
  },
  {
    name: "SIGPWR",
    number: 30,
    action: "terminate",
    description: "Device running out of power",
    standard: "systemv"
  },
  {
    name: "SIGSYS",
    number: 31,
    action: "core",
    description: "Invalid system call",
    standard: "other"
  },
  {
    name: "SIGUNUSED",
    number: 31,
    action: "terminate",
    description: "Invalid system call",
    standard: "other"
  }
];

// node_modules/human-signals/build/src/signals.js
var getSignals = () => {
  const realtimeSignals = getRealtimeSignals();
  const signals2 = [...SIGNALS, ...realtimeSignals].map(normalizeSignal);
  return signals2;
};
var normalizeSignal = ({
  name,
  number: defaultNumber,
  description,
  action,
  forced = false,
  standard
}) => {
  const {
    signals: { [name]: constantSignal }
  } = constants4;
  const supported = constantSignal !== void 0;
  const number = supported ? constantSignal : defaultNumber;
  return { name, number, description, supported, action, forced, standard };
};

// node_modules/human-signals/build/src/main.js
var getSignalsByName = () => {
  const signals2 = getSignals();
  return Object.fromEntries(signals2.map(getSignalByName));
};
var getSignalByName = ({
  name,
  number,
  description,
  supported,
  action,
  forced,
  standard
}) => [name, { name, number, description, supported, action, forced, standard }];
var signalsByName = getSignalsByName();
var getSignalsByNumber = () => {
  const signals2 = getSignals();
  const length = SIGRTMAX + 1;
  const signalsA = Array.from(
    { length },
    (value, number) => getSignalByNumber(number, signals2)
  );
  return Object.assign({}, ...signalsA);
};
var getSignalByNumber = (number, signals2) => {
  const signal = findSignalByNumber(number, signals2);
  if (signal === void 0) {
    return {};
  }
  const { name, description, supported, action, forced, standard } = signal;
  return {
    [number]: {
      name,
      number,
      description,
      supported,
      action,
      forced,
      standard
    }
  };
};
var findSignalByNumber = (number, signals2) => {
  const signal = signals2.find(({ name }) => constants5.signals[name] === number);
  if (signal !== void 0) {
    return signal;
  }
  return signals2.find((signalA) => signalA.number === number);
};
var signalsByNumber = getSignalsByNumber();

// node_modules/execa/lib/terminate/signal.js
var normalizeKillSignal = (killSignal) => {
  const optionName = "option `killSignal`";
  if (killSignal === 0) {
    throw new TypeError(`Invalid ${optionName}: 0 cannot be used.`);
  }
  return normalizeSignal2(killSignal, optionName);
};
var normalizeSignalArgument = (signal) => signal === 0 ? signal : normalizeSignal2(signal, "`subprocess.kill()`'s argument");
var normalizeSignal2 = (signalNameOrInteger, optionName) => {
  if (Number.isInteger(signalNameOrInteger)) {
    return normalizeSignalInteger(signalNameOrInteger, optionName);
  }
  if (typeof signalNameOrInteger === "string") {
    return normalizeSignalName(signalNameOrInteger, optionName);
  }
  throw new TypeError(`Invalid ${optionName} ${String(signalNameOrInteger)}: it must be a string or an integer.
${getAvailableSignals()}`);
};
var normalizeSignalInteger = (signalInteger, optionName) => {
  if (signalsIntegerToName.has(signalInteger)) {
    return signalsIntegerToName.get(signalInteger);
  }
  throw new TypeError(`Invalid ${optionName} ${signalInteger}: this signal integer does not exist.
${getAvailableSignals()}`);
};
var getSignalsIntegerToName = () => new Map(Object.entries(constants6.signals).reverse().map(([signalName, signalInteger]) => [signalInteger, signalName]));
var signalsIntegerToName = getSignalsIntegerToName();
var normalizeSignalName = (signalName, optionName) => {
  if (signalName in constants6.signals) {
    return signalName;
  }
  if (signalName.toUpperCase() in constants6.signals) {
    throw new TypeError(`Invalid ${optionName} '${signalName}': please rename it to '${signalName.toUpperCase()}'.`);
  }
  throw new TypeError(`Invalid ${optionName} '${signalName}': this signal name does not exist.
${getAvailableSignals()}`);
};
var getAvailableSignals = () => `Available signal names: ${getAvailableSignalNames()}.
Available signal numbers: ${getAvailableSignalIntegers()}.`;
var getAvailableSignalNames = () => Object.keys(constants6.signals).sort().map((signalName) => `'${signalName}'`).join(", ");
var getAvailableSignalIntegers = () => [...new Set(Object.values(constants6.signals).sort((signalInteger, signalIntegerTwo) => signalInteger - signalIntegerTwo))].join(", ");
var getSignalDescription = (signal) => signalsByName[signal].description;

// node_modules/execa/lib/terminate/kill.js
var normalizeForceKillAfterDelay = (forceKillAfterDelay) => {
  if (forceKillAfterDelay === false) {
    return forceKillAfterDelay;
  }
  if (forceKillAfterDelay === true) {
    return DEFAULT_FORCE_KILL_TIMEOUT;
  }
  if (!Number.isFinite(forceKillAfterDelay) || forceKillAfterDelay < 0) {
    throw new TypeError(`Expected the \`forceKillAfterDelay\` option to be a non-negative integer, got \`${forceKillAfterDelay}\` (${typeof forceKillAfterDelay})`);
  }
  return forceKillAfterDelay;
};
var DEFAULT_FORCE_KILL_TIMEOUT = 1e3 * 5;
var subprocessKill = ({ kill, options: { forceKillAfterDelay, killSignal }, onInternalError, context, controller }, signalOrError, errorArgument) => {
  const { signal, error: error2 } = parseKillArguments(signalOrError, errorArgument, killSignal);
  emitKillError(error2, onInternalError);
  const killResult = kill(signal);
  setKillTimeout({
    kill,
    signal,
    forceKillAfterDelay,
    killSignal,
    killResult,
    context,
    controller
  });
  return killResult;
};
var parseKillArguments = (signalOrError, errorArgument, killSignal) => {
  const [signal = killSignal, error2] = isErrorInstance(signalOrError) ? [void 0, signalOrError] : [signalOrError, errorArgument];
  if (typeof signal !== "string" && !Number.isInteger(signal)) {
    throw new TypeError(`The first argument must be an error instance or a signal name string/integer: ${String(signal)}`);
  }
  if (error2 !== void 0 && !isErrorInstance(error2)) {
    throw new TypeError(`The second argument is optional. If specified, it must be an error instance: ${error2}`);
  }
  return { signal: normalizeSignalArgument(signal), error: error2 };
};
var emitKillError = (error2, onInternalError) => {
  if (error2 !== void 0) {
    onInternalError.reject(error2);
  }
};
var setKillTimeout = async ({ kill, signal, forceKillAfterDelay, killSignal, killResult, context, controller }) => {
  if (signal === killSignal && killResult) {
    killOnTimeout({
      kill,
      forceKillAfterDelay,
      context,
      controllerSignal: controller.signal
    });
  }
};
var killOnTimeout = async ({ kill, forceKillAfterDelay, context, controllerSignal }) => {
  if (forceKillAfterDelay === false) {
    return;
  }
  try {
    await setTimeout2(forceKillAfterDelay, void 0, { signal: controllerSignal });
    if (kill("SIGKILL")) {
      context.isForcefullyTerminated ??= true;
    }
  } catch {
  }
};

// node_modules/execa/lib/utils/abort-signal.js
import { once } from "node:events";
var onAbortedSignal = async (mainSignal, stopSignal) => {
  if (!mainSignal.aborted) {
    await once(mainSignal, "abort", { signal: stopSignal });
  }
};

// node_modules/execa/lib/terminate/cancel.js
var validateCancelSignal = ({ cancelSignal }) => {
  if (cancelSignal !== void 0 && Object.prototype.toString.call(cancelSignal) !== "[object AbortSignal]") {
    throw new Error(`The \`cancelSignal\` option must be an AbortSignal: ${String(cancelSignal)}`);
  }
};
var throwOnCancel = ({ subprocess, cancelSignal, gracefulCancel, context, controller }) => cancelSignal === void 0 || gracefulCancel ? [] : [terminateOnCancel(subprocess, cancelSignal, context, controller)];
var terminateOnCancel = async (subprocess, cancelSignal, context, { signal }) => {
  await onAbortedSignal(cancelSignal, signal);
  context.terminationReason ??= "cancel";
  subprocess.kill();
  throw cancelSignal.reason;
};

// node_modules/execa/lib/ipc/graceful.js
import { scheduler as scheduler2 } from "node:timers/promises";

// node_modules/execa/lib/ipc/send.js
import { promisify as promisify2 } from "node:util";

// node_modules/execa/lib/ipc/validation.js
var validateIpcMethod = ({ methodName, isSubprocess, ipc, isConnected: isConnected2 }) => {
  validateIpcOption(methodName, isSubprocess, ipc);
  validateConnection(methodName, isSubprocess, isConnected2);
};
var validateIpcOption = (methodName, isSubprocess, ipc) => {
  if (!ipc) {
    throw new Error(`${getMethodName(methodName, isSubprocess)} can only be used if the \`ipc\` option is \`true\`.`);
  }
};
var validateConnection = (methodName, isSubprocess, isConnected2) => {
  if (!isConnected2) {
    throw new Error(`${getMethodName(methodName, isSubprocess)} cannot be used: the ${getOtherProcessName(isSubprocess)} has already exited or disconnected.`);
  }
};
var throwOnEarlyDisconnect = (isSubprocess) => {
  throw new Error(`${getMethodName("getOneMessage", isSubprocess)} could not complete: the ${getOtherProcessName(isSubprocess)} exited or disconnected.`);
};
var throwOnStrictDeadlockError = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} is sending a message too, instead of listening to incoming messages.
This can be fixed by both sending a message and listening to incoming messages at the same time:

const [receivedMessage] = await Promise.all([
	${getMethodName("getOneMessage", isSubprocess)},
	${getMethodName("sendMessage", isSubprocess, "message, {strict: true}")},
]);`);
};
var getStrictResponseError = (error2, isSubprocess) => new Error(`${getMethodName("sendMessage", isSubprocess)} failed when sending an acknowledgment response to the ${getOtherProcessName(isSubprocess)}.`, { cause: error2 });
var throwOnMissingStrict = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} is not listening to incoming messages.`);
};
var throwOnStrictDisconnect = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} exited without listening to incoming messages.`);
};
var getAbortDisconnectError = () => new Error(`\`cancelSignal\` aborted: the ${getOtherProcessName(true)} disconnected.`);
var throwOnMissingParent = () => {
  throw new Error("`getCancelSignal()` cannot be used without setting the `cancelSignal` subprocess option.");
};
var handleEpipeError = ({ error: error2, methodName, isSubprocess }) => {
  if (error2.code === "EPIPE") {
    throw new Error(`${getMethodName(methodName, isSubprocess)} cannot be used: the ${getOtherProcessName(isSubprocess)} is disconnecting.`, { cause: error2 });
  }
};
var handleSerializationError = ({ error: error2, methodName, isSubprocess, message }) => {
  if (isSerializationError(error2)) {
    throw new Error(`${getMethodName(methodName, isSubprocess)}'s argument type is invalid: the message cannot be serialized: ${String(message)}.`, { cause: error2 });
  }
};
var isSerializationError = ({ code, message }) => SERIALIZATION_ERROR_CODES.has(code) || SERIALIZATION_ERROR_MESSAGES.some((serializationErrorMessage) => message.includes(serializationErrorMessage));
var SERIALIZATION_ERROR_CODES = /* @__PURE__ */ new Set([
  // Message is `undefined`
  "ERR_MISSING_ARGS",
  // Message is a function, a bigint, a symbol
  "ERR_INVALID_ARG_TYPE"
]);
var SERIALIZATION_ERROR_MESSAGES = [
  // Message is a promise or a proxy, with `serialization: 'advanced'`
  "could not be cloned",
  // Message has cycles, with `serialization: 'json'`
  "circular structure",
  // Message has cycles inside toJSON(), with `serialization: 'json'`
  "call stack size exceeded"
];
var getMethodName = (methodName, isSubprocess, parameters = "") => methodName === "cancelSignal" ? "`cancelSignal`'s `controller.abort()`" : `${getNamespaceName(isSubprocess)}${methodName}(${parameters})`;
var getNamespaceName = (isSubprocess) => isSubprocess ? "" : "subprocess.";
var getOtherProcessName = (isSubprocess) => isSubprocess ? "parent process" : "subprocess";
var disconnect = (anyProcess) => {
  if (anyProcess.connected) {
    anyProcess.disconnect();
  }
};

// node_modules/execa/lib/utils/deferred.js
var createDeferred = () => {
  const methods = {};
  const promise = new Promise((resolve4, reject) => {
    Object.assign(methods, { resolve: resolve4, reject });
  });
  return Object.assign(promise, methods);
};

// node_modules/execa/lib/arguments/fd-options.js
var getToStream = (destination, to = "stdin") => {
  const isWritable = true;
  const { options, fileDescriptors } = SUBPROCESS_OPTIONS.get(destination);
  const fdNumber = getFdNumber(fileDescriptors, to, isWritable);
  const destinationStream = destination.stdio[fdNumber];
  if (destinationStream === null) {
    throw new TypeError(getInvalidStdioOptionMessage(fdNumber, to, options, isWritable));
  }
  return destinationStream;
};
var getFromStream = (source, from = "stdout") => {
  const isWritable = false;
  const { options, fileDescriptors } = SUBPROCESS_OPTIONS.get(source);
  const fdNumber = getFdNumber(fileDescriptors, from, isWritable);
  const sourceStream = fdNumber === "all" ? source.all : source.stdio[fdNumber];
  if (sourceStream === null || sourceStream === void 0) {
    throw new TypeError(getInvalidStdioOptionMessage(fdNumber, from, options, isWritable));
  }
  return sourceStream;
};
var SUBPROCESS_OPTIONS = /* @__PURE__ */ new WeakMap();
var getFdNumber = (fileDescriptors, fdName, isWritable) => {
  const fdNumber = parseFdNumber(fdName, isWritable);
  validateFdNumber(fdNumber, fdName, isWritable, fileDescriptors);
  return fdNumber;
};
var parseFdNumber = (fdName, isWritable) => {
  const fdNumber = parseFd(fdName);
  if (fdNumber !== void 0) {
    return fdNumber;
  }
  const { validOptions, defaultValue } = isWritable ? { validOptions: '"stdin"', defaultValue: "stdin" } : { validOptions: '"stdout", "stderr", "all"', defaultValue: "stdout" };
  throw new TypeError(`"${getOptionName(isWritable)}" must not be "${fdName}".
It must be ${validOptions} or "fd3", "fd4" (and so on).
It is optional and defaults to "${defaultValue}".`);
};
var validateFdNumber = (fdNumber, fdName, isWritable, fileDescriptors) => {
  const fileDescriptor = fileDescriptors[getUsedDescriptor(fdNumber)];
  if (fileDescriptor === void 0) {
    throw new TypeError(`"${getOptionName(isWritable)}" must not be ${fdName}. That file descriptor does not exist.
Please set the "stdio" option to ensure that file descriptor exists.`);
  }
  if (fileDescriptor.direction === "input" && !isWritable) {
    throw new TypeError(`"${getOptionName(isWritable)}" must not be ${fdName}. It must be a readable stream, not writable.`);
  }
  if (fileDescriptor.direction !== "input" && isWritable) {
    throw new TypeError(`"${getOptionName(isWritable)}" must not be ${fdName}. It must be a writable stream, not readable.`);
  }
};
var getInvalidStdioOptionMessage = (fdNumber, fdName, options, isWritable) => {
  if (fdNumber === "all" && !options.all) {
    return `The "all" option must be true to use "from: 'all'".`;
  }
  const { optionName, optionValue } = getInvalidStdioOption(fdNumber, options);
  return `The "${optionName}: ${serializeOptionValue(optionValue)}" option is incompatible with using "${getOptionName(isWritable)}: ${serializeOptionValue(fdName)}".
Please set this option with "pipe" instead.`;
};
var getInvalidStdioOption = (fdNumber, { stdin, stdout, stderr, stdio }) => {
  const usedDescriptor = getUsedDescriptor(fdNumber);
  if (usedDescriptor === 0 && stdin !== void 0) {
    return { optionName: "stdin", optionValue: stdin };
  }
  if (usedDescriptor === 1 && stdout !== void 0) {
    return { optionName: "stdout", optionValue: stdout };
  }
  if (usedDescriptor === 2 && stderr !== void 0) {
    return { optionName: "stderr", optionValue: stderr };
  }
  return { optionName: `stdio[${usedDescriptor}]`, optionValue: stdio[usedDescriptor] };
};
var getUsedDescriptor = (fdNumber) => fdNumber === "all" ? 1 : fdNumber;
var getOptionName = (isWritable) => isWritable ? "to" : "from";
var serializeOptionValue = (value) => {
  if (typeof value === "string") {
    return `'${value}'`;
  }
  return typeof value === "number" ? `${value}` : "Stream";
};

// node_modules/execa/lib/ipc/strict.js
import { once as once3 } from "node:events";

// node_modules/execa/lib/utils/max-listeners.js
import { addAbortListener } from "node:events";
var incrementMaxListeners = (eventEmitter, maxListenersIncrement, signal) => {
  const maxListeners = eventEmitter.getMaxListeners();
  if (maxListeners === 0 || maxListeners === Number.POSITIVE_INFINITY) {
    return;
  }
  eventEmitter.setMaxListeners(maxListeners + maxListenersIncrement);
  addAbortListener(signal, () => {
    eventEmitter.setMaxListeners(eventEmitter.getMaxListeners() - maxListenersIncrement);
  });
};

// node_modules/execa/lib/ipc/forward.js
import { EventEmitter } from "node:events";

// node_modules/execa/lib/ipc/incoming.js
import { once as once2 } from "node:events";
import { scheduler } from "node:timers/promises";

// node_modules/execa/lib/ipc/reference.js
var addReference = (channel, reference) => {
  if (reference) {
    addReferenceCount(channel);
  }
};
var addReferenceCount = (channel) => {
  channel.refCounted();
};
var removeReference = (channel, reference) => {
  if (reference) {
    removeReferenceCount(channel);
  }
};
var removeReferenceCount = (channel) => {
  channel.unrefCounted();
};
var undoAddedReferences = (channel, isSubprocess) => {
  if (isSubprocess) {
    removeReferenceCount(channel);
    removeReferenceCount(channel);
  }
};
var redoAddedReferences = (channel, isSubprocess) => {
  if (isSubprocess) {
    addReferenceCount(channel);
    addReferenceCount(channel);
  }
};

// node_modules/execa/lib/ipc/incoming.js
var onMessage = async ({ anyProcess, channel, isSubprocess, ipcEmitter }, wrappedMessage) => {
  if (handleStrictResponse(wrappedMessage) || handleAbort(wrappedMessage)) {
    return;
  }
  if (!INCOMING_MESSAGES.has(anyProcess)) {
    INCOMING_MESSAGES.set(anyProcess, []);
  }
  const incomingMessages = INCOMING_MESSAGES.get(anyProcess);
  incomingMessages.push(wrappedMessage);
  if (incomingMessages.length > 1) {
    return;
  }
  while (incomingMessages.length > 0) {
    await waitForOutgoingMessages(anyProcess, ipcEmitter, wrappedMessage);
    await scheduler.yield();
    const message = await handleStrictRequest({
      wrappedMessage: incomingMessages[0],
      anyProcess,
      channel,
      isSubprocess,
      ipcEmitter
    });
    incomingMessages.shift();
    ipcEmitter.emit("message", message);
    ipcEmitter.emit("message:done");
  }
};
var onDisconnect = async ({ anyProcess, channel, isSubprocess, ipcEmitter, boundOnMessage }) => {
  abortOnDisconnect();
  const incomingMessages = INCOMING_MESSAGES.get(anyProcess);
  while (incomingMessages?.length > 0) {
    await once2(ipcEmitter, "message:done");
  }
  anyProcess.removeListener("message", boundOnMessage);
  redoAddedReferences(channel, isSubprocess);
  ipcEmitter.connected = false;
  ipcEmitter.emit("disconnect");
};
var INCOMING_MESSAGES = /* @__PURE__ */ new WeakMap();

// node_modules/execa/lib/ipc/forward.js
var getIpcEmitter = (anyProcess, channel, isSubprocess) => {
  if (IPC_EMITTERS.has(anyProcess)) {
    return IPC_EMITTERS.get(anyProcess);
  }
  const ipcEmitter = new EventEmitter();
  ipcEmitter.connected = true;
  IPC_EMITTERS.set(anyProcess, ipcEmitter);
  forwardEvents({
    ipcEmitter,
    anyProcess,
    channel,
    isSubprocess
  });
  return ipcEmitter;
};
var IPC_EMITTERS = /* @__PURE__ */ new WeakMap();
var forwardEvents = ({ ipcEmitter, anyProcess, channel, isSubprocess }) => {
  const boundOnMessage = onMessage.bind(void 0, {
    anyProcess,
    channel,
    isSubprocess,
    ipcEmitter
  });
  anyProcess.on("message", boundOnMessage);
  anyProcess.once("disconnect", onDisconnect.bind(void 0, {
    anyProcess,
    channel,
    isSubprocess,
    ipcEmitter,
    boundOnMessage
  }));
  undoAddedReferences(channel, isSubprocess);
};
var isConnected = (anyProcess) => {
  const ipcEmitter = IPC_EMITTERS.get(anyProcess);
  return ipcEmitter === void 0 ? anyProcess.channel !== null : ipcEmitter.connected;
};

// node_modules/execa/lib/ipc/strict.js
var handleSendStrict = ({ anyProcess, channel, isSubprocess, message, strict }) => {
  if (!strict) {
    return message;
  }
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const hasListeners = hasMessageListeners(anyProcess, ipcEmitter);
  return {
    id: count++,
    type: REQUEST_TYPE,
    message,
    hasListeners
  };
};
var count = 0n;
var validateStrictDeadlock = (outgoingMessages, wrappedMessage) => {
  if (wrappedMessage?.type !== REQUEST_TYPE || wrappedMessage.hasListeners) {
    return;
  }
  for (const { id } of outgoingMessages) {
    if (id !== void 0) {
      STRICT_RESPONSES[id].resolve({ isDeadlock: true, hasListeners: false });
    }
  }
};
var handleStrictRequest = async ({ wrappedMessage, anyProcess, channel, isSubprocess, ipcEmitter }) => {
  if (wrappedMessage?.type !== REQUEST_TYPE || !anyProcess.connected) {
    return wrappedMessage;
  }
  const { id, message } = wrappedMessage;
  const response = { id, type: RESPONSE_TYPE, message: hasMessageListeners(anyProcess, ipcEmitter) };
  try {
    await sendMessage({
      anyProcess,
      channel,
      isSubprocess,
      ipc: true
    }, response);
  } catch (error2) {
    ipcEmitter.emit("strict:error", error2);
  }
  return message;
};
var handleStrictResponse = (wrappedMessage) => {
  if (wrappedMessage?.type !== RESPONSE_TYPE) {
    return false;
  }
  const { id, message: hasListeners } = wrappedMessage;
  STRICT_RESPONSES[id]?.resolve({ isDeadlock: false, hasListeners });
  return true;
};
var waitForStrictResponse = async (wrappedMessage, anyProcess, isSubprocess) => {
  if (wrappedMessage?.type !== REQUEST_TYPE) {
    return;
  }
  const deferred = createDeferred();
  STRICT_RESPONSES[wrappedMessage.id] = deferred;
  const controller = new AbortController();
  try {
    const { isDeadlock, hasListeners } = await Promise.race([
      deferred,
      throwOnDisconnect(anyProcess, isSubprocess, controller)
    ]);
    if (isDeadlock) {
      throwOnStrictDeadlockError(isSubprocess);
    }
    if (!hasListeners) {
      throwOnMissingStrict(isSubprocess);
    }
  } finally {
    controller.abort();
    delete STRICT_RESPONSES[wrappedMessage.id];
  }
};
var STRICT_RESPONSES = {};
var throwOnDisconnect = async (anyProcess, isSubprocess, { signal }) => {
  incrementMaxListeners(anyProcess, 1, signal);
  await once3(anyProcess, "disconnect", { signal });
  throwOnStrictDisconnect(isSubprocess);
};
var REQUEST_TYPE = "execa:ipc:request";
var RESPONSE_TYPE = "execa:ipc:response";

// node_modules/execa/lib/ipc/outgoing.js
var startSendMessage = (anyProcess, wrappedMessage, strict) => {
  if (!OUTGOING_MESSAGES.has(anyProcess)) {
    OUTGOING_MESSAGES.set(anyProcess, /* @__PURE__ */ new Set());
  }
  const outgoingMessages = OUTGOING_MESSAGES.get(anyProcess);
  const onMessageSent = createDeferred();
  const id = strict ? wrappedMessage.id : void 0;
  const outgoingMessage = { onMessageSent, id };
  outgoingMessages.add(outgoingMessage);
  return { outgoingMessages, outgoingMessage };
};
var endSendMessage = ({ outgoingMessages, outgoingMessage }) => {
  outgoingMessages.delete(outgoingMessage);
  outgoingMessage.onMessageSent.resolve();
};
var waitForOutgoingMessages = async (anyProcess, ipcEmitter, wrappedMessage) => {
  while (!hasMessageListeners(anyProcess, ipcEmitter) && OUTGOING_MESSAGES.get(anyProcess)?.size > 0) {
    const outgoingMessages = [...OUTGOING_MESSAGES.get(anyProcess)];
    validateStrictDeadlock(outgoingMessages, wrappedMessage);
    await Promise.all(outgoingMessages.map(({ onMessageSent }) => onMessageSent));
  }
};
var OUTGOING_MESSAGES = /* @__PURE__ */ new WeakMap();
var hasMessageListeners = (anyProcess, ipcEmitter) => ipcEmitter.listenerCount("message") > getMinListenerCount(anyProcess);
var getMinListenerCount = (anyProcess) => SUBPROCESS_OPTIONS.has(anyProcess) && !getFdSpecificValue(SUBPROCESS_OPTIONS.get(anyProcess).options.buffer, "ipc") ? 1 : 0;

// node_modules/execa/lib/ipc/send.js
var sendMessage = ({ anyProcess, channel, isSubprocess, ipc }, message, { strict = false } = {}) => {
  const methodName = "sendMessage";
  validateIpcMethod({
    methodName,
    isSubprocess,
    ipc,
    isConnected: anyProcess.connected
  });
  return sendMessageAsync({
    anyProcess,
    channel,
    methodName,
    isSubprocess,
    message,
    strict
  });
};
var sendMessageAsync = async ({ anyProcess, channel, methodName, isSubprocess, message, strict }) => {
  const wrappedMessage = handleSendStrict({
    anyProcess,
    channel,
    isSubprocess,
    message,
    strict
  });
  const outgoingMessagesState = startSendMessage(anyProcess, wrappedMessage, strict);
  try {
    await sendOneMessage({
      anyProcess,
      methodName,
      isSubprocess,
      wrappedMessage,
      message
    });
  } catch (error2) {
    disconnect(anyProcess);
    throw error2;
  } finally {
    endSendMessage(outgoingMessagesState);
  }
};
var sendOneMessage = async ({ anyProcess, methodName, isSubprocess, wrappedMessage, message }) => {
  const sendMethod = getSendMethod(anyProcess);
  try {
    await Promise.all([
      waitForStrictResponse(wrappedMessage, anyProcess, isSubprocess),
      sendMethod(wrappedMessage)
    ]);
  } catch (error2) {
    handleEpipeError({ error: error2, methodName, isSubprocess });
    handleSerializationError({
      error: error2,
      methodName,
      isSubprocess,
      message
    });
    throw error2;
  }
};
var getSendMethod = (anyProcess) => {
  if (PROCESS_SEND_METHODS.has(anyProcess)) {
    return PROCESS_SEND_METHODS.get(anyProcess);
  }
  const sendMethod = promisify2(anyProcess.send.bind(anyProcess));
  PROCESS_SEND_METHODS.set(anyProcess, sendMethod);
  return sendMethod;
};
var PROCESS_SEND_METHODS = /* @__PURE__ */ new WeakMap();

// node_modules/execa/lib/ipc/graceful.js
var sendAbort = (subprocess, message) => {
  const methodName = "cancelSignal";
  validateConnection(methodName, false, subprocess.connected);
  return sendOneMessage({
    anyProcess: subprocess,
    methodName,
    isSubprocess: false,
    wrappedMessage: { type: GRACEFUL_CANCEL_TYPE, message },
    message
  });
};
var getCancelSignal = async ({ anyProcess, channel, isSubprocess, ipc }) => {
  await startIpc({
    anyProcess,
    channel,
    isSubprocess,
    ipc
  });
  return cancelController.signal;
};
var startIpc = async ({ anyProcess, channel, isSubprocess, ipc }) => {
  if (cancelListening) {
    return;
  }
  cancelListening = true;
  if (!ipc) {
    throwOnMissingParent();
    return;
  }
  if (channel === null) {
    abortOnDisconnect();
    return;
  }
  getIpcEmitter(anyProcess, channel, isSubprocess);
  await scheduler2.yield();
};
var cancelListening = false;
var handleAbort = (wrappedMessage) => {
  if (wrappedMessage?.type !== GRACEFUL_CANCEL_TYPE) {
    return false;
  }
  cancelController.abort(wrappedMessage.message);
  return true;
};
var GRACEFUL_CANCEL_TYPE = "execa:ipc:cancel";
var abortOnDisconnect = () => {
  cancelController.abort(getAbortDisconnectError());
};
var cancelController = new AbortController();

// node_modules/execa/lib/terminate/graceful.js
var validateGracefulCancel = ({ gracefulCancel, cancelSignal, ipc, serialization }) => {
  if (!gracefulCancel) {
    return;
  }
  if (cancelSignal === void 0) {
    throw new Error("The `cancelSignal` option must be defined when setting the `gracefulCancel` option.");
  }
  if (!ipc) {
    throw new Error("The `ipc` option cannot be false when setting the `gracefulCancel` option.");
  }
  if (serialization === "json") {
    throw new Error("The `serialization` option cannot be 'json' when setting the `gracefulCancel` option.");
  }
};
var throwOnGracefulCancel = ({
  subprocess,
  cancelSignal,
  gracefulCancel,
  forceKillAfterDelay,
  context,
  controller
}) => gracefulCancel ? [sendOnAbort({
  subprocess,
  cancelSignal,
  forceKillAfterDelay,
  context,
  controller
})] : [];
var sendOnAbort = async ({ subprocess, cancelSignal, forceKillAfterDelay, context, controller: { signal } }) => {
  await onAbortedSignal(cancelSignal, signal);
  const reason = getReason(cancelSignal);
  await sendAbort(subprocess, reason);
  killOnTimeout({
    kill: subprocess.kill,
    forceKillAfterDelay,
    context,
    controllerSignal: signal
  });
  context.terminationReason ??= "gracefulCancel";
  throw cancelSignal.reason;
};
var getReason = ({ reason }) => {
  if (!(reason instanceof DOMException)) {
    return reason;
  }
  const error2 = new Error(reason.message);
  Object.defineProperty(error2, "stack", {
    value: reason.stack,
    enumerable: false,
    configurable: true,
    writable: true
  });
  return error2;
};

// node_modules/execa/lib/terminate/timeout.js
import { setTimeout as setTimeout3 } from "node:timers/promises";
var validateTimeout = ({ timeout }) => {
  if (timeout !== void 0 && (!Number.isFinite(timeout) || timeout < 0)) {
    throw new TypeError(`Expected the \`timeout\` option to be a non-negative integer, got \`${timeout}\` (${typeof timeout})`);
  }
};
var throwOnTimeout = (subprocess, timeout, context, controller) => timeout === 0 || timeout === void 0 ? [] : [killAfterTimeout(subprocess, timeout, context, controller)];
var killAfterTimeout = async (subprocess, timeout, context, { signal }) => {
  await setTimeout3(timeout, void 0, { signal });
  context.terminationReason ??= "timeout";
  subprocess.kill();
  throw new DiscardedError();
};

// node_modules/execa/lib/methods/node.js
import { execPath, execArgv } from "node:process";
import path3 from "node:path";
var mapNode = ({ options }) => {
  if (options.node === false) {
    throw new TypeError('The "node" option cannot be false with `execaNode()`.');
  }
  return { options: { ...options, node: true } };
};
var handleNodeOption = (file, commandArguments, {
  node: shouldHandleNode = false,
  nodePath = execPath,
  nodeOptions = execArgv.filter((nodeOption) => !nodeOption.startsWith("--inspect")),
  cwd,
  execPath: formerNodePath,
  ...options
}) => {
  if (formerNodePath !== void 0) {
    throw new TypeError('The "execPath" option has been removed. Please use the "nodePath" option instead.');
  }
  const normalizedNodePath = safeNormalizeFileUrl(nodePath, 'The "nodePath" option');
  const resolvedNodePath = path3.resolve(cwd, normalizedNodePath);
  const newOptions = {
    ...options,
    nodePath: resolvedNodePath,
    node: shouldHandleNode,
    cwd
  };
  if (!shouldHandleNode) {
    return [file, commandArguments, newOptions];
  }
  if (path3.basename(file, ".exe") === "node") {
    throw new TypeError('When the "node" option is true, the first argument does not need to be "node".');
  }
  return [
    resolvedNodePath,
    [...nodeOptions, file, ...commandArguments],
    { ipc: true, ...newOptions, shell: false }
  ];
};

// node_modules/execa/lib/ipc/ipc-input.js
import { serialize } from "node:v8";
var validateIpcInputOption = ({ ipcInput, ipc, serialization }) => {
  if (ipcInput === void 0) {
    return;
  }
  if (!ipc) {
    throw new Error("The `ipcInput` option cannot be set unless the `ipc` option is `true`.");
  }
  validateIpcInput[serialization](ipcInput);
};
var validateAdvancedInput = (ipcInput) => {
  try {
    serialize(ipcInput);
  } catch (error2) {
    throw new Error("The `ipcInput` option is not serializable with a structured clone.", { cause: error2 });
  }
};
var validateJsonInput = (ipcInput) => {
  try {
    JSON.stringify(ipcInput);
  } catch (error2) {
    throw new Error("The `ipcInput` option is not serializable with JSON.", { cause: error2 });
  }
};
var validateIpcInput = {
  advanced: validateAdvancedInput,
  json: validateJsonInput
};
var sendIpcInput = async (subprocess, ipcInput) => {
  if (ipcInput === void 0) {
    return;
  }
  await subprocess.sendMessage(ipcInput);
};

// node_modules/execa/lib/arguments/encoding-option.js
var validateEncoding = ({ encoding }) => {
  if (ENCODINGS.has(encoding)) {
    return;
  }
  const correctEncoding = getCorrectEncoding(encoding);
  if (correctEncoding !== void 0) {
    throw new TypeError(`Invalid option \`encoding: ${serializeEncoding(encoding)}\`.
Please rename it to ${serializeEncoding(correctEncoding)}.`);
  }
  const correctEncodings = [...ENCODINGS].map((correctEncoding2) => serializeEncoding(correctEncoding2)).join(", ");
  throw new TypeError(`Invalid option \`encoding: ${serializeEncoding(encoding)}\`.
Please rename it to one of: ${correctEncodings}.`);
};
var TEXT_ENCODINGS = /* @__PURE__ */ new Set(["utf8", "utf16le"]);
var BINARY_ENCODINGS = /* @__PURE__ */ new Set(["buffer", "hex", "base64", "base64url", "latin1", "ascii"]);
var ENCODINGS = /* @__PURE__ */ new Set([...TEXT_ENCODINGS, ...BINARY_ENCODINGS]);
var getCorrectEncoding = (encoding) => {
  if (encoding === null) {
    return "buffer";
  }
  if (typeof encoding !== "string") {
    return;
  }
  const lowerEncoding = encoding.toLowerCase();
  if (lowerEncoding in ENCODING_ALIASES) {
    return ENCODING_ALIASES[lowerEncoding];
  }
  if (ENCODINGS.has(lowerEncoding)) {
    return lowerEncoding;
  }
};
var ENCODING_ALIASES = {
  // eslint-disable-next-line unicorn/text-encoding-identifier-case
  "utf-8": "utf8",
  "utf-16le": "utf16le",
  "ucs-2": "utf16le",
  ucs2: "utf16le",
  binary: "latin1"
};
var serializeEncoding = (encoding) => typeof encoding === "string" ? `"${encoding}"` : String(encoding);

// node_modules/execa/lib/arguments/cwd.js
import { statSync } from "node:fs";
import path4 from "node:path";
import process5 from "node:process";
var normalizeCwd = (cwd = getDefaultCwd()) => {
  const cwdString = safeNormalizeFileUrl(cwd, 'The "cwd" option');
  return path4.resolve(cwdString);
};
var getDefaultCwd = () => {
  try {
    return process5.cwd();
  } catch (error2) {
    error2.message = `The current directory does not exist.
${error2.message}`;
    throw error2;
  }
};
var fixCwdError = (originalMessage, cwd) => {
  if (cwd === getDefaultCwd()) {
    return originalMessage;
  }
  let cwdStat;
  try {
    cwdStat = statSync(cwd);
  } catch (error2) {
    return `The "cwd" option is invalid: ${cwd}.
${error2.message}
${originalMessage}`;
  }
  if (!cwdStat.isDirectory()) {
    return `The "cwd" option is not a directory: ${cwd}.
${originalMessage}`;
  }
  return originalMessage;
};

// node_modules/execa/lib/arguments/options.js
var normalizeOptions = (filePath, rawArguments, rawOptions) => {
  rawOptions.cwd = normalizeCwd(rawOptions.cwd);
  const [processedFile, processedArguments, processedOptions] = handleNodeOption(filePath, rawArguments, rawOptions);
  const { command: file, args: commandArguments, options: initialOptions } = import_cross_spawn.default._parse(processedFile, processedArguments, processedOptions);
  const fdOptions = normalizeFdSpecificOptions(initialOptions);
  const options = addDefaultOptions(fdOptions);
  validateTimeout(options);
  validateEncoding(options);
  validateIpcInputOption(options);
  validateCancelSignal(options);
  validateGracefulCancel(options);
  options.shell = normalizeFileUrl(options.shell);
  options.env = getEnv(options);
  options.killSignal = normalizeKillSignal(options.killSignal);
  options.forceKillAfterDelay = normalizeForceKillAfterDelay(options.forceKillAfterDelay);
  options.lines = options.lines.map((lines, fdNumber) => lines && !BINARY_ENCODINGS.has(options.encoding) && options.buffer[fdNumber]);
  if (process6.platform === "win32" && path5.basename(file, ".exe") === "cmd") {
    commandArguments.unshift("/q");
  }
  return { file, commandArguments, options };
};
var addDefaultOptions = ({
  extendEnv = true,
  preferLocal = false,
  cwd,
  localDir: localDirectory = cwd,
  encoding = "utf8",
  reject = true,
  cleanup = true,
  all = false,
  windowsHide = true,
  killSignal = "SIGTERM",
  forceKillAfterDelay = true,
  gracefulCancel = false,
  ipcInput,
  ipc = ipcInput !== void 0 || gracefulCancel,
  serialization = "advanced",
  ...options
}) => ({
  ...options,
  extendEnv,
  preferLocal,
  cwd,
  localDirectory,
  encoding,
  reject,
  cleanup,
  all,
  windowsHide,
  killSignal,
  forceKillAfterDelay,
  gracefulCancel,
  ipcInput,
  ipc,
  serialization
});
var getEnv = ({ env: envOption, extendEnv, preferLocal, node, localDirectory, nodePath }) => {
  const env = extendEnv ? { ...process6.env, ...envOption } : envOption;
  if (preferLocal || node) {
    return npmRunPathEnv({
      env,
      cwd: localDirectory,
      execPath: nodePath,
      preferLocal,
      addExecPath: node
    });
  }
  return env;
};

// node_modules/execa/lib/arguments/shell.js
var concatenateShell = (file, commandArguments, options) => options.shell && commandArguments.length > 0 ? [[file, ...commandArguments].join(" "), [], options] : [file, commandArguments, options];

// node_modules/execa/lib/return/message.js
import { inspect as inspect2 } from "node:util";

// node_modules/strip-final-newline/index.js
function stripFinalNewline(input) {
  if (typeof input === "string") {
    return stripFinalNewlineString(input);
  }
  if (!(ArrayBuffer.isView(input) && input.BYTES_PER_ELEMENT === 1)) {
    throw new Error("Input must be a string or a Uint8Array");
  }
  return stripFinalNewlineBinary(input);
}
var stripFinalNewlineString = (input) => input.at(-1) === LF ? input.slice(0, input.at(-2) === CR ? -2 : -1) : input;
var stripFinalNewlineBinary = (input) => input.at(-1) === LF_BINARY ? input.subarray(0, input.at(-2) === CR_BINARY ? -2 : -1) : input;
var LF = "\n";
var LF_BINARY = LF.codePointAt(0);
var CR = "\r";
var CR_BINARY = CR.codePointAt(0);

// node_modules/get-stream/source/index.js
import { on } from "node:events";
import { finished } from "node:stream/promises";

// node_modules/is-stream/index.js
function isStream(stream, { checkOpen = true } = {}) {
  return stream !== null && typeof stream === "object" && (stream.writable || stream.readable || !checkOpen || stream.writable === void 0 && stream.readable === void 0) && typeof stream.pipe === "function";
}
function isWritableStream(stream, { checkOpen = true } = {}) {
  return isStream(stream, { checkOpen }) && (stream.writable || !checkOpen) && typeof stream.write === "function" && typeof stream.end === "function" && typeof stream.writable === "boolean" && typeof stream.writableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}
function isReadableStream(stream, { checkOpen = true } = {}) {
  return isStream(stream, { checkOpen }) && (stream.readable || !checkOpen) && typeof stream.read === "function" && typeof stream.readable === "boolean" && typeof stream.readableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}
function isDuplexStream(stream, options) {
  return isWritableStream(stream, options) && isReadableStream(stream, options);
}

// node_modules/@sec-ant/readable-stream/dist/ponyfill/asyncIterator.js
var a = Object.getPrototypeOf(
  Object.getPrototypeOf(
    /* istanbul ignore next */
    async function* () {
    }
  ).prototype
);
var c = class {
  #t;
  #n;
  #r = false;
  #e = void 0;
  constructor(e, t) {
    this.#t = e, this.#n = t;
  }
  next() {
    const e = () => this.#s();
    return this.#e = this.#e ? this.#e.then(e, e) : e(), this.#e;
  }
  return(e) {
    const t = () => this.#i(e);
    return this.#e ? this.#e.then(t, t) : t();
  }
  async #s() {
    if (this.#r)
      return {
        done: true,
        value: void 0
      };
    let e;
    try {
      e = await this.#t.read();
    } catch (t) {
      throw this.#e = void 0, this.#r = true, this.#t.releaseLock(), t;
    }
    return e.done && (this.#e = void 0, this.#r = true, this.#t.releaseLock()), e;
  }
  async #i(e) {
    if (this.#r)
      return {
        done: true,
        value: e
      };
    if (this.#r = true, !this.#n) {
      const t = this.#t.cancel(e);
      return this.#t.releaseLock(), await t, {
        done: true,
        value: e
      };
    }
    return this.#t.releaseLock(), {
      done: true,
      value: e
    };
  }
};
var n = /* @__PURE__ */ Symbol();
function i() {
  return this[n].next();
}
Object.defineProperty(i, "name", { value: "next" });
function o(r) {
  return this[n].return(r);
}
Object.defineProperty(o, "name", { value: "return" });
var u = Object.create(a, {
  next: {
    enumerable: true,
    configurable: true,
    writable: true,
    value: i
  },
  return: {
    enumerable: true,
    configurable: true,
    writable: true,
    value: o
  }
});
function h({ preventCancel: r = false } = {}) {
  const e = this.getReader(), t = new c(
    e,
    r
  ), s = Object.create(u);
  return s[n] = t, s;
}

// node_modules/get-stream/source/stream.js
var getAsyncIterable = (stream) => {
  if (isReadableStream(stream, { checkOpen: false }) && nodeImports.on !== void 0) {
    return getStreamIterable(stream);
  }
  if (typeof stream?.[Symbol.asyncIterator] === "function") {
    return stream;
  }
  if (toString.call(stream) === "[object ReadableStream]") {
    return h.call(stream);
  }
  throw new TypeError("The first argument must be a Readable, a ReadableStream, or an async iterable.");
};
var { toString } = Object.prototype;
var getStreamIterable = async function* (stream) {
  const controller = new AbortController();
  const state = {};
  handleStreamEnd(stream, controller, state);
  try {
    for await (const [chunk] of nodeImports.on(stream, "data", { signal: controller.signal })) {
      yield chunk;
    }
  } catch (error2) {
    if (state.error !== void 0) {
      throw state.error;
    } else if (!controller.signal.aborted) {
      throw error2;
    }
  } finally {
    stream.destroy();
  }
};
var handleStreamEnd = async (stream, controller, state) => {
  try {
    await nodeImports.finished(stream, {
      cleanup: true,
      readable: true,
      writable: false,
      error: false
    });
  } catch (error2) {
    state.error = error2;
  } finally {
    controller.abort();
  }
};
var nodeImports = {};

// node_modules/get-stream/source/contents.js
var getStreamContents = async (stream, { init, convertChunk, getSize, truncateChunk, addChunk, getFinalChunk, finalize }, { maxBuffer = Number.POSITIVE_INFINITY } = {}) => {
  const asyncIterable = getAsyncIterable(stream);
  const state = init();
  state.length = 0;
  try {
    for await (const chunk of asyncIterable) {
      const chunkType = getChunkType(chunk);
      const convertedChunk = convertChunk[chunkType](chunk, state);
      appendChunk({
        convertedChunk,
        state,
        getSize,
        truncateChunk,
        addChunk,
        maxBuffer
      });
    }
    appendFinalChunk({
      state,
      convertChunk,
      getSize,
      truncateChunk,
      addChunk,
      getFinalChunk,
      maxBuffer
    });
    return finalize(state);
  } catch (error2) {
    const normalizedError = typeof error2 === "object" && error2 !== null ? error2 : new Error(error2);
    normalizedError.bufferedData = finalize(state);
    throw normalizedError;
  }
};
var appendFinalChunk = ({ state, getSize, truncateChunk, addChunk, getFinalChunk, maxBuffer }) => {
  const convertedChunk = getFinalChunk(state);
  if (convertedChunk !== void 0) {
    appendChunk({
      convertedChunk,
      state,
      getSize,
      truncateChunk,
      addChunk,
      maxBuffer
    });
  }
};
var appendChunk = ({ convertedChunk, state, getSize, truncateChunk, addChunk, maxBuffer }) => {
  const chunkSize = getSize(convertedChunk);
  const newLength = state.length + chunkSize;
  if (newLength <= maxBuffer) {
    addNewChunk(convertedChunk, state, addChunk, newLength);
    return;
  }
  const truncatedChunk = truncateChunk(convertedChunk, maxBuffer - state.length);
  if (truncatedChunk !== void 0) {
    addNewChunk(truncatedChunk, state, addChunk, maxBuffer);
  }
  throw new MaxBufferError();
};
var addNewChunk = (convertedChunk, state, addChunk, newLength) => {
  state.contents = addChunk(convertedChunk, state, newLength);
  state.length = newLength;
};
var getChunkType = (chunk) => {
  const typeOfChunk = typeof chunk;
  if (typeOfChunk === "string") {
    return "string";
  }
  if (typeOfChunk !== "object" || chunk === null) {
    return "others";
  }
  if (globalThis.Buffer?.isBuffer(chunk)) {
    return "buffer";
  }
  const prototypeName = objectToString2.call(chunk);
  if (prototypeName === "[object ArrayBuffer]") {
    return "arrayBuffer";
  }
  if (prototypeName === "[object DataView]") {
    return "dataView";
  }
  if (Number.isInteger(chunk.byteLength) && Number.isInteger(chunk.byteOffset) && objectToString2.call(chunk.buffer) === "[object ArrayBuffer]") {
    return "typedArray";
  }
  return "others";
};
var { toString: objectToString2 } = Object.prototype;
var MaxBufferError = class extends Error {
  name = "MaxBufferError";
  constructor() {
    super("maxBuffer exceeded");
  }
};

// node_modules/get-stream/source/utils.js
var identity2 = (value) => value;
var noop = () => void 0;
var getContentsProperty = ({ contents }) => contents;
var throwObjectStream = (chunk) => {
  throw new Error(`Streams in object mode are not supported: ${String(chunk)}`);
};
var getLengthProperty = (convertedChunk) => convertedChunk.length;

// node_modules/get-stream/source/array.js
async function getStreamAsArray(stream, options) {
  return getStreamContents(stream, arrayMethods, options);
}
var initArray = () => ({ contents: [] });
var increment = () => 1;
var addArrayChunk = (convertedChunk, { contents }) => {
  contents.push(convertedChunk);
  return contents;
};
var arrayMethods = {
  init: initArray,
  convertChunk: {
    string: identity2,
    buffer: identity2,
    arrayBuffer: identity2,
    dataView: identity2,
    typedArray: identity2,
    others: identity2
  },
  getSize: increment,
  truncateChunk: noop,
  addChunk: addArrayChunk,
  getFinalChunk: noop,
  finalize: getContentsProperty
};

// node_modules/get-stream/source/array-buffer.js
async function getStreamAsArrayBuffer(stream, options) {
  return getStreamContents(stream, arrayBufferMethods, options);
}
var initArrayBuffer = () => ({ contents: new ArrayBuffer(0) });
var useTextEncoder = (chunk) => textEncoder2.encode(chunk);
var textEncoder2 = new TextEncoder();
var useUint8Array = (chunk) => new Uint8Array(chunk);
var useUint8ArrayWithOffset = (chunk) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
var truncateArrayBufferChunk = (convertedChunk, chunkSize) => convertedChunk.slice(0, chunkSize);
var addArrayBufferChunk = (convertedChunk, { contents, length: previousLength }, length) => {
  const newContents = hasArrayBufferResize() ? resizeArrayBuffer(contents, length) : resizeArrayBufferSlow(contents, length);
  new Uint8Array(newContents).set(convertedChunk, previousLength);
  return newContents;
};
var resizeArrayBufferSlow = (contents, length) => {
  if (length <= contents.byteLength) {
    return contents;
  }
  const arrayBuffer = new ArrayBuffer(getNewContentsLength(length));
  new Uint8Array(arrayBuffer).set(new Uint8Array(contents), 0);
  return arrayBuffer;
};
var resizeArrayBuffer = (contents, length) => {
  if (length <= contents.maxByteLength) {
    contents.resize(length);
    return contents;
  }
  const arrayBuffer = new ArrayBuffer(length, { maxByteLength: getNewContentsLength(length) });
  new Uint8Array(arrayBuffer).set(new Uint8Array(contents), 0);
  return arrayBuffer;
};
var getNewContentsLength = (length) => SCALE_FACTOR ** Math.ceil(Math.log(length) / Math.log(SCALE_FACTOR));
var SCALE_FACTOR = 2;
var finalizeArrayBuffer = ({ contents, length }) => hasArrayBufferResize() ? contents : contents.slice(0, length);
var hasArrayBufferResize = () => "resize" in ArrayBuffer.prototype;
var arrayBufferMethods = {
  init: initArrayBuffer,
  convertChunk: {
    string: useTextEncoder,
    buffer: useUint8Array,
    arrayBuffer: useUint8Array,
    dataView: useUint8ArrayWithOffset,
    typedArray: useUint8ArrayWithOffset,
    others: throwObjectStream
  },
  getSize: getLengthProperty,
  truncateChunk: truncateArrayBufferChunk,
  addChunk: addArrayBufferChunk,
  getFinalChunk: noop,
  finalize: finalizeArrayBuffer
};

// node_modules/get-stream/source/string.js
async function getStreamAsString(stream, options) {
  return getStreamContents(stream, stringMethods, options);
}
var initString = () => ({ contents: "", textDecoder: new TextDecoder() });
var useTextDecoder = (chunk, { textDecoder: textDecoder2 }) => textDecoder2.decode(chunk, { stream: true });
var addStringChunk = (convertedChunk, { contents }) => contents + convertedChunk;
var truncateStringChunk = (convertedChunk, chunkSize) => convertedChunk.slice(0, chunkSize);
var getFinalStringChunk = ({ textDecoder: textDecoder2 }) => {
  const finalChunk = textDecoder2.decode();
  return finalChunk === "" ? void 0 : finalChunk;
};
var stringMethods = {
  init: initString,
  convertChunk: {
    string: identity2,
    buffer: useTextDecoder,
    arrayBuffer: useTextDecoder,
    dataView: useTextDecoder,
    typedArray: useTextDecoder,
    others: throwObjectStream
  },
  getSize: getLengthProperty,
  truncateChunk: truncateStringChunk,
  addChunk: addStringChunk,
  getFinalChunk: getFinalStringChunk,
  finalize: getContentsProperty
};

// node_modules/get-stream/source/index.js
Object.assign(nodeImports, { on, finished });

// node_modules/execa/lib/io/max-buffer.js
var handleMaxBuffer = ({ error: error2, stream, readableObjectMode, lines, encoding, fdNumber }) => {
  if (!(error2 instanceof MaxBufferError)) {
    throw error2;
  }
  if (fdNumber === "all") {
    return error2;
  }
  const unit = getMaxBufferUnit(readableObjectMode, lines, encoding);
  error2.maxBufferInfo = { fdNumber, unit };
  stream.destroy();
  throw error2;
};
var getMaxBufferUnit = (readableObjectMode, lines, encoding) => {
  if (readableObjectMode) {
    return "objects";
  }
  if (lines) {
    return "lines";
  }
  if (encoding === "buffer") {
    return "bytes";
  }
  return "characters";
};
var checkIpcMaxBuffer = (subprocess, ipcOutput, maxBuffer) => {
  if (ipcOutput.length !== maxBuffer) {
    return;
  }
  const error2 = new MaxBufferError();
  error2.maxBufferInfo = { fdNumber: "ipc" };
  throw error2;
};
var getMaxBufferMessage = (error2, maxBuffer) => {
  const { streamName, threshold, unit } = getMaxBufferInfo(error2, maxBuffer);
  return `Command's ${streamName} was larger than ${threshold} ${unit}`;
};
var getMaxBufferInfo = (error2, maxBuffer) => {
  if (error2?.maxBufferInfo === void 0) {
    return { streamName: "output", threshold: maxBuffer[1], unit: "bytes" };
  }
  const { maxBufferInfo: { fdNumber, unit } } = error2;
  delete error2.maxBufferInfo;
  const threshold = getFdSpecificValue(maxBuffer, fdNumber);
  if (fdNumber === "ipc") {
    return { streamName: "IPC output", threshold, unit: "messages" };
  }
  return { streamName: getStreamName(fdNumber), threshold, unit };
};
var isMaxBufferSync = (resultError, output, maxBuffer) => resultError?.code === "ENOBUFS" && output !== null && output.some((result) => result !== null && result.length > getMaxBufferSync(maxBuffer));
var truncateMaxBufferSync = (result, isMaxBuffer, maxBuffer) => {
  if (!isMaxBuffer) {
    return result;
  }
  const maxBufferValue = getMaxBufferSync(maxBuffer);
  return result.length > maxBufferValue ? result.slice(0, maxBufferValue) : result;
};
var getMaxBufferSync = ([, stdoutMaxBuffer]) => stdoutMaxBuffer;

// node_modules/execa/lib/return/message.js
var createMessages = ({
  stdio,
  all,
  ipcOutput,
  originalError,
  signal,
  signalDescription,
  exitCode,
  escapedCommand,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  forceKillAfterDelay,
  killSignal,
  maxBuffer,
  timeout,
  cwd
}) => {
  const errorCode = originalError?.code;
  const prefix = getErrorPrefix({
    originalError,
    timedOut,
    timeout,
    isMaxBuffer,
    maxBuffer,
    errorCode,
    signal,
    signalDescription,
    exitCode,
    isCanceled,
    isGracefullyCanceled,
    isForcefullyTerminated,
    forceKillAfterDelay,
    killSignal
  });
  const originalMessage = getOriginalMessage(originalError, cwd);
  const suffix = originalMessage === void 0 ? "" : `
${originalMessage}`;
  const shortMessage = `${prefix}: ${escapedCommand}${suffix}`;
  const messageStdio = all === void 0 ? [stdio[2], stdio[1]] : [all];
  const message = [
    shortMessage,
    ...messageStdio,
    ...stdio.slice(3),
    ipcOutput.map((ipcMessage) => serializeIpcMessage(ipcMessage)).join("\n")
  ].map((messagePart) => escapeLines(stripFinalNewline(serializeMessagePart(messagePart)))).filter(Boolean).join("\n\n");
  return { originalMessage, shortMessage, message };
};
var getErrorPrefix = ({
  originalError,
  timedOut,
  timeout,
  isMaxBuffer,
  maxBuffer,
  errorCode,
  signal,
  signalDescription,
  exitCode,
  isCanceled,
  isGracefullyCanceled,
  isForcefullyTerminated,
  forceKillAfterDelay,
  killSignal
}) => {
  const forcefulSuffix = getForcefulSuffix(isForcefullyTerminated, forceKillAfterDelay);
  if (timedOut) {
    return `Command timed out after ${timeout} milliseconds${forcefulSuffix}`;
  }
  if (isGracefullyCanceled) {
    if (signal === void 0) {
      return `Command was gracefully canceled with exit code ${exitCode}`;
    }
    return isForcefullyTerminated ? `Command was gracefully canceled${forcefulSuffix}` : `Command was gracefully canceled with ${signal} (${signalDescription})`;
  }
  if (isCanceled) {
    return `Command was canceled${forcefulSuffix}`;
  }
  if (isMaxBuffer) {
    return `${getMaxBufferMessage(originalError, maxBuffer)}${forcefulSuffix}`;
  }
  if (errorCode !== void 0) {
    return `Command failed with ${errorCode}${forcefulSuffix}`;
  }
  if (isForcefullyTerminated) {
    return `Command was killed with ${killSignal} (${getSignalDescription(killSignal)})${forcefulSuffix}`;
  }
  if (signal !== void 0) {
    return `Command was killed with ${signal} (${signalDescription})`;
  }
  if (exitCode !== void 0) {
    return `Command failed with exit code ${exitCode}`;
  }
  return "Command failed";
};
var getForcefulSuffix = (isForcefullyTerminated, forceKillAfterDelay) => isForcefullyTerminated ? ` and was forcefully terminated after ${forceKillAfterDelay} milliseconds` : "";
var getOriginalMessage = (originalError, cwd) => {
  if (originalError instanceof DiscardedError) {
    return;
  }
  const originalMessage = isExecaError(originalError) ? originalError.originalMessage : String(originalError?.message ?? originalError);
  const escapedOriginalMessage = escapeLines(fixCwdError(originalMessage, cwd));
  return escapedOriginalMessage === "" ? void 0 : escapedOriginalMessage;
};
var serializeIpcMessage = (ipcMessage) => typeof ipcMessage === "string" ? ipcMessage : inspect2(ipcMessage);
var serializeMessagePart = (messagePart) => Array.isArray(messagePart) ? messagePart.map((messageItem) => stripFinalNewline(serializeMessageItem(messageItem))).filter(Boolean).join("\n") : serializeMessageItem(messagePart);
var serializeMessageItem = (messageItem) => {
  if (typeof messageItem === "string") {
    return messageItem;
  }
  if (isUint8Array(messageItem)) {
    return uint8ArrayToString(messageItem);
  }
  return "";
};

// node_modules/execa/lib/return/result.js
var makeSuccessResult = ({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput,
  options: { cwd },
  startTime
}) => omitUndefinedProperties({
  command,
  escapedCommand,
  cwd,
  durationMs: getDurationMs(startTime),
  failed: false,
  timedOut: false,
  isCanceled: false,
  isGracefullyCanceled: false,
  isTerminated: false,
  isMaxBuffer: false,
  isForcefullyTerminated: false,
  exitCode: 0,
  stdout: stdio[1],
  stderr: stdio[2],
  all,
  stdio,
  ipcOutput,
  pipedFrom: []
});
var makeEarlyError = ({
  error: error2,
  command,
  escapedCommand,
  fileDescriptors,
  options,
  startTime,
  isSync
}) => makeError({
  error: error2,
  command,
  escapedCommand,
  startTime,
  timedOut: false,
  isCanceled: false,
  isGracefullyCanceled: false,
  isMaxBuffer: false,
  isForcefullyTerminated: false,
  stdio: Array.from({ length: fileDescriptors.length }),
  ipcOutput: [],
  options,
  isSync
});
var makeError = ({
  error: originalError,
  command,
  escapedCommand,
  startTime,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode: rawExitCode,
  signal: rawSignal,
  stdio,
  all,
  ipcOutput,
  options: {
    timeoutDuration,
    timeout = timeoutDuration,
    forceKillAfterDelay,
    killSignal,
    cwd,
    maxBuffer
  },
  isSync
}) => {
  const { exitCode, signal, signalDescription } = normalizeExitPayload(rawExitCode, rawSignal);
  const { originalMessage, shortMessage, message } = createMessages({
    stdio,
    all,
    ipcOutput,
    originalError,
    signal,
    signalDescription,
    exitCode,
    escapedCommand,
    timedOut,
    isCanceled,
    isGracefullyCanceled,
    isMaxBuffer,
    isForcefullyTerminated,
    forceKillAfterDelay,
    killSignal,
    maxBuffer,
    timeout,
    cwd
  });
  const error2 = getFinalError(originalError, message, isSync);
  Object.assign(error2, getErrorProperties({
    error: error2,
    command,
    escapedCommand,
    startTime,
    timedOut,
    isCanceled,
    isGracefullyCanceled,
    isMaxBuffer,
    isForcefullyTerminated,
    exitCode,
    signal,
    signalDescription,
    stdio,
    all,
    ipcOutput,
    cwd,
    originalMessage,
    shortMessage
  }));
  return error2;
};
var getErrorProperties = ({
  error: error2,
  command,
  escapedCommand,
  startTime,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode,
  signal,
  signalDescription,
  stdio,
  all,
  ipcOutput,
  cwd,
  originalMessage,
  shortMessage
}) => omitUndefinedProperties({
  shortMessage,
  originalMessage,
  command,
  escapedCommand,
  cwd,
  durationMs: getDurationMs(startTime),
  failed: true,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isTerminated: signal !== void 0,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode,
  signal,
  signalDescription,
  code: error2.cause?.code,
  stdout: stdio[1],
  stderr: stdio[2],
  all,
  stdio,
  ipcOutput,
  pipedFrom: []
});
var omitUndefinedProperties = (result) => Object.fromEntries(Object.entries(result).filter(([, value]) => value !== void 0));
var normalizeExitPayload = (rawExitCode, rawSignal) => {
  const exitCode = rawExitCode === null ? void 0 : rawExitCode;
  const signal = rawSignal === null ? void 0 : rawSignal;
  const signalDescription = signal === void 0 ? void 0 : getSignalDescription(rawSignal);
  return { exitCode, signal, signalDescription };
};

// node_modules/parse-ms/index.js
var toZeroIfInfinity = (value) => Number.isFinite(value) ? value : 0;
function parseNumber(milliseconds) {
  return {
    days: Math.trunc(milliseconds / 864e5),
    hours: Math.trunc(milliseconds / 36e5 % 24),
    minutes: Math.trunc(milliseconds / 6e4 % 60),
    seconds: Math.trunc(milliseconds / 1e3 % 60),
    milliseconds: Math.trunc(milliseconds % 1e3),
    microseconds: Math.trunc(toZeroIfInfinity(milliseconds * 1e3) % 1e3),
    nanoseconds: Math.trunc(toZeroIfInfinity(milliseconds * 1e6) % 1e3)
  };
}
function parseBigint(milliseconds) {
  return {
    days: milliseconds / 86400000n,
    hours: milliseconds / 3600000n % 24n,
    minutes: milliseconds / 60000n % 60n,
    seconds: milliseconds / 1000n % 60n,
    milliseconds: milliseconds % 1000n,
    microseconds: 0n,
    nanoseconds: 0n
  };
}
function parseMilliseconds(milliseconds) {
  switch (typeof milliseconds) {
    case "number": {
      if (Number.isFinite(milliseconds)) {
        return parseNumber(milliseconds);
      }
      break;
    }
    case "bigint": {
      return parseBigint(milliseconds);
    }
  }
  throw new TypeError("Expected a finite number or bigint");
}

// node_modules/pretty-ms/index.js
var isZero = (value) => value === 0 || value === 0n;
var pluralize = (word, count2) => count2 === 1 || count2 === 1n ? word : `${word}s`;
var SECOND_ROUNDING_EPSILON = 1e-7;
var ONE_DAY_IN_MILLISECONDS = 24n * 60n * 60n * 1000n;
function prettyMilliseconds(milliseconds, options) {
  const isBigInt = typeof milliseconds === "bigint";
  if (!isBigInt && !Number.isFinite(milliseconds)) {
    throw new TypeError("Expected a finite number or bigint");
  }
  options = { ...options };
  const sign = milliseconds < 0 ? "-" : "";
  milliseconds = milliseconds < 0 ? -milliseconds : milliseconds;
  if (options.colonNotation) {
    options.compact = false;
    options.formatSubMilliseconds = false;
    options.separateMilliseconds = false;
    options.verbose = false;
  }
  if (options.compact) {
    options.unitCount = 1;
    options.secondsDecimalDigits = 0;
    options.millisecondsDecimalDigits = 0;
  }
  let result = [];
  const floorDecimals = (value, decimalDigits) => {
    const flooredInterimValue = Math.floor(value * 10 ** decimalDigits + SECOND_ROUNDING_EPSILON);
    const flooredValue = Math.round(flooredInterimValue) / 10 ** decimalDigits;
    return flooredValue.toFixed(decimalDigits);
  };
  const add = (value, long, short, valueString) => {
    if ((result.length === 0 || !options.colonNotation) && isZero(value) && !(options.colonNotation && short === "m")) {
      return;
    }
    valueString ??= String(value);
    if (options.colonNotation) {
      const wholeDigits = valueString.includes(".") ? valueString.split(".")[0].length : valueString.length;
      const minLength = result.length > 0 ? 2 : 1;
      valueString = "0".repeat(Math.max(0, minLength - wholeDigits)) + valueString;
    } else {
      valueString += options.verbose ? " " + pluralize(long, value) : short;
    }
    result.push(valueString);
  };
  const parsed = parseMilliseconds(milliseconds);
  const days = BigInt(parsed.days);
  if (options.hideYearAndDays) {
    add(BigInt(days) * 24n + BigInt(parsed.hours), "hour", "h");
  } else {
    if (options.hideYear) {
      add(days, "day", "d");
    } else {
      add(days / 365n, "year", "y");
      add(days % 365n, "day", "d");
    }
    add(Number(parsed.hours), "hour", "h");
  }
  add(Number(parsed.minutes), "minute", "m");
  if (!options.hideSeconds) {
    if (options.separateMilliseconds || options.formatSubMilliseconds || !options.colonNotation && milliseconds < 1e3 && !options.subSecondsAsDecimals) {
      const seconds = Number(parsed.seconds);
      const milliseconds2 = Number(parsed.milliseconds);
      const microseconds = Number(parsed.microseconds);
      const nanoseconds = Number(parsed.nanoseconds);
      add(seconds, "second", "s");
      if (options.formatSubMilliseconds) {
        add(milliseconds2, "millisecond", "ms");
        add(microseconds, "microsecond", "\xB5s");
        add(nanoseconds, "nanosecond", "ns");
      } else {
        const millisecondsAndBelow = milliseconds2 + microseconds / 1e3 + nanoseconds / 1e6;
        const millisecondsDecimalDigits = typeof options.millisecondsDecimalDigits === "number" ? options.millisecondsDecimalDigits : 0;
        const roundedMilliseconds = millisecondsAndBelow >= 1 ? Math.round(millisecondsAndBelow) : Math.ceil(millisecondsAndBelow);
        const maximumMilliseconds = 1e3 - 10 ** -millisecondsDecimalDigits;
        const millisecondsString = millisecondsDecimalDigits ? Math.min(millisecondsAndBelow, maximumMilliseconds).toFixed(millisecondsDecimalDigits) : Math.min(roundedMilliseconds, maximumMilliseconds);
        add(
          Number.parseFloat(millisecondsString),
          "millisecond",
          "ms",
          millisecondsString
        );
      }
    } else {
      const seconds = (isBigInt ? Number(milliseconds % ONE_DAY_IN_MILLISECONDS) : milliseconds) / 1e3 % 60;
      const secondsDecimalDigits = typeof options.secondsDecimalDigits === "number" ? options.secondsDecimalDigits : 1;
      const secondsFixed = floorDecimals(seconds, secondsDecimalDigits);
      const secondsString = options.keepDecimalsOnWholeSeconds ? secondsFixed : secondsFixed.replace(/\.0+$/, "");
      add(Number.parseFloat(secondsString), "second", "s", secondsString);
    }
  }
  if (result.length === 0) {
    return sign + "0" + (options.verbose ? " milliseconds" : "ms");
  }
  const separator = options.colonNotation ? ":" : " ";
  if (typeof options.unitCount === "number") {
    result = result.slice(0, Math.max(options.unitCount, 1));
  }
  return sign + result.join(separator);
}

// node_modules/execa/lib/verbose/error.js
var logError = (result, verboseInfo) => {
  if (result.failed) {
    verboseLog({
      type: "error",
      verboseMessage: result.shortMessage,
      verboseInfo,
      result
    });
  }
};

// node_modules/execa/lib/verbose/complete.js
var logResult = (result, verboseInfo) => {
  if (!isVerbose(verboseInfo)) {
    return;
  }
  logError(result, verboseInfo);
  logDuration(result, verboseInfo);
};
var logDuration = (result, verboseInfo) => {
  const verboseMessage = `(done in ${prettyMilliseconds(result.durationMs)})`;
  verboseLog({
    type: "duration",
    verboseMessage,
    verboseInfo,
    result
  });
};

// node_modules/execa/lib/return/reject.js
var handleResult = (result, verboseInfo, { reject }) => {
  logResult(result, verboseInfo);
  if (result.failed && reject) {
    throw result;
  }
  return result;
};

// node_modules/execa/lib/stdio/handle-sync.js
import { readFileSync as readFileSync2 } from "node:fs";

// node_modules/execa/lib/stdio/type.js
var getStdioItemType = (value, optionName) => {
  if (isAsyncGenerator(value)) {
    return "asyncGenerator";
  }
  if (isSyncGenerator(value)) {
    return "generator";
  }
  if (isUrl(value)) {
    return "fileUrl";
  }
  if (isFilePathObject(value)) {
    return "filePath";
  }
  if (isWebStream(value)) {
    return "webStream";
  }
  if (isStream(value, { checkOpen: false })) {
    return "native";
  }
  if (isUint8Array(value)) {
    return "uint8Array";
  }
  if (isAsyncIterableObject(value)) {
    return "asyncIterable";
  }
  if (isIterableObject(value)) {
    return "iterable";
  }
  if (isTransformStream(value)) {
    return getTransformStreamType({ transform: value }, optionName);
  }
  if (isTransformOptions(value)) {
    return getTransformObjectType(value, optionName);
  }
  return "native";
};
var getTransformObjectType = (value, optionName) => {
  if (isDuplexStream(value.transform, { checkOpen: false })) {
    return getDuplexType(value, optionName);
  }
  if (isTransformStream(value.transform)) {
    return getTransformStreamType(value, optionName);
  }
  return getGeneratorObjectType(value, optionName);
};
var getDuplexType = (value, optionName) => {
  validateNonGeneratorType(value, optionName, "Duplex stream");
  return "duplex";
};
var getTransformStreamType = (value, optionName) => {
  validateNonGeneratorType(value, optionName, "web TransformStream");
  return "webTransform";
};
var validateNonGeneratorType = ({ final, binary, objectMode }, optionName, typeName) => {
  checkUndefinedOption(final, `${optionName}.final`, typeName);
  checkUndefinedOption(binary, `${optionName}.binary`, typeName);
  checkBooleanOption(objectMode, `${optionName}.objectMode`);
};
var checkUndefinedOption = (value, optionName, typeName) => {
  if (value !== void 0) {
    throw new TypeError(`The \`${optionName}\` option can only be defined when using a generator, not a ${typeName}.`);
  }
};
var getGeneratorObjectType = ({ transform, final, binary, objectMode }, optionName) => {
  if (transform !== void 0 && !isGenerator(transform)) {
    throw new TypeError(`The \`${optionName}.transform\` option must be a generator, a Duplex stream or a web TransformStream.`);
  }
  if (isDuplexStream(final, { checkOpen: false })) {
    throw new TypeError(`The \`${optionName}.final\` option must not be a Duplex stream.`);
  }
  if (isTransformStream(final)) {
    throw new TypeError(`The \`${optionName}.final\` option must not be a web TransformStream.`);
  }
  if (final !== void 0 && !isGenerator(final)) {
    throw new TypeError(`The \`${optionName}.final\` option must be a generator.`);
  }
  checkBooleanOption(binary, `${optionName}.binary`);
  checkBooleanOption(objectMode, `${optionName}.objectMode`);
  return isAsyncGenerator(transform) || isAsyncGenerator(final) ? "asyncGenerator" : "generator";
};
var checkBooleanOption = (value, optionName) => {
  if (value !== void 0 && typeof value !== "boolean") {
    throw new TypeError(`The \`${optionName}\` option must use a boolean.`);
  }
};
var isGenerator = (value) => isAsyncGenerator(value) || isSyncGenerator(value);
var isAsyncGenerator = (value) => Object.prototype.toString.call(value) === "[object AsyncGeneratorFunction]";
var isSyncGenerator = (value) => Object.prototype.toString.call(value) === "[object GeneratorFunction]";
var isTransformOptions = (value) => isPlainObject(value) && (value.transform !== void 0 || value.final !== void 0);
var isUrl = (value) => Object.prototype.toString.call(value) === "[object URL]";
var isRegularUrl = (value) => isUrl(value) && value.protocol !== "file:";
var isFilePathObject = (value) => isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => FILE_PATH_KEYS.has(key)) && isFilePathString(value.file);
var FILE_PATH_KEYS = /* @__PURE__ */ new Set(["file", "append"]);
var isFilePathString = (file) => typeof file === "string";
var isUnknownStdioString = (type, value) => type === "native" && typeof value === "string" && !KNOWN_STDIO_STRINGS.has(value);
var KNOWN_STDIO_STRINGS = /* @__PURE__ */ new Set(["ipc", "ignore", "inherit", "overlapped", "pipe"]);
var isReadableStream2 = (value) => Object.prototype.toString.call(value) === "[object ReadableStream]";
var isWritableStream2 = (value) => Object.prototype.toString.call(value) === "[object WritableStream]";
var isWebStream = (value) => isReadableStream2(value) || isWritableStream2(value);
var isTransformStream = (value) => isReadableStream2(value?.readable) && isWritableStream2(value?.writable);
var isAsyncIterableObject = (value) => isObject(value) && typeof value[Symbol.asyncIterator] === "function";
var isIterableObject = (value) => isObject(value) && typeof value[Symbol.iterator] === "function";
var isObject = (value) => typeof value === "object" && value !== null;
var TRANSFORM_TYPES = /* @__PURE__ */ new Set(["generator", "asyncGenerator", "duplex", "webTransform"]);
var FILE_TYPES = /* @__PURE__ */ new Set(["fileUrl", "filePath", "fileNumber"]);
var SPECIAL_DUPLICATE_TYPES_SYNC = /* @__PURE__ */ new Set(["fileUrl", "filePath"]);
var SPECIAL_DUPLICATE_TYPES = /* @__PURE__ */ new Set([...SPECIAL_DUPLICATE_TYPES_SYNC, "webStream", "nodeStream"]);
var FORBID_DUPLICATE_TYPES = /* @__PURE__ */ new Set(["webTransform", "duplex"]);
var TYPE_TO_MESSAGE = {
  generator: "a generator",
  asyncGenerator: "an async generator",
  fileUrl: "a file URL",
  filePath: "a file path string",
  fileNumber: "a file descriptor number",
  webStream: "a web stream",
  nodeStream: "a Node.js stream",
  webTransform: "a web TransformStream",
  duplex: "a Duplex stream",
  native: "any value",
  iterable: "an iterable",
  asyncIterable: "an async iterable",
  string: "a string",
  uint8Array: "a Uint8Array"
};

// node_modules/execa/lib/transform/object-mode.js
var getTransformObjectModes = (objectMode, index, newTransforms, direction) => direction === "output" ? getOutputObjectModes(objectMode, index, newTransforms) : getInputObjectModes(objectMode, index, newTransforms);
var getOutputObjectModes = (objectMode, index, newTransforms) => {
  const writableObjectMode = index !== 0 && newTransforms[index - 1].value.readableObjectMode;
  const readableObjectMode = objectMode ?? writableObjectMode;
  return { writableObjectMode, readableObjectMode };
};
var getInputObjectModes = (objectMode, index, newTransforms) => {
  const writableObjectMode = index === 0 ? objectMode === true : newTransforms[index - 1].value.readableObjectMode;
  const readableObjectMode = index !== newTransforms.length - 1 && (objectMode ?? writableObjectMode);
  return { writableObjectMode, readableObjectMode };
};
var getFdObjectMode = (stdioItems, direction) => {
  const lastTransform = stdioItems.findLast(({ type }) => TRANSFORM_TYPES.has(type));
  if (lastTransform === void 0) {
    return false;
  }
  return direction === "input" ? lastTransform.value.writableObjectMode : lastTransform.value.readableObjectMode;
};

// node_modules/execa/lib/transform/normalize.js
var normalizeTransforms = (stdioItems, optionName, direction, options) => [
  ...stdioItems.filter(({ type }) => !TRANSFORM_TYPES.has(type)),
  ...getTransforms(stdioItems, optionName, direction, options)
];
var getTransforms = (stdioItems, optionName, direction, { encoding }) => {
  const transforms = stdioItems.filter(({ type }) => TRANSFORM_TYPES.has(type));
  const newTransforms = Array.from({ length: transforms.length });
  for (const [index, stdioItem] of Object.entries(transforms)) {
    newTransforms[index] = normalizeTransform({
      stdioItem,
      index: Number(index),
      newTransforms,
      optionName,
      direction,
      encoding
    });
  }
  return sortTransforms(newTransforms, direction);
};
var normalizeTransform = ({ stdioItem, stdioItem: { type }, index, newTransforms, optionName, direction, encoding }) => {
  if (type === "duplex") {
    return normalizeDuplex({ stdioItem, optionName });
  }
  if (type === "webTransform") {
    return normalizeTransformStream({
      stdioItem,
      index,
      newTransforms,
      direction
    });
  }
  return normalizeGenerator({
    stdioItem,
    index,
    newTransforms,
    direction,
    encoding
  });
};
var normalizeDuplex = ({
  stdioItem,
  stdioItem: {
    value: {
      transform,
      transform: { writableObjectMode, readableObjectMode },
      objectMode = readableObjectMode
    }
  },
  optionName
}) => {
  if (objectMode && !readableObjectMode) {
    throw new TypeError(`The \`${optionName}.objectMode\` option can only be \`true\` if \`new Duplex({objectMode: true})\` is used.`);
  }
  if (!objectMode && readableObjectMode) {
    throw new TypeError(`The \`${optionName}.objectMode\` option cannot be \`false\` if \`new Duplex({objectMode: true})\` is used.`);
  }
  return {
    ...stdioItem,
    value: { transform, writableObjectMode, readableObjectMode }
  };
};
var normalizeTransformStream = ({ stdioItem, stdioItem: { value }, index, newTransforms, direction }) => {
  const { transform, objectMode } = isPlainObject(value) ? value : { transform: value };
  const { writableObjectMode, readableObjectMode } = getTransformObjectModes(objectMode, index, newTransforms, direction);
  return {
    ...stdioItem,
    value: { transform, writableObjectMode, readableObjectMode }
  };
};
var normalizeGenerator = ({ stdioItem, stdioItem: { value }, index, newTransforms, direction, encoding }) => {
  const {
    transform,
    final,
    binary: binaryOption = false,
    preserveNewlines = false,
    objectMode
  } = isPlainObject(value) ? value : { transform: value };
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { writableObjectMode, readableObjectMode } = getTransformObjectModes(objectMode, index, newTransforms, direction);
  return {
    ...stdioItem,
    value: {
      transform,
      final,
      binary,
      preserveNewlines,
      writableObjectMode,
      readableObjectMode
    }
  };
};
var sortTransforms = (newTransforms, direction) => direction === "input" ? newTransforms.reverse() : newTransforms;

// node_modules/execa/lib/stdio/direction.js
import process7 from "node:process";
var getStreamDirection = (stdioItems, fdNumber, optionName) => {
  const directions = stdioItems.map((stdioItem) => getStdioItemDirection(stdioItem, fdNumber));
  if (directions.includes("input") && directions.includes("output")) {
    throw new TypeError(`The \`${optionName}\` option must not be an array of both readable and writable values.`);
  }
  return directions.find(Boolean) ?? DEFAULT_DIRECTION;
};
var getStdioItemDirection = ({ type, value }, fdNumber) => KNOWN_DIRECTIONS[fdNumber] ?? guessStreamDirection[type](value);
var KNOWN_DIRECTIONS = ["input", "output", "output"];
var anyDirection = () => void 0;
var alwaysInput = () => "input";
var guessStreamDirection = {
  generator: anyDirection,
  asyncGenerator: anyDirection,
  fileUrl: anyDirection,
  filePath: anyDirection,
  iterable: alwaysInput,
  asyncIterable: alwaysInput,
  uint8Array: alwaysInput,
  webStream: (value) => isWritableStream2(value) ? "output" : "input",
  nodeStream(value) {
    if (!isReadableStream(value, { checkOpen: false })) {
      return "output";
    }
    return isWritableStream(value, { checkOpen: false }) ? void 0 : "input";
  },
  webTransform: anyDirection,
  duplex: anyDirection,
  native(value) {
    const standardStreamDirection = getStandardStreamDirection(value);
    if (standardStreamDirection !== void 0) {
      return standardStreamDirection;
    }
    if (isStream(value, { checkOpen: false })) {
      return guessStreamDirection.nodeStream(value);
    }
  }
};
var getStandardStreamDirection = (value) => {
  if ([0, process7.stdin].includes(value)) {
    return "input";
  }
  if ([1, 2, process7.stdout, process7.stderr].includes(value)) {
    return "output";
  }
};
var DEFAULT_DIRECTION = "output";

// node_modules/execa/lib/ipc/array.js
var normalizeIpcStdioArray = (stdioArray, ipc) => ipc && !stdioArray.includes("ipc") ? [...stdioArray, "ipc"] : stdioArray;

// node_modules/execa/lib/stdio/stdio-option.js
var normalizeStdioOption = ({ stdio, ipc, buffer, ...options }, verboseInfo, isSync) => {
  const stdioArray = getStdioArray(stdio, options).map((stdioOption, fdNumber) => addDefaultValue2(stdioOption, fdNumber));
  return isSync ? normalizeStdioSync(stdioArray, buffer, verboseInfo) : normalizeIpcStdioArray(stdioArray, ipc);
};
var getStdioArray = (stdio, options) => {
  if (stdio === void 0) {
    return STANDARD_STREAMS_ALIASES.map((alias) => options[alias]);
  }
  if (hasAlias(options)) {
    throw new Error(`It's not possible to provide \`stdio\` in combination with one of ${STANDARD_STREAMS_ALIASES.map((alias) => `\`${alias}\``).join(", ")}`);
  }
  if (typeof stdio === "string") {
    return [stdio, stdio, stdio];
  }
  if (!Array.isArray(stdio)) {
    throw new TypeError(`Expected \`stdio\` to be of type \`string\` or \`Array\`, got \`${typeof stdio}\``);
  }
  const length = Math.max(stdio.length, STANDARD_STREAMS_ALIASES.length);
  return Array.from({ length }, (_, fdNumber) => stdio[fdNumber]);
};
var hasAlias = (options) => STANDARD_STREAMS_ALIASES.some((alias) => options[alias] !== void 0);
var addDefaultValue2 = (stdioOption, fdNumber) => {
  if (Array.isArray(stdioOption)) {
    return stdioOption.map((item) => addDefaultValue2(item, fdNumber));
  }
  if (stdioOption === null || stdioOption === void 0) {
    return fdNumber >= STANDARD_STREAMS_ALIASES.length ? "ignore" : "pipe";
  }
  return stdioOption;
};
var normalizeStdioSync = (stdioArray, buffer, verboseInfo) => stdioArray.map((stdioOption, fdNumber) => !buffer[fdNumber] && fdNumber !== 0 && !isFullVerbose(verboseInfo, fdNumber) && isOutputPipeOnly(stdioOption) ? "ignore" : stdioOption);
var isOutputPipeOnly = (stdioOption) => stdioOption === "pipe" || Array.isArray(stdioOption) && stdioOption.every((item) => item === "pipe");

// node_modules/execa/lib/stdio/native.js
import { readFileSync } from "node:fs";
import tty2 from "node:tty";
var handleNativeStream = ({ stdioItem, stdioItem: { type }, isStdioArray, fdNumber, direction, isSync }) => {
  if (!isStdioArray || type !== "native") {
    return stdioItem;
  }
  return isSync ? handleNativeStreamSync({ stdioItem, fdNumber, direction }) : handleNativeStreamAsync({ stdioItem, fdNumber });
};
var handleNativeStreamSync = ({ stdioItem, stdioItem: { value, optionName }, fdNumber, direction }) => {
  const targetFd = getTargetFd({
    value,
    optionName,
    fdNumber,
    direction
  });
  if (targetFd !== void 0) {
    return targetFd;
  }
  if (isStream(value, { checkOpen: false })) {
    throw new TypeError(`The \`${optionName}: Stream\` option cannot both be an array and include a stream with synchronous methods.`);
  }
  return stdioItem;
};
var getTargetFd = ({ value, optionName, fdNumber, direction }) => {
  const targetFdNumber = getTargetFdNumber(value, fdNumber);
  if (targetFdNumber === void 0) {
    return;
  }
  if (direction === "output") {
    return { type: "fileNumber", value: targetFdNumber, optionName };
  }
  if (tty2.isatty(targetFdNumber)) {
    throw new TypeError(`The \`${optionName}: ${serializeOptionValue(value)}\` option is invalid: it cannot be a TTY with synchronous methods.`);
  }
  return { type: "uint8Array", value: bufferToUint8Array(readFileSync(targetFdNumber)), optionName };
};
var getTargetFdNumber = (value, fdNumber) => {
  if (value === "inherit") {
    return fdNumber;
  }
  if (typeof value === "number") {
    return value;
  }
  const standardStreamIndex = STANDARD_STREAMS.indexOf(value);
  if (standardStreamIndex !== -1) {
    return standardStreamIndex;
  }
};
var handleNativeStreamAsync = ({ stdioItem, stdioItem: { value, optionName }, fdNumber }) => {
  if (value === "inherit") {
    return { type: "nodeStream", value: getStandardStream(fdNumber, value, optionName), optionName };
  }
  if (typeof value === "number") {
    return { type: "nodeStream", value: getStandardStream(value, value, optionName), optionName };
  }
  if (isStream(value, { checkOpen: false })) {
    return { type: "nodeStream", value, optionName };
  }
  return stdioItem;
};
var getStandardStream = (fdNumber, value, optionName) => {
  const standardStream = STANDARD_STREAMS[fdNumber];
  if (standardStream === void 0) {
    throw new TypeError(`The \`${optionName}: ${value}\` option is invalid: no such standard stream.`);
  }
  return standardStream;
};

// node_modules/execa/lib/stdio/input-option.js
var handleInputOptions = ({ input, inputFile }, fdNumber) => fdNumber === 0 ? [
  ...handleInputOption(input),
  ...handleInputFileOption(inputFile)
] : [];
var handleInputOption = (input) => input === void 0 ? [] : [{
  type: getInputType(input),
  value: input,
  optionName: "input"
}];
var getInputType = (input) => {
  if (isReadableStream(input, { checkOpen: false })) {
    return "nodeStream";
  }
  if (typeof input === "string") {
    return "string";
  }
  if (isUint8Array(input)) {
    return "uint8Array";
  }
  throw new Error("The `input` option must be a string, a Uint8Array or a Node.js Readable stream.");
};
var handleInputFileOption = (inputFile) => inputFile === void 0 ? [] : [{
  ...getInputFileType(inputFile),
  optionName: "inputFile"
}];
var getInputFileType = (inputFile) => {
  if (isUrl(inputFile)) {
    return { type: "fileUrl", value: inputFile };
  }
  if (isFilePathString(inputFile)) {
    return { type: "filePath", value: { file: inputFile } };
  }
  throw new Error("The `inputFile` option must be a file path string or a file URL.");
};

// node_modules/execa/lib/stdio/duplicate.js
var filterDuplicates = (stdioItems) => stdioItems.filter((stdioItemOne, indexOne) => stdioItems.every((stdioItemTwo, indexTwo) => stdioItemOne.value !== stdioItemTwo.value || indexOne >= indexTwo || stdioItemOne.type === "generator" || stdioItemOne.type === "asyncGenerator"));
var getDuplicateStream = ({ stdioItem: { type, value, optionName }, direction, fileDescriptors, isSync }) => {
  const otherStdioItems = getOtherStdioItems(fileDescriptors, type);
  if (otherStdioItems.length === 0) {
    return;
  }
  if (isSync) {
    validateDuplicateStreamSync({
      otherStdioItems,
      type,
      value,
      optionName,
      direction
    });
    return;
  }
  if (SPECIAL_DUPLICATE_TYPES.has(type)) {
    return getDuplicateStreamInstance({
      otherStdioItems,
      type,
      value,
      optionName,
      direction
    });
  }
  if (FORBID_DUPLICATE_TYPES.has(type)) {
    validateDuplicateTransform({
      otherStdioItems,
      type,
      value,
      optionName
    });
  }
};
var getOtherStdioItems = (fileDescriptors, type) => fileDescriptors.flatMap(({ direction, stdioItems }) => stdioItems.filter((stdioItem) => stdioItem.type === type).map(((stdioItem) => ({ ...stdioItem, direction }))));
var validateDuplicateStreamSync = ({ otherStdioItems, type, value, optionName, direction }) => {
  if (SPECIAL_DUPLICATE_TYPES_SYNC.has(type)) {
    getDuplicateStreamInstance({
      otherStdioItems,
      type,
      value,
      optionName,
      direction
    });
  }
};
var getDuplicateStreamInstance = ({ otherStdioItems, type, value, optionName, direction }) => {
  const duplicateStdioItems = otherStdioItems.filter((stdioItem) => hasSameValue(stdioItem, value));
  if (duplicateStdioItems.length === 0) {
    return;
  }
  const differentStdioItem = duplicateStdioItems.find((stdioItem) => stdioItem.direction !== direction);
  throwOnDuplicateStream(differentStdioItem, optionName, type);
  return direction === "output" ? duplicateStdioItems[0].stream : void 0;
};
var hasSameValue = ({ type, value }, secondValue) => {
  if (type === "filePath") {
    return value.file === secondValue.file;
  }
  if (type === "fileUrl") {
    return value.href === secondValue.href;
  }
  return value === secondValue;
};
var validateDuplicateTransform = ({ otherStdioItems, type, value, optionName }) => {
  const duplicateStdioItem = otherStdioItems.find(({ value: { transform } }) => transform === value.transform);
  throwOnDuplicateStream(duplicateStdioItem, optionName, type);
};
var throwOnDuplicateStream = (stdioItem, optionName, type) => {
  if (stdioItem !== void 0) {
    throw new TypeError(`The \`${stdioItem.optionName}\` and \`${optionName}\` options must not target ${TYPE_TO_MESSAGE[type]} that is the same.`);
  }
};

// node_modules/execa/lib/stdio/handle.js
var handleStdio = (addProperties3, options, verboseInfo, isSync) => {
  const stdio = normalizeStdioOption(options, verboseInfo, isSync);
  const initialFileDescriptors = stdio.map((stdioOption, fdNumber) => getFileDescriptor({
    stdioOption,
    fdNumber,
    options,
    isSync
  }));
  const fileDescriptors = getFinalFileDescriptors({
    initialFileDescriptors,
    addProperties: addProperties3,
    options,
    isSync
  });
  options.stdio = fileDescriptors.map(({ stdioItems }) => forwardStdio(stdioItems));
  return fileDescriptors;
};
var getFileDescriptor = ({ stdioOption, fdNumber, options, isSync }) => {
  const optionName = getStreamName(fdNumber);
  const { stdioItems: initialStdioItems, isStdioArray } = initializeStdioItems({
    stdioOption,
    fdNumber,
    options,
    optionName
  });
  const direction = getStreamDirection(initialStdioItems, fdNumber, optionName);
  const stdioItems = initialStdioItems.map((stdioItem) => handleNativeStream({
    stdioItem,
    isStdioArray,
    fdNumber,
    direction,
    isSync
  }));
  const normalizedStdioItems = normalizeTransforms(stdioItems, optionName, direction, options);
  const objectMode = getFdObjectMode(normalizedStdioItems, direction);
  validateFileObjectMode(normalizedStdioItems, objectMode);
  return { direction, objectMode, stdioItems: normalizedStdioItems };
};
var initializeStdioItems = ({ stdioOption, fdNumber, options, optionName }) => {
  const values = Array.isArray(stdioOption) ? stdioOption : [stdioOption];
  const initialStdioItems = [
    ...values.map((value) => initializeStdioItem(value, optionName)),
    ...handleInputOptions(options, fdNumber)
  ];
  const stdioItems = filterDuplicates(initialStdioItems);
  const isStdioArray = stdioItems.length > 1;
  validateStdioArray(stdioItems, isStdioArray, optionName);
  validateStreams(stdioItems);
  return { stdioItems, isStdioArray };
};
var initializeStdioItem = (value, optionName) => ({
  type: getStdioItemType(value, optionName),
  value,
  optionName
});
var validateStdioArray = (stdioItems, isStdioArray, optionName) => {
  if (stdioItems.length === 0) {
    throw new TypeError(`The \`${optionName}\` option must not be an empty array.`);
  }
  if (!isStdioArray) {
    return;
  }
  for (const { value, optionName: optionName2 } of stdioItems) {
    if (INVALID_STDIO_ARRAY_OPTIONS.has(value)) {
      throw new Error(`The \`${optionName2}\` option must not include \`${value}\`.`);
    }
  }
};
var INVALID_STDIO_ARRAY_OPTIONS = /* @__PURE__ */ new Set(["ignore", "ipc"]);
var validateStreams = (stdioItems) => {
  for (const stdioItem of stdioItems) {
    validateFileStdio(stdioItem);
  }
};
var validateFileStdio = ({ type, value, optionName }) => {
  if (isRegularUrl(value)) {
    throw new TypeError(`The \`${optionName}: URL\` option must use the \`file:\` scheme.
For example, you can use the \`pathToFileURL()\` method of the \`url\` core module.`);
  }
  if (isUnknownStdioString(type, value)) {
    throw new TypeError(`The \`${optionName}: { file: '...' }\` option must be used instead of \`${optionName}: '...'\`.`);
  }
};
var validateFileObjectMode = (stdioItems, objectMode) => {
  if (!objectMode) {
    return;
  }
  const fileStdioItem = stdioItems.find(({ type }) => FILE_TYPES.has(type));
  if (fileStdioItem !== void 0) {
    throw new TypeError(`The \`${fileStdioItem.optionName}\` option cannot use both files and transforms in objectMode.`);
  }
};
var getFinalFileDescriptors = ({ initialFileDescriptors, addProperties: addProperties3, options, isSync }) => {
  const fileDescriptors = [];
  try {
    for (const fileDescriptor of initialFileDescriptors) {
      fileDescriptors.push(getFinalFileDescriptor({
        fileDescriptor,
        fileDescriptors,
        addProperties: addProperties3,
        options,
        isSync
      }));
    }
    return fileDescriptors;
  } catch (error2) {
    cleanupCustomStreams(fileDescriptors);
    throw error2;
  }
};
var getFinalFileDescriptor = ({
  fileDescriptor: { direction, objectMode, stdioItems },
  fileDescriptors,
  addProperties: addProperties3,
  options,
  isSync
}) => {
  const finalStdioItems = stdioItems.map((stdioItem) => addStreamProperties({
    stdioItem,
    addProperties: addProperties3,
    direction,
    options,
    fileDescriptors,
    isSync
  }));
  return { direction, objectMode, stdioItems: finalStdioItems };
};
var addStreamProperties = ({ stdioItem, addProperties: addProperties3, direction, options, fileDescriptors, isSync }) => {
  const duplicateStream = getDuplicateStream({
    stdioItem,
    direction,
    fileDescriptors,
    isSync
  });
  if (duplicateStream !== void 0) {
    return { ...stdioItem, stream: duplicateStream };
  }
  return {
    ...stdioItem,
    ...addProperties3[direction][stdioItem.type](stdioItem, options)
  };
};
var cleanupCustomStreams = (fileDescriptors) => {
  for (const { stdioItems } of fileDescriptors) {
    for (const { stream } of stdioItems) {
      if (stream !== void 0 && !isStandardStream(stream)) {
        stream.destroy();
      }
    }
  }
};
var forwardStdio = (stdioItems) => {
  if (stdioItems.length > 1) {
    return stdioItems.some(({ value: value2 }) => value2 === "overlapped") ? "overlapped" : "pipe";
  }
  const [{ type, value }] = stdioItems;
  return type === "native" ? value : "pipe";
};

// node_modules/execa/lib/stdio/handle-sync.js
var handleStdioSync = (options, verboseInfo) => handleStdio(addPropertiesSync, options, verboseInfo, true);
var forbiddenIfSync = ({ type, optionName }) => {
  throwInvalidSyncValue(optionName, TYPE_TO_MESSAGE[type]);
};
var forbiddenNativeIfSync = ({ optionName, value }) => {
  if (value === "ipc" || value === "overlapped") {
    throwInvalidSyncValue(optionName, `"${value}"`);
  }
  return {};
};
var throwInvalidSyncValue = (optionName, value) => {
  throw new TypeError(`The \`${optionName}\` option cannot be ${value} with synchronous methods.`);
};
var addProperties = {
  generator() {
  },
  asyncGenerator: forbiddenIfSync,
  webStream: forbiddenIfSync,
  nodeStream: forbiddenIfSync,
  webTransform: forbiddenIfSync,
  duplex: forbiddenIfSync,
  asyncIterable: forbiddenIfSync,
  native: forbiddenNativeIfSync
};
var addPropertiesSync = {
  input: {
    ...addProperties,
    fileUrl: ({ value }) => ({ contents: [bufferToUint8Array(readFileSync2(value))] }),
    filePath: ({ value: { file } }) => ({ contents: [bufferToUint8Array(readFileSync2(file))] }),
    fileNumber: forbiddenIfSync,
    iterable: ({ value }) => ({ contents: [...value] }),
    string: ({ value }) => ({ contents: [value] }),
    uint8Array: ({ value }) => ({ contents: [value] })
  },
  output: {
    ...addProperties,
    fileUrl: ({ value }) => ({ path: value }),
    filePath: ({ value: { file, append } }) => ({ path: file, append }),
    fileNumber: ({ value }) => ({ path: value }),
    iterable: forbiddenIfSync,
    string: forbiddenIfSync,
    uint8Array: forbiddenIfSync
  }
};

// node_modules/execa/lib/io/strip-newline.js
var stripNewline = (value, { stripFinalNewline: stripFinalNewline2 }, fdNumber) => getStripFinalNewline(stripFinalNewline2, fdNumber) && value !== void 0 && !Array.isArray(value) ? stripFinalNewline(value) : value;
var getStripFinalNewline = (stripFinalNewline2, fdNumber) => fdNumber === "all" ? stripFinalNewline2[1] || stripFinalNewline2[2] : stripFinalNewline2[fdNumber];

// node_modules/execa/lib/transform/generator.js
import { Transform, getDefaultHighWaterMark } from "node:stream";

// node_modules/execa/lib/transform/split.js
var getSplitLinesGenerator = (binary, preserveNewlines, skipped, state) => binary || skipped ? void 0 : initializeSplitLines(preserveNewlines, state);
var splitLinesSync = (chunk, preserveNewlines, objectMode) => objectMode ? chunk.flatMap((item) => splitLinesItemSync(item, preserveNewlines)) : splitLinesItemSync(chunk, preserveNewlines);
var splitLinesItemSync = (chunk, preserveNewlines) => {
  const { transform, final } = initializeSplitLines(preserveNewlines, {});
  return [...transform(chunk), ...final()];
};
var initializeSplitLines = (preserveNewlines, state) => {
  state.previousChunks = "";
  return {
    transform: splitGenerator.bind(void 0, state, preserveNewlines),
    final: linesFinal.bind(void 0, state)
  };
};
var splitGenerator = function* (state, preserveNewlines, chunk) {
  if (typeof chunk !== "string") {
    yield chunk;
    return;
  }
  let { previousChunks } = state;
  let start = -1;
  for (let end = 0; end < chunk.length; end += 1) {
    if (chunk[end] === "\n") {
      const newlineLength = getNewlineLength(chunk, end, preserveNewlines, state);
      let line = chunk.slice(start + 1, end + 1 - newlineLength);
      if (previousChunks.length > 0) {
        line = concatString(previousChunks, line);
        previousChunks = "";
      }
      yield line;
      start = end;
    }
  }
  if (start !== chunk.length - 1) {
    previousChunks = concatString(previousChunks, chunk.slice(start + 1));
  }
  state.previousChunks = previousChunks;
};
var getNewlineLength = (chunk, end, preserveNewlines, state) => {
  if (preserveNewlines) {
    return 0;
  }
  state.isWindowsNewline = end !== 0 && chunk[end - 1] === "\r";
  return state.isWindowsNewline ? 2 : 1;
};
var linesFinal = function* ({ previousChunks }) {
  if (previousChunks.length > 0) {
    yield previousChunks;
  }
};
var getAppendNewlineGenerator = ({ binary, preserveNewlines, readableObjectMode, state }) => binary || preserveNewlines || readableObjectMode ? void 0 : { transform: appendNewlineGenerator.bind(void 0, state) };
var appendNewlineGenerator = function* ({ isWindowsNewline = false }, chunk) {
  const { unixNewline, windowsNewline, LF: LF2, concatBytes } = typeof chunk === "string" ? linesStringInfo : linesUint8ArrayInfo;
  if (chunk.at(-1) === LF2) {
    yield chunk;
    return;
  }
  const newline = isWindowsNewline ? windowsNewline : unixNewline;
  yield concatBytes(chunk, newline);
};
var concatString = (firstChunk, secondChunk) => `${firstChunk}${secondChunk}`;
var linesStringInfo = {
  windowsNewline: "\r\n",
  unixNewline: "\n",
  LF: "\n",
  concatBytes: concatString
};
var concatUint8Array = (firstChunk, secondChunk) => {
  const chunk = new Uint8Array(firstChunk.length + secondChunk.length);
  chunk.set(firstChunk, 0);
  chunk.set(secondChunk, firstChunk.length);
  return chunk;
};
var linesUint8ArrayInfo = {
  windowsNewline: new Uint8Array([13, 10]),
  unixNewline: new Uint8Array([10]),
  LF: 10,
  concatBytes: concatUint8Array
};

// node_modules/execa/lib/transform/validate.js
import { Buffer as Buffer2 } from "node:buffer";
var getValidateTransformInput = (writableObjectMode, optionName) => writableObjectMode ? void 0 : validateStringTransformInput.bind(void 0, optionName);
var validateStringTransformInput = function* (optionName, chunk) {
  if (typeof chunk !== "string" && !isUint8Array(chunk) && !Buffer2.isBuffer(chunk)) {
    throw new TypeError(`The \`${optionName}\` option's transform must use "objectMode: true" to receive as input: ${typeof chunk}.`);
  }
  yield chunk;
};
var getValidateTransformReturn = (readableObjectMode, optionName) => readableObjectMode ? validateObjectTransformReturn.bind(void 0, optionName) : validateStringTransformReturn.bind(void 0, optionName);
var validateObjectTransformReturn = function* (optionName, chunk) {
  validateEmptyReturn(optionName, chunk);
  yield chunk;
};
var validateStringTransformReturn = function* (optionName, chunk) {
  validateEmptyReturn(optionName, chunk);
  if (typeof chunk !== "string" && !isUint8Array(chunk)) {
    throw new TypeError(`The \`${optionName}\` option's function must yield a string or an Uint8Array, not ${typeof chunk}.`);
  }
  yield chunk;
};
var validateEmptyReturn = (optionName, chunk) => {
  if (chunk === null || chunk === void 0) {
    throw new TypeError(`The \`${optionName}\` option's function must not call \`yield ${chunk}\`.
Instead, \`yield\` should either be called with a value, or not be called at all. For example:
  if (condition) { yield value; }`);
  }
};

// node_modules/execa/lib/transform/encoding-transform.js
import { Buffer as Buffer3 } from "node:buffer";
import { StringDecoder as StringDecoder2 } from "node:string_decoder";
var getEncodingTransformGenerator = (binary, encoding, skipped) => {
  if (skipped) {
    return;
  }
  if (binary) {
    return { transform: encodingUint8ArrayGenerator.bind(void 0, new TextEncoder()) };
  }
  const stringDecoder = new StringDecoder2(encoding);
  return {
    transform: encodingStringGenerator.bind(void 0, stringDecoder),
    final: encodingStringFinal.bind(void 0, stringDecoder)
  };
};
var encodingUint8ArrayGenerator = function* (textEncoder3, chunk) {
  if (Buffer3.isBuffer(chunk)) {
    yield bufferToUint8Array(chunk);
  } else if (typeof chunk === "string") {
    yield textEncoder3.encode(chunk);
  } else {
    yield chunk;
  }
};
var encodingStringGenerator = function* (stringDecoder, chunk) {
  yield isUint8Array(chunk) ? stringDecoder.write(chunk) : chunk;
};
var encodingStringFinal = function* (stringDecoder) {
  const lastChunk = stringDecoder.end();
  if (lastChunk !== "") {
    yield lastChunk;
  }
};

// node_modules/execa/lib/transform/run-async.js
import { callbackify } from "node:util";
var pushChunks = callbackify(async (getChunks, state, getChunksArguments, transformStream) => {
  state.currentIterable = getChunks(...getChunksArguments);
  try {
    for await (const chunk of state.currentIterable) {
      transformStream.push(chunk);
    }
  } finally {
    delete state.currentIterable;
  }
});
var transformChunk = async function* (chunk, generators, index) {
  if (index === generators.length) {
    yield chunk;
    return;
  }
  const { transform = identityGenerator } = generators[index];
  for await (const transformedChunk of transform(chunk)) {
    yield* transformChunk(transformedChunk, generators, index + 1);
  }
};
var finalChunks = async function* (generators) {
  for (const [index, { final }] of Object.entries(generators)) {
    yield* generatorFinalChunks(final, Number(index), generators);
  }
};
var generatorFinalChunks = async function* (final, index, generators) {
  if (final === void 0) {
    return;
  }
  for await (const finalChunk of final()) {
    yield* transformChunk(finalChunk, generators, index + 1);
  }
};
var destroyTransform = callbackify(async ({ currentIterable }, error2) => {
  if (currentIterable !== void 0) {
    await (error2 ? currentIterable.throw(error2) : currentIterable.return());
    return;
  }
  if (error2) {
    throw error2;
  }
});
var identityGenerator = function* (chunk) {
  yield chunk;
};

// node_modules/execa/lib/transform/run-sync.js
var pushChunksSync = (getChunksSync, getChunksArguments, transformStream, done) => {
  try {
    for (const chunk of getChunksSync(...getChunksArguments)) {
      transformStream.push(chunk);
    }
    done();
  } catch (error2) {
    done(error2);
  }
};
var runTransformSync = (generators, chunks) => [
  ...chunks.flatMap((chunk) => [...transformChunkSync(chunk, generators, 0)]),
  ...finalChunksSync(generators)
];
var transformChunkSync = function* (chunk, generators, index) {
  if (index === generators.length) {
    yield chunk;
    return;
  }
  const { transform = identityGenerator2 } = generators[index];
  for (const transformedChunk of transform(chunk)) {
    yield* transformChunkSync(transformedChunk, generators, index + 1);
  }
};
var finalChunksSync = function* (generators) {
  for (const [index, { final }] of Object.entries(generators)) {
    yield* generatorFinalChunksSync(final, Number(index), generators);
  }
};
var generatorFinalChunksSync = function* (final, index, generators) {
  if (final === void 0) {
    return;
  }
  for (const finalChunk of final()) {
    yield* transformChunkSync(finalChunk, generators, index + 1);
  }
};
var identityGenerator2 = function* (chunk) {
  yield chunk;
};

// node_modules/execa/lib/transform/generator.js
var generatorToStream = ({
  value,
  value: { transform, final, writableObjectMode, readableObjectMode },
  optionName
}, { encoding }) => {
  const state = {};
  const generators = addInternalGenerators(value, encoding, optionName);
  const transformAsync = isAsyncGenerator(transform);
  const finalAsync = isAsyncGenerator(final);
  const transformMethod = transformAsync ? pushChunks.bind(void 0, transformChunk, state) : pushChunksSync.bind(void 0, transformChunkSync);
  const finalMethod = transformAsync || finalAsync ? pushChunks.bind(void 0, finalChunks, state) : pushChunksSync.bind(void 0, finalChunksSync);
  const destroyMethod = transformAsync || finalAsync ? destroyTransform.bind(void 0, state) : void 0;
  const stream = new Transform({
    writableObjectMode,
    writableHighWaterMark: getDefaultHighWaterMark(writableObjectMode),
    readableObjectMode,
    readableHighWaterMark: getDefaultHighWaterMark(readableObjectMode),
    transform(chunk, encoding2, done) {
      transformMethod([chunk, generators, 0], this, done);
    },
    flush(done) {
      finalMethod([generators], this, done);
    },
    destroy: destroyMethod
  });
  return { stream };
};
var runGeneratorsSync = (chunks, stdioItems, encoding, isInput) => {
  const generators = stdioItems.filter(({ type }) => type === "generator");
  const reversedGenerators = isInput ? generators.reverse() : generators;
  for (const { value, optionName } of reversedGenerators) {
    const generators2 = addInternalGenerators(value, encoding, optionName);
    chunks = runTransformSync(generators2, chunks);
  }
  return chunks;
};
var addInternalGenerators = ({ transform, final, binary, writableObjectMode, readableObjectMode, preserveNewlines }, encoding, optionName) => {
  const state = {};
  return [
    { transform: getValidateTransformInput(writableObjectMode, optionName) },
    getEncodingTransformGenerator(binary, encoding, writableObjectMode),
    getSplitLinesGenerator(binary, preserveNewlines, writableObjectMode, state),
    { transform, final },
    { transform: getValidateTransformReturn(readableObjectMode, optionName) },
    getAppendNewlineGenerator({
      binary,
      preserveNewlines,
      readableObjectMode,
      state
    })
  ].filter(Boolean);
};

// node_modules/execa/lib/io/input-sync.js
var addInputOptionsSync = (fileDescriptors, options) => {
  for (const fdNumber of getInputFdNumbers(fileDescriptors)) {
    addInputOptionSync(fileDescriptors, fdNumber, options);
  }
};
var getInputFdNumbers = (fileDescriptors) => new Set(Object.entries(fileDescriptors).filter(([, { direction }]) => direction === "input").map(([fdNumber]) => Number(fdNumber)));
var addInputOptionSync = (fileDescriptors, fdNumber, options) => {
  const { stdioItems } = fileDescriptors[fdNumber];
  const allStdioItems = stdioItems.filter(({ contents }) => contents !== void 0);
  if (allStdioItems.length === 0) {
    return;
  }
  if (fdNumber !== 0) {
    const [{ type, optionName }] = allStdioItems;
    throw new TypeError(`Only the \`stdin\` option, not \`${optionName}\`, can be ${TYPE_TO_MESSAGE[type]} with synchronous methods.`);
  }
  const allContents = allStdioItems.map(({ contents }) => contents);
  const transformedContents = allContents.map((contents) => applySingleInputGeneratorsSync(contents, stdioItems));
  options.input = joinToUint8Array(transformedContents);
};
var applySingleInputGeneratorsSync = (contents, stdioItems) => {
  const newContents = runGeneratorsSync(contents, stdioItems, "utf8", true);
  validateSerializable(newContents);
  return joinToUint8Array(newContents);
};
var validateSerializable = (newContents) => {
  const invalidItem = newContents.find((item) => typeof item !== "string" && !isUint8Array(item));
  if (invalidItem !== void 0) {
    throw new TypeError(`The \`stdin\` option is invalid: when passing objects as input, a transform must be used to serialize them to strings or Uint8Arrays: ${invalidItem}.`);
  }
};

// node_modules/execa/lib/io/output-sync.js
import { writeFileSync, appendFileSync as appendFileSync2 } from "node:fs";

// node_modules/execa/lib/verbose/output.js
var shouldLogOutput = ({ stdioItems, encoding, verboseInfo, fdNumber }) => fdNumber !== "all" && isFullVerbose(verboseInfo, fdNumber) && !BINARY_ENCODINGS.has(encoding) && fdUsesVerbose(fdNumber) && (stdioItems.some(({ type, value }) => type === "native" && PIPED_STDIO_VALUES.has(value)) || stdioItems.every(({ type }) => TRANSFORM_TYPES.has(type)));
var fdUsesVerbose = (fdNumber) => fdNumber === 1 || fdNumber === 2;
var PIPED_STDIO_VALUES = /* @__PURE__ */ new Set(["pipe", "overlapped"]);
var logLines = async (linesIterable, stream, fdNumber, verboseInfo) => {
  for await (const line of linesIterable) {
    if (!isPipingStream(stream)) {
      logLine(line, fdNumber, verboseInfo);
    }
  }
};
var logLinesSync = (linesArray, fdNumber, verboseInfo) => {
  for (const line of linesArray) {
    logLine(line, fdNumber, verboseInfo);
  }
};
var isPipingStream = (stream) => stream._readableState.pipes.length > 0;
var logLine = (line, fdNumber, verboseInfo) => {
  const verboseMessage = serializeVerboseMessage(line);
  verboseLog({
    type: "output",
    verboseMessage,
    fdNumber,
    verboseInfo
  });
};

// node_modules/execa/lib/io/output-sync.js
var transformOutputSync = ({ fileDescriptors, syncResult: { output }, options, isMaxBuffer, verboseInfo }) => {
  if (output === null) {
    return { output: Array.from({ length: 3 }) };
  }
  const state = {};
  const outputFiles = /* @__PURE__ */ new Set([]);
  const transformedOutput = output.map((result, fdNumber) => transformOutputResultSync({
    result,
    fileDescriptors,
    fdNumber,
    state,
    outputFiles,
    isMaxBuffer,
    verboseInfo
  }, options));
  return { output: transformedOutput, ...state };
};
var transformOutputResultSync = ({ result, fileDescriptors, fdNumber, state, outputFiles, isMaxBuffer, verboseInfo }, { buffer, encoding, lines, stripFinalNewline: stripFinalNewline2, maxBuffer }) => {
  if (result === null) {
    return;
  }
  const truncatedResult = truncateMaxBufferSync(result, isMaxBuffer, maxBuffer);
  const uint8ArrayResult = bufferToUint8Array(truncatedResult);
  const { stdioItems, objectMode } = fileDescriptors[fdNumber];
  const chunks = runOutputGeneratorsSync([uint8ArrayResult], stdioItems, encoding, state);
  const { serializedResult, finalResult = serializedResult } = serializeChunks({
    chunks,
    objectMode,
    encoding,
    lines,
    stripFinalNewline: stripFinalNewline2,
    fdNumber
  });
  logOutputSync({
    serializedResult,
    fdNumber,
    state,
    verboseInfo,
    encoding,
    stdioItems,
    objectMode
  });
  const returnedResult = buffer[fdNumber] ? finalResult : void 0;
  try {
    if (state.error === void 0) {
      writeToFiles(serializedResult, stdioItems, outputFiles);
    }
    return returnedResult;
  } catch (error2) {
    state.error = error2;
    return returnedResult;
  }
};
var runOutputGeneratorsSync = (chunks, stdioItems, encoding, state) => {
  try {
    return runGeneratorsSync(chunks, stdioItems, encoding, false);
  } catch (error2) {
    state.error = error2;
    return chunks;
  }
};
var serializeChunks = ({ chunks, objectMode, encoding, lines, stripFinalNewline: stripFinalNewline2, fdNumber }) => {
  if (objectMode) {
    return { serializedResult: chunks };
  }
  if (encoding === "buffer") {
    return { serializedResult: joinToUint8Array(chunks) };
  }
  const serializedResult = joinToString(chunks, encoding);
  if (lines[fdNumber]) {
    return { serializedResult, finalResult: splitLinesSync(serializedResult, !stripFinalNewline2[fdNumber], objectMode) };
  }
  return { serializedResult };
};
var logOutputSync = ({ serializedResult, fdNumber, state, verboseInfo, encoding, stdioItems, objectMode }) => {
  if (!shouldLogOutput({
    stdioItems,
    encoding,
    verboseInfo,
    fdNumber
  })) {
    return;
  }
  const linesArray = splitLinesSync(serializedResult, false, objectMode);
  try {
    logLinesSync(linesArray, fdNumber, verboseInfo);
  } catch (error2) {
    state.error ??= error2;
  }
};
var writeToFiles = (serializedResult, stdioItems, outputFiles) => {
  for (const { path: path6, append } of stdioItems.filter(({ type }) => FILE_TYPES.has(type))) {
    const pathString = typeof path6 === "string" ? path6 : path6.toString();
    if (append || outputFiles.has(pathString)) {
      appendFileSync2(path6, serializedResult);
    } else {
      outputFiles.add(pathString);
      writeFileSync(path6, serializedResult);
    }
  }
};

// node_modules/execa/lib/resolve/all-sync.js
var getAllSync = ([, stdout, stderr], options) => {
  if (!options.all) {
    return;
  }
  if (stdout === void 0) {
    return stderr;
  }
  if (stderr === void 0) {
    return stdout;
  }
  if (Array.isArray(stdout)) {
    return Array.isArray(stderr) ? [...stdout, ...stderr] : [...stdout, stripNewline(stderr, options, "all")];
  }
  if (Array.isArray(stderr)) {
    return [stripNewline(stdout, options, "all"), ...stderr];
  }
  if (isUint8Array(stdout) && isUint8Array(stderr)) {
    return concatUint8Arrays([stdout, stderr]);
  }
  return `${stdout}${stderr}`;
};

// node_modules/execa/lib/resolve/exit-async.js
import { once as once4 } from "node:events";
var waitForExit = async (subprocess, context) => {
  const [exitCode, signal] = await waitForExitOrError(subprocess);
  context.isForcefullyTerminated ??= false;
  return [exitCode, signal];
};
var waitForExitOrError = async (subprocess) => {
  const [spawnPayload, exitPayload] = await Promise.allSettled([
    once4(subprocess, "spawn"),
    once4(subprocess, "exit")
  ]);
  if (spawnPayload.status === "rejected") {
    return [];
  }
  return exitPayload.status === "rejected" ? waitForSubprocessExit(subprocess) : exitPayload.value;
};
var waitForSubprocessExit = async (subprocess) => {
  try {
    return await once4(subprocess, "exit");
  } catch {
    return waitForSubprocessExit(subprocess);
  }
};
var waitForSuccessfulExit = async (exitPromise) => {
  const [exitCode, signal] = await exitPromise;
  if (!isSubprocessErrorExit(exitCode, signal) && isFailedExit(exitCode, signal)) {
    throw new DiscardedError();
  }
  return [exitCode, signal];
};
var isSubprocessErrorExit = (exitCode, signal) => exitCode === void 0 && signal === void 0;
var isFailedExit = (exitCode, signal) => exitCode !== 0 || signal !== null;

// node_modules/execa/lib/resolve/exit-sync.js
var getExitResultSync = ({ error: error2, status: exitCode, signal, output }, { maxBuffer }) => {
  const resultError = getResultError(error2, exitCode, signal);
  const timedOut = resultError?.code === "ETIMEDOUT";
  const isMaxBuffer = isMaxBufferSync(resultError, output, maxBuffer);
  return {
    resultError,
    exitCode,
    signal,
    timedOut,
    isMaxBuffer
  };
};
var getResultError = (error2, exitCode, signal) => {
  if (error2 !== void 0) {
    return error2;
  }
  return isFailedExit(exitCode, signal) ? new DiscardedError() : void 0;
};

// node_modules/execa/lib/methods/main-sync.js
var execaCoreSync = (rawFile, rawArguments, rawOptions) => {
  const { file, commandArguments, command, escapedCommand, startTime, verboseInfo, options, fileDescriptors } = handleSyncArguments(rawFile, rawArguments, rawOptions);
  const result = spawnSubprocessSync({
    file,
    commandArguments,
    options,
    command,
    escapedCommand,
    verboseInfo,
    fileDescriptors,
    startTime
  });
  return handleResult(result, verboseInfo, options);
};
var handleSyncArguments = (rawFile, rawArguments, rawOptions) => {
  const { command, escapedCommand, startTime, verboseInfo } = handleCommand(rawFile, rawArguments, rawOptions);
  const syncOptions = normalizeSyncOptions(rawOptions);
  const { file, commandArguments, options } = normalizeOptions(rawFile, rawArguments, syncOptions);
  validateSyncOptions(options);
  const fileDescriptors = handleStdioSync(options, verboseInfo);
  return {
    file,
    commandArguments,
    command,
    escapedCommand,
    startTime,
    verboseInfo,
    options,
    fileDescriptors
  };
};
var normalizeSyncOptions = (options) => options.node && !options.ipc ? { ...options, ipc: false } : options;
var validateSyncOptions = ({ ipc, ipcInput, detached, cancelSignal }) => {
  if (ipcInput) {
    throwInvalidSyncOption("ipcInput");
  }
  if (ipc) {
    throwInvalidSyncOption("ipc: true");
  }
  if (detached) {
    throwInvalidSyncOption("detached: true");
  }
  if (cancelSignal) {
    throwInvalidSyncOption("cancelSignal");
  }
};
var throwInvalidSyncOption = (value) => {
  throw new TypeError(`The "${value}" option cannot be used with synchronous methods.`);
};
var spawnSubprocessSync = ({ file, commandArguments, options, command, escapedCommand, verboseInfo, fileDescriptors, startTime }) => {
  const syncResult = runSubprocessSync({
    file,
    commandArguments,
    options,
    command,
    escapedCommand,
    fileDescriptors,
    startTime
  });
  if (syncResult.failed) {
    return syncResult;
  }
  const { resultError, exitCode, signal, timedOut, isMaxBuffer } = getExitResultSync(syncResult, options);
  const { output, error: error2 = resultError } = transformOutputSync({
    fileDescriptors,
    syncResult,
    options,
    isMaxBuffer,
    verboseInfo
  });
  const stdio = output.map((stdioOutput, fdNumber) => stripNewline(stdioOutput, options, fdNumber));
  const all = stripNewline(getAllSync(output, options), options, "all");
  return getSyncResult({
    error: error2,
    exitCode,
    signal,
    timedOut,
    isMaxBuffer,
    stdio,
    all,
    options,
    command,
    escapedCommand,
    startTime
  });
};
var runSubprocessSync = ({ file, commandArguments, options, command, escapedCommand, fileDescriptors, startTime }) => {
  try {
    addInputOptionsSync(fileDescriptors, options);
    const normalizedOptions = normalizeSpawnSyncOptions(options);
    return spawnSync(...concatenateShell(file, commandArguments, normalizedOptions));
  } catch (error2) {
    return makeEarlyError({
      error: error2,
      command,
      escapedCommand,
      fileDescriptors,
      options,
      startTime,
      isSync: true
    });
  }
};
var normalizeSpawnSyncOptions = ({ encoding, maxBuffer, ...options }) => ({ ...options, encoding: "buffer", maxBuffer: getMaxBufferSync(maxBuffer) });
var getSyncResult = ({ error: error2, exitCode, signal, timedOut, isMaxBuffer, stdio, all, options, command, escapedCommand, startTime }) => error2 === void 0 ? makeSuccessResult({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput: [],
  options,
  startTime
}) : makeError({
  error: error2,
  command,
  escapedCommand,
  timedOut,
  isCanceled: false,
  isGracefullyCanceled: false,
  isMaxBuffer,
  isForcefullyTerminated: false,
  exitCode,
  signal,
  stdio,
  all,
  ipcOutput: [],
  options,
  startTime,
  isSync: true
});

// node_modules/execa/lib/methods/main-async.js
import { setMaxListeners } from "node:events";
import { spawn } from "node:child_process";

// node_modules/execa/lib/ipc/methods.js
import process8 from "node:process";

// node_modules/execa/lib/ipc/get-one.js
import { once as once5, on as on2 } from "node:events";
var getOneMessage = ({ anyProcess, channel, isSubprocess, ipc }, { reference = true, filter } = {}) => {
  validateIpcMethod({
    methodName: "getOneMessage",
    isSubprocess,
    ipc,
    isConnected: isConnected(anyProcess)
  });
  return getOneMessageAsync({
    anyProcess,
    channel,
    isSubprocess,
    filter,
    reference
  });
};
var getOneMessageAsync = async ({ anyProcess, channel, isSubprocess, filter, reference }) => {
  addReference(channel, reference);
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const controller = new AbortController();
  try {
    return await Promise.race([
      getMessage(ipcEmitter, filter, controller),
      throwOnDisconnect2(ipcEmitter, isSubprocess, controller),
      throwOnStrictError(ipcEmitter, isSubprocess, controller)
    ]);
  } catch (error2) {
    disconnect(anyProcess);
    throw error2;
  } finally {
    controller.abort();
    removeReference(channel, reference);
  }
};
var getMessage = async (ipcEmitter, filter, { signal }) => {
  if (filter === void 0) {
    const [message] = await once5(ipcEmitter, "message", { signal });
    return message;
  }
  for await (const [message] of on2(ipcEmitter, "message", { signal })) {
    if (filter(message)) {
      return message;
    }
  }
};
var throwOnDisconnect2 = async (ipcEmitter, isSubprocess, { signal }) => {
  await once5(ipcEmitter, "disconnect", { signal });
  throwOnEarlyDisconnect(isSubprocess);
};
var throwOnStrictError = async (ipcEmitter, isSubprocess, { signal }) => {
  const [error2] = await once5(ipcEmitter, "strict:error", { signal });
  throw getStrictResponseError(error2, isSubprocess);
};

// node_modules/execa/lib/ipc/get-each.js
import { once as once6, on as on3 } from "node:events";
var getEachMessage = ({ anyProcess, channel, isSubprocess, ipc }, { reference = true } = {}) => loopOnMessages({
  anyProcess,
  channel,
  isSubprocess,
  ipc,
  shouldAwait: !isSubprocess,
  reference
});
var loopOnMessages = ({ anyProcess, channel, isSubprocess, ipc, shouldAwait, reference }) => {
  validateIpcMethod({
    methodName: "getEachMessage",
    isSubprocess,
    ipc,
    isConnected: isConnected(anyProcess)
  });
  addReference(channel, reference);
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const controller = new AbortController();
  const state = {};
  stopOnDisconnect(anyProcess, ipcEmitter, controller);
  abortOnStrictError({
    ipcEmitter,
    isSubprocess,
    controller,
    state
  });
  return iterateOnMessages({
    anyProcess,
    channel,
    ipcEmitter,
    isSubprocess,
    shouldAwait,
    controller,
    state,
    reference
  });
};
var stopOnDisconnect = async (anyProcess, ipcEmitter, controller) => {
  try {
    await once6(ipcEmitter, "disconnect", { signal: controller.signal });
    controller.abort();
  } catch {
  }
};
var abortOnStrictError = async ({ ipcEmitter, isSubprocess, controller, state }) => {
  try {
    const [error2] = await once6(ipcEmitter, "strict:error", { signal: controller.signal });
    state.error = getStrictResponseError(error2, isSubprocess);
    controller.abort();
  } catch {
  }
};
var iterateOnMessages = async function* ({ anyProcess, channel, ipcEmitter, isSubprocess, shouldAwait, controller, state, reference }) {
  try {
    for await (const [message] of on3(ipcEmitter, "message", { signal: controller.signal })) {
      throwIfStrictError(state);
      yield message;
    }
  } catch {
    throwIfStrictError(state);
  } finally {
    controller.abort();
    removeReference(channel, reference);
    if (!isSubprocess) {
      disconnect(anyProcess);
    }
    if (shouldAwait) {
      await anyProcess;
    }
  }
};
var throwIfStrictError = ({ error: error2 }) => {
  if (error2) {
    throw error2;
  }
};

// node_modules/execa/lib/ipc/methods.js
var addIpcMethods = (subprocess, { ipc }) => {
  Object.assign(subprocess, getIpcMethods(subprocess, false, ipc));
};
var getIpcExport = () => {
  const anyProcess = process8;
  const isSubprocess = true;
  const ipc = process8.channel !== void 0;
  return {
    ...getIpcMethods(anyProcess, isSubprocess, ipc),
    getCancelSignal: getCancelSignal.bind(void 0, {
      anyProcess,
      channel: anyProcess.channel,
      isSubprocess,
      ipc
    })
  };
};
var getIpcMethods = (anyProcess, isSubprocess, ipc) => ({
  sendMessage: sendMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  }),
  getOneMessage: getOneMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  }),
  getEachMessage: getEachMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  })
});

// node_modules/execa/lib/return/early-error.js
import { ChildProcess as ChildProcess2 } from "node:child_process";
import {
  PassThrough,
  Readable as Readable2,
  Writable,
  Duplex
} from "node:stream";
var handleEarlyError = ({ error: error2, command, escapedCommand, fileDescriptors, options, startTime, verboseInfo }) => {
  cleanupCustomStreams(fileDescriptors);
  const subprocess = new ChildProcess2();
  createDummyStreams(subprocess, fileDescriptors);
  Object.assign(subprocess, { readable, writable, duplex });
  const earlyError = makeEarlyError({
    error: error2,
    command,
    escapedCommand,
    fileDescriptors,
    options,
    startTime,
    isSync: false
  });
  const promise = handleDummyPromise(earlyError, verboseInfo, options);
  return { subprocess, promise };
};
var createDummyStreams = (subprocess, fileDescriptors) => {
  const stdin = createDummyStream();
  const stdout = createDummyStream();
  const stderr = createDummyStream();
  const extraStdio = Array.from({ length: fileDescriptors.length - 3 }, createDummyStream);
  const all = createDummyStream();
  const stdio = [stdin, stdout, stderr, ...extraStdio];
  Object.assign(subprocess, {
    stdin,
    stdout,
    stderr,
    all,
    stdio
  });
};
var createDummyStream = () => {
  const stream = new PassThrough();
  stream.end();
  return stream;
};
var readable = () => new Readable2({ read() {
} });
var writable = () => new Writable({ write() {
} });
var duplex = () => new Duplex({ read() {
}, write() {
} });
var handleDummyPromise = async (error2, verboseInfo, options) => handleResult(error2, verboseInfo, options);

// node_modules/execa/lib/stdio/handle-async.js
import { createReadStream as createReadStream2, createWriteStream } from "node:fs";
import { Buffer as Buffer4 } from "node:buffer";
import { Readable as Readable3, Writable as Writable2, Duplex as Duplex2 } from "node:stream";
var handleStdioAsync = (options, verboseInfo) => handleStdio(addPropertiesAsync, options, verboseInfo, false);
var forbiddenIfAsync = ({ type, optionName }) => {
  throw new TypeError(`The \`${optionName}\` option cannot be ${TYPE_TO_MESSAGE[type]}.`);
};
var addProperties2 = {
  fileNumber: forbiddenIfAsync,
  generator: generatorToStream,
  asyncGenerator: generatorToStream,
  nodeStream: ({ value }) => ({ stream: value }),
  webTransform({ value: { transform, writableObjectMode, readableObjectMode } }) {
    const objectMode = writableObjectMode || readableObjectMode;
    const stream = Duplex2.fromWeb(transform, { objectMode });
    return { stream };
  },
  duplex: ({ value: { transform } }) => ({ stream: transform }),
  native() {
  }
};
var addPropertiesAsync = {
  input: {
    ...addProperties2,
    fileUrl: ({ value }) => ({ stream: createReadStream2(value) }),
    filePath: ({ value: { file } }) => ({ stream: createReadStream2(file) }),
    webStream: ({ value }) => ({ stream: Readable3.fromWeb(value) }),
    iterable: ({ value }) => ({ stream: Readable3.from(value) }),
    asyncIterable: ({ value }) => ({ stream: Readable3.from(value) }),
    string: ({ value }) => ({ stream: Readable3.from(value) }),
    uint8Array: ({ value }) => ({ stream: Readable3.from(Buffer4.from(value)) })
  },
  output: {
    ...addProperties2,
    fileUrl: ({ value }) => ({ stream: createWriteStream(value) }),
    filePath: ({ value: { file, append } }) => ({ stream: createWriteStream(file, append ? { flags: "a" } : {}) }),
    webStream: ({ value }) => ({ stream: Writable2.fromWeb(value) }),
    iterable: forbiddenIfAsync,
    asyncIterable: forbiddenIfAsync,
    string: forbiddenIfAsync,
    uint8Array: forbiddenIfAsync
  }
};

// node_modules/@sindresorhus/merge-streams/index.js
import { on as on4, once as once7 } from "node:events";
import { PassThrough as PassThroughStream, getDefaultHighWaterMark as getDefaultHighWaterMark2 } from "node:stream";
import { finished as finished2 } from "node:stream/promises";
function mergeStreams(streams) {
  if (!Array.isArray(streams)) {
    throw new TypeError(`Expected an array, got \`${typeof streams}\`.`);
  }
  for (const stream of streams) {
    validateStream(stream);
  }
  const objectMode = streams.some(({ readableObjectMode }) => readableObjectMode);
  const highWaterMark = getHighWaterMark(streams, objectMode);
  const passThroughStream = new MergedStream({
    objectMode,
    writableHighWaterMark: highWaterMark,
    readableHighWaterMark: highWaterMark
  });
  for (const stream of streams) {
    passThroughStream.add(stream);
  }
  return passThroughStream;
}
var getHighWaterMark = (streams, objectMode) => {
  if (streams.length === 0) {
    return getDefaultHighWaterMark2(objectMode);
  }
  const highWaterMarks = streams.filter(({ readableObjectMode }) => readableObjectMode === objectMode).map(({ readableHighWaterMark }) => readableHighWaterMark);
  return Math.max(...highWaterMarks);
};
var MergedStream = class extends PassThroughStream {
  #streams = /* @__PURE__ */ new Set([]);
  #ended = /* @__PURE__ */ new Set([]);
  #aborted = /* @__PURE__ */ new Set([]);
  #onFinished;
  #unpipeEvent = /* @__PURE__ */ Symbol("unpipe");
  #streamPromises = /* @__PURE__ */ new WeakMap();
  add(stream) {
    validateStream(stream);
    if (this.#streams.has(stream)) {
      return;
    }
    this.#streams.add(stream);
    this.#onFinished ??= onMergedStreamFinished(this, this.#streams, this.#unpipeEvent);
    const streamPromise = endWhenStreamsDone({
      passThroughStream: this,
      stream,
      streams: this.#streams,
      ended: this.#ended,
      aborted: this.#aborted,
      onFinished: this.#onFinished,
      unpipeEvent: this.#unpipeEvent
    });
    this.#streamPromises.set(stream, streamPromise);
    stream.pipe(this, { end: false });
  }
  async remove(stream) {
    validateStream(stream);
    if (!this.#streams.has(stream)) {
      return false;
    }
    const streamPromise = this.#streamPromises.get(stream);
    if (streamPromise === void 0) {
      return false;
    }
    this.#streamPromises.delete(stream);
    stream.unpipe(this);
    await streamPromise;
    return true;
  }
};
var onMergedStreamFinished = async (passThroughStream, streams, unpipeEvent) => {
  updateMaxListeners(passThroughStream, PASSTHROUGH_LISTENERS_COUNT);
  const controller = new AbortController();
  try {
    await Promise.race([
      onMergedStreamEnd(passThroughStream, controller),
      onInputStreamsUnpipe(passThroughStream, streams, unpipeEvent, controller)
    ]);
  } finally {
    controller.abort();
    updateMaxListeners(passThroughStream, -PASSTHROUGH_LISTENERS_COUNT);
  }
};
var onMergedStreamEnd = async (passThroughStream, { signal }) => {
  try {
    await finished2(passThroughStream, { signal, cleanup: true });
  } catch (error2) {
    errorOrAbortStream(passThroughStream, error2);
    throw error2;
  }
};
var onInputStreamsUnpipe = async (passThroughStream, streams, unpipeEvent, { signal }) => {
  for await (const [unpipedStream] of on4(passThroughStream, "unpipe", { signal })) {
    if (streams.has(unpipedStream)) {
      unpipedStream.emit(unpipeEvent);
    }
  }
};
var validateStream = (stream) => {
  if (typeof stream?.pipe !== "function") {
    throw new TypeError(`Expected a readable stream, got: \`${typeof stream}\`.`);
  }
};
var endWhenStreamsDone = async ({ passThroughStream, stream, streams, ended, aborted: aborted2, onFinished, unpipeEvent }) => {
  updateMaxListeners(passThroughStream, PASSTHROUGH_LISTENERS_PER_STREAM);
  const controller = new AbortController();
  try {
    await Promise.race([
      afterMergedStreamFinished(onFinished, stream, controller),
      onInputStreamEnd({
        passThroughStream,
        stream,
        streams,
        ended,
        aborted: aborted2,
        controller
      }),
      onInputStreamUnpipe({
        stream,
        streams,
        ended,
        aborted: aborted2,
        unpipeEvent,
        controller
      })
    ]);
  } finally {
    controller.abort();
    updateMaxListeners(passThroughStream, -PASSTHROUGH_LISTENERS_PER_STREAM);
  }
  if (streams.size > 0 && streams.size === ended.size + aborted2.size) {
    if (ended.size === 0 && aborted2.size > 0) {
      abortStream(passThroughStream);
    } else {
      endStream(passThroughStream);
    }
  }
};
var afterMergedStreamFinished = async (onFinished, stream, { signal }) => {
  try {
    await onFinished;
    if (!signal.aborted) {
      abortStream(stream);
    }
  } catch (error2) {
    if (!signal.aborted) {
      errorOrAbortStream(stream, error2);
    }
  }
};
var onInputStreamEnd = async ({ passThroughStream, stream, streams, ended, aborted: aborted2, controller: { signal } }) => {
  try {
    await finished2(stream, {
      signal,
      cleanup: true,
      readable: true,
      writable: false
    });
    if (streams.has(stream)) {
      ended.add(stream);
    }
  } catch (error2) {
    if (signal.aborted || !streams.has(stream)) {
      return;
    }
    if (isAbortError(error2)) {
      aborted2.add(stream);
    } else {
      errorStream(passThroughStream, error2);
    }
  }
};
var onInputStreamUnpipe = async ({ stream, streams, ended, aborted: aborted2, unpipeEvent, controller: { signal } }) => {
  await once7(stream, unpipeEvent, { signal });
  if (!stream.readable) {
    return once7(signal, "abort", { signal });
  }
  streams.delete(stream);
  ended.delete(stream);
  aborted2.delete(stream);
};
var endStream = (stream) => {
  if (stream.writable) {
    stream.end();
  }
};
var errorOrAbortStream = (stream, error2) => {
  if (isAbortError(error2)) {
    abortStream(stream);
  } else {
    errorStream(stream, error2);
  }
};
var isAbortError = (error2) => error2?.code === "ERR_STREAM_PREMATURE_CLOSE";
var abortStream = (stream) => {
  if (stream.readable || stream.writable) {
    stream.destroy();
  }
};
var errorStream = (stream, error2) => {
  if (!stream.destroyed) {
    stream.once("error", noop2);
    stream.destroy(error2);
  }
};
var noop2 = () => {
};
var updateMaxListeners = (passThroughStream, increment2) => {
  const maxListeners = passThroughStream.getMaxListeners();
  if (maxListeners !== 0 && maxListeners !== Number.POSITIVE_INFINITY) {
    passThroughStream.setMaxListeners(maxListeners + increment2);
  }
};
var PASSTHROUGH_LISTENERS_COUNT = 2;
var PASSTHROUGH_LISTENERS_PER_STREAM = 1;

// node_modules/execa/lib/io/pipeline.js
import { finished as finished3 } from "node:stream/promises";
var pipeStreams = (source, destination) => {
  source.pipe(destination);
  onSourceFinish(source, destination);
  onDestinationFinish(source, destination);
};
var onSourceFinish = async (source, destination) => {
  if (isStandardStream(source) || isStandardStream(destination)) {
    return;
  }
  try {
    await finished3(source, { cleanup: true, readable: true, writable: false });
  } catch {
  }
  endDestinationStream(destination);
};
var endDestinationStream = (destination) => {
  if (destination.writable) {
    destination.end();
  }
};
var onDestinationFinish = async (source, destination) => {
  if (isStandardStream(source) || isStandardStream(destination)) {
    return;
  }
  try {
    await finished3(destination, { cleanup: true, readable: false, writable: true });
  } catch {
  }
  abortSourceStream(source);
};
var abortSourceStream = (source) => {
  if (source.readable) {
    source.destroy();
  }
};

// node_modules/execa/lib/io/output-async.js
var pipeOutputAsync = (subprocess, fileDescriptors, controller) => {
  const pipeGroups = /* @__PURE__ */ new Map();
  for (const [fdNumber, { stdioItems, direction }] of Object.entries(fileDescriptors)) {
    for (const { stream } of stdioItems.filter(({ type }) => TRANSFORM_TYPES.has(type))) {
      pipeTransform(subprocess, stream, direction, fdNumber);
    }
    for (const { stream } of stdioItems.filter(({ type }) => !TRANSFORM_TYPES.has(type))) {
      pipeStdioItem({
        subprocess,
        stream,
        direction,
        fdNumber,
        pipeGroups,
        controller
      });
    }
  }
  for (const [outputStream, inputStreams] of pipeGroups.entries()) {
    const inputStream = inputStreams.length === 1 ? inputStreams[0] : mergeStreams(inputStreams);
    pipeStreams(inputStream, outputStream);
  }
};
var pipeTransform = (subprocess, stream, direction, fdNumber) => {
  if (direction === "output") {
    pipeStreams(subprocess.stdio[fdNumber], stream);
  } else {
    pipeStreams(stream, subprocess.stdio[fdNumber]);
  }
  const streamProperty = SUBPROCESS_STREAM_PROPERTIES[fdNumber];
  if (streamProperty !== void 0) {
    subprocess[streamProperty] = stream;
  }
  subprocess.stdio[fdNumber] = stream;
};
var SUBPROCESS_STREAM_PROPERTIES = ["stdin", "stdout", "stderr"];
var pipeStdioItem = ({ subprocess, stream, direction, fdNumber, pipeGroups, controller }) => {
  if (stream === void 0) {
    return;
  }
  setStandardStreamMaxListeners(stream, controller);
  const [inputStream, outputStream] = direction === "output" ? [stream, subprocess.stdio[fdNumber]] : [subprocess.stdio[fdNumber], stream];
  const outputStreams = pipeGroups.get(inputStream) ?? [];
  pipeGroups.set(inputStream, [...outputStreams, outputStream]);
};
var setStandardStreamMaxListeners = (stream, { signal }) => {
  if (isStandardStream(stream)) {
    incrementMaxListeners(stream, MAX_LISTENERS_INCREMENT, signal);
  }
};
var MAX_LISTENERS_INCREMENT = 2;

// node_modules/execa/lib/terminate/cleanup.js
import { addAbortListener as addAbortListener2 } from "node:events";

// node_modules/signal-exit/dist/mjs/signals.js
var signals = [];
signals.push("SIGHUP", "SIGINT", "SIGTERM");
if (process.platform !== "win32") {
  signals.push(
    "SIGALRM",
    "SIGABRT",
    "SIGVTALRM",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGUSR2",
    "SIGTRAP",
    "SIGSYS",
    "SIGQUIT",
    "SIGIOT"
    // should detect profiler and enable/disable accordingly.
    // see #21
    // 'SIGPROF'
  );
}
if (process.platform === "linux") {
  signals.push("SIGIO", "SIGPOLL", "SIGPWR", "SIGSTKFLT");
}

// node_modules/signal-exit/dist/mjs/index.js
var processOk = (process10) => !!process10 && typeof process10 === "object" && typeof process10.removeListener === "function" && typeof process10.emit === "function" && typeof process10.reallyExit === "function" && typeof process10.listeners === "function" && typeof process10.kill === "function" && typeof process10.pid === "number" && typeof process10.on === "function";
var kExitEmitter = /* @__PURE__ */ Symbol.for("signal-exit emitter");
var global2 = globalThis;
var ObjectDefineProperty = Object.defineProperty.bind(Object);
var Emitter = class {
  emitted = {
    afterExit: false,
    exit: false
  };
  listeners = {
    afterExit: [],
    exit: []
  };
  count = 0;
  id = Math.random();
  constructor() {
    if (global2[kExitEmitter]) {
      return global2[kExitEmitter];
    }
    ObjectDefineProperty(global2, kExitEmitter, {
      value: this,
      writable: false,
      enumerable: false,
      configurable: false
    });
  }
  on(ev, fn) {
    this.listeners[ev].push(fn);
  }
  removeListener(ev, fn) {
    const list = this.listeners[ev];
    const i2 = list.indexOf(fn);
    if (i2 === -1) {
      return;
    }
    if (i2 === 0 && list.length === 1) {
      list.length = 0;
    } else {
      list.splice(i2, 1);
    }
  }
  emit(ev, code, signal) {
    if (this.emitted[ev]) {
      return false;
    }
    this.emitted[ev] = true;
    let ret = false;
    for (const fn of this.listeners[ev]) {
      ret = fn(code, signal) === true || ret;
    }
    if (ev === "exit") {
      ret = this.emit("afterExit", code, signal) || ret;
    }
    return ret;
  }
};
var SignalExitBase = class {
};
var signalExitWrap = (handler) => {
  return {
    onExit(cb, opts) {
      return handler.onExit(cb, opts);
    },
    load() {
      return handler.load();
    },
    unload() {
      return handler.unload();
    }
  };
};
var SignalExitFallback = class extends SignalExitBase {
  onExit() {
    return () => {
    };
  }
  load() {
  }
  unload() {
  }
};
var SignalExit = class extends SignalExitBase {
  // "SIGHUP" throws an `ENOSYS` error on Windows,
  // so use a supported signal instead
  /* c8 ignore start */
  #hupSig = process9.platform === "win32" ? "SIGINT" : "SIGHUP";
  /* c8 ignore stop */
  #emitter = new Emitter();
  #process;
  #originalProcessEmit;
  #originalProcessReallyExit;
  #sigListeners = {};
  #loaded = false;
  constructor(process10) {
    super();
    this.#process = process10;
    this.#sigListeners = {};
    for (const sig of signals) {
      this.#sigListeners[sig] = () => {
        const listeners = this.#process.listeners(sig);
        let { count: count2 } = this.#emitter;
        const p = process10;
        if (typeof p.__signal_exit_emitter__ === "object" && typeof p.__signal_exit_emitter__.count === "number") {
          count2 += p.__signal_exit_emitter__.count;
        }
        if (listeners.length === count2) {
          this.unload();
          const ret = this.#emitter.emit("exit", null, sig);
          const s = sig === "SIGHUP" ? this.#hupSig : sig;
          if (!ret)
            process10.kill(process10.pid, s);
        }
      };
    }
    this.#originalProcessReallyExit = process10.reallyExit;
    this.#originalProcessEmit = process10.emit;
  }
  onExit(cb, opts) {
    if (!processOk(this.#process)) {
      return () => {
      };
    }
    if (this.#loaded === false) {
      this.load();
    }
    const ev = opts?.alwaysLast ? "afterExit" : "exit";
    this.#emitter.on(ev, cb);
    return () => {
      this.#emitter.removeListener(ev, cb);
      if (this.#emitter.listeners["exit"].length === 0 && this.#emitter.listeners["afterExit"].length === 0) {
        this.unload();
      }
    };
  }
  load() {
    if (this.#loaded) {
      return;
    }
    this.#loaded = true;
    this.#emitter.count += 1;
    for (const sig of signals) {
      try {
        const fn = this.#sigListeners[sig];
        if (fn)
          this.#process.on(sig, fn);
      } catch (_) {
      }
    }
    this.#process.emit = (ev, ...a2) => {
      return this.#processEmit(ev, ...a2);
    };
    this.#process.reallyExit = (code) => {
      return this.#processReallyExit(code);
    };
  }
  unload() {
    if (!this.#loaded) {
      return;
    }
    this.#loaded = false;
    signals.forEach((sig) => {
      const listener = this.#sigListeners[sig];
      if (!listener) {
        throw new Error("Listener not defined for signal: " + sig);
      }
      try {
        this.#process.removeListener(sig, listener);
      } catch (_) {
      }
    });
    this.#process.emit = this.#originalProcessEmit;
    this.#process.reallyExit = this.#originalProcessReallyExit;
    this.#emitter.count -= 1;
  }
  #processReallyExit(code) {
    if (!processOk(this.#process)) {
      return 0;
    }
    this.#process.exitCode = code || 0;
    this.#emitter.emit("exit", this.#process.exitCode, null);
    return this.#originalProcessReallyExit.call(this.#process, this.#process.exitCode);
  }
  #processEmit(ev, ...args) {
    const og = this.#originalProcessEmit;
    if (ev === "exit" && processOk(this.#process)) {
      if (typeof args[0] === "number") {
        this.#process.exitCode = args[0];
      }
      const ret = og.call(this.#process, ev, ...args);
      this.#emitter.emit("exit", this.#process.exitCode, null);
      return ret;
    } else {
      return og.call(this.#process, ev, ...args);
    }
  }
};
var process9 = globalThis.process;
var {
  /**
   * Called when the process is exiting, whether via signal, explicit
   * exit, or running out of stuff to do.
   *
   * If the global process object is not suitable for instrumentation,
   * then this will be a no-op.
   *
   * Returns a function that may be used to unload signal-exit.
   */
  onExit,
  /**
   * Load the listeners.  Likely you never need to call this, unless
   * doing a rather deep integration with signal-exit functionality.
   * Mostly exposed for the benefit of testing.
   *
   * @internal
   */
  load,
  /**
   * Unload the listeners.  Likely you never need to call this, unless
   * doing a rather deep integration with signal-exit functionality.
   * Mostly exposed for the benefit of testing.
   *
   * @internal
   */
  unload
} = signalExitWrap(processOk(process9) ? new SignalExit(process9) : new SignalExitFallback());

// node_modules/execa/lib/terminate/cleanup.js
var cleanupOnExit = (subprocess, { cleanup, detached }, { signal }) => {
  if (!cleanup || detached) {
    return;
  }
  const removeExitHandler = onExit(() => {
    subprocess.kill();
  });
  addAbortListener2(signal, () => {
    removeExitHandler();
  });
};

// node_modules/execa/lib/pipe/pipe-arguments.js
var normalizePipeArguments = ({ source, sourcePromise, boundOptions, createNested }, ...pipeArguments) => {
  const startTime = getStartTime();
  const {
    destination,
    destinationStream,
    destinationError,
    from,
    unpipeSignal
  } = getDestinationStream(boundOptions, createNested, pipeArguments);
  const { sourceStream, sourceError } = getSourceStream(source, from);
  const { options: sourceOptions, fileDescriptors } = SUBPROCESS_OPTIONS.get(source);
  return {
    sourcePromise,
    sourceStream,
    sourceOptions,
    sourceError,
    destination,
    destinationStream,
    destinationError,
    unpipeSignal,
    fileDescriptors,
    startTime
  };
};
var getDestinationStream = (boundOptions, createNested, pipeArguments) => {
  try {
    const {
      destination,
      pipeOptions: { from, to, unpipeSignal } = {}
    } = getDestination(boundOptions, createNested, ...pipeArguments);
    const destinationStream = getToStream(destination, to);
    return {
      destination,
      destinationStream,
      from,
      unpipeSignal
    };
  } catch (error2) {
    return { destinationError: error2 };
  }
};
var getDestination = (boundOptions, createNested, firstArgument, ...pipeArguments) => {
  if (Array.isArray(firstArgument)) {
    const destination = createNested(mapDestinationArguments, boundOptions)(firstArgument, ...pipeArguments);
    return { destination, pipeOptions: boundOptions };
  }
  if (typeof firstArgument === "string" || firstArgument instanceof URL || isDenoExecPath(firstArgument)) {
    if (Object.keys(boundOptions).length > 0) {
      throw new TypeError('Please use .pipe("file", ..., options) or .pipe(execa("file", ..., options)) instead of .pipe(options)("file", ...).');
    }
    const [rawFile, rawArguments, rawOptions] = normalizeParameters(firstArgument, ...pipeArguments);
    const destination = createNested(mapDestinationArguments)(rawFile, rawArguments, rawOptions);
    return { destination, pipeOptions: rawOptions };
  }
  if (SUBPROCESS_OPTIONS.has(firstArgument)) {
    if (Object.keys(boundOptions).length > 0) {
      throw new TypeError("Please use .pipe(options)`command` or .pipe($(options)`command`) instead of .pipe(options)($`command`).");
    }
    return { destination: firstArgument, pipeOptions: pipeArguments[0] };
  }
  throw new TypeError(`The first argument must be a template string, an options object, or an Execa subprocess: ${firstArgument}`);
};
var mapDestinationArguments = ({ options }) => ({ options: { ...options, stdin: "pipe", piped: true } });
var getSourceStream = (source, from) => {
  try {
    const sourceStream = getFromStream(source, from);
    return { sourceStream };
  } catch (error2) {
    return { sourceError: error2 };
  }
};

// node_modules/execa/lib/pipe/throw.js
var handlePipeArgumentsError = ({
  sourceStream,
  sourceError,
  destinationStream,
  destinationError,
  fileDescriptors,
  sourceOptions,
  startTime
}) => {
  const error2 = getPipeArgumentsError({
    sourceStream,
    sourceError,
    destinationStream,
    destinationError
  });
  if (error2 !== void 0) {
    throw createNonCommandError({
      error: error2,
      fileDescriptors,
      sourceOptions,
      startTime
    });
  }
};
var getPipeArgumentsError = ({ sourceStream, sourceError, destinationStream, destinationError }) => {
  if (sourceError !== void 0 && destinationError !== void 0) {
    return destinationError;
  }
  if (destinationError !== void 0) {
    abortSourceStream(sourceStream);
    return destinationError;
  }
  if (sourceError !== void 0) {
    endDestinationStream(destinationStream);
    return sourceError;
  }
};
var createNonCommandError = ({ error: error2, fileDescriptors, sourceOptions, startTime }) => makeEarlyError({
  error: error2,
  command: PIPE_COMMAND_MESSAGE,
  escapedCommand: PIPE_COMMAND_MESSAGE,
  fileDescriptors,
  options: sourceOptions,
  startTime,
  isSync: false
});
var PIPE_COMMAND_MESSAGE = "source.pipe(destination)";

// node_modules/execa/lib/pipe/sequence.js
var waitForBothSubprocesses = async (subprocessPromises) => {
  const [
    { status: sourceStatus, reason: sourceReason, value: sourceResult = sourceReason },
    { status: destinationStatus, reason: destinationReason, value: destinationResult = destinationReason }
  ] = await subprocessPromises;
  if (!destinationResult.pipedFrom.includes(sourceResult)) {
    destinationResult.pipedFrom.push(sourceResult);
  }
  if (destinationStatus === "rejected") {
    throw destinationResult;
  }
  if (sourceStatus === "rejected") {
    throw sourceResult;
  }
  return destinationResult;
};

// node_modules/execa/lib/pipe/streaming.js
import { finished as finished4 } from "node:stream/promises";
var pipeSubprocessStream = (sourceStream, destinationStream, maxListenersController) => {
  const mergedStream = MERGED_STREAMS.has(destinationStream) ? pipeMoreSubprocessStream(sourceStream, destinationStream) : pipeFirstSubprocessStream(sourceStream, destinationStream);
  incrementMaxListeners(sourceStream, SOURCE_LISTENERS_PER_PIPE, maxListenersController.signal);
  incrementMaxListeners(destinationStream, DESTINATION_LISTENERS_PER_PIPE, maxListenersController.signal);
  cleanupMergedStreamsMap(destinationStream);
  return mergedStream;
};
var pipeFirstSubprocessStream = (sourceStream, destinationStream) => {
  const mergedStream = mergeStreams([sourceStream]);
  pipeStreams(mergedStream, destinationStream);
  MERGED_STREAMS.set(destinationStream, mergedStream);
  return mergedStream;
};
var pipeMoreSubprocessStream = (sourceStream, destinationStream) => {
  const mergedStream = MERGED_STREAMS.get(destinationStream);
  mergedStream.add(sourceStream);
  return mergedStream;
};
var cleanupMergedStreamsMap = async (destinationStream) => {
  try {
    await finished4(destinationStream, { cleanup: true, readable: false, writable: true });
  } catch {
  }
  MERGED_STREAMS.delete(destinationStream);
};
var MERGED_STREAMS = /* @__PURE__ */ new WeakMap();
var SOURCE_LISTENERS_PER_PIPE = 2;
var DESTINATION_LISTENERS_PER_PIPE = 1;

// node_modules/execa/lib/pipe/abort.js
import { aborted } from "node:util";
var unpipeOnAbort = (unpipeSignal, unpipeContext) => unpipeSignal === void 0 ? [] : [unpipeOnSignalAbort(unpipeSignal, unpipeContext)];
var unpipeOnSignalAbort = async (unpipeSignal, { sourceStream, mergedStream, fileDescriptors, sourceOptions, startTime }) => {
  await aborted(unpipeSignal, sourceStream);
  await mergedStream.remove(sourceStream);
  const error2 = new Error("Pipe canceled by `unpipeSignal` option.");
  throw createNonCommandError({
    error: error2,
    fileDescriptors,
    sourceOptions,
    startTime
  });
};

// node_modules/execa/lib/pipe/setup.js
var pipeToSubprocess = (sourceInfo, ...pipeArguments) => {
  if (isPlainObject(pipeArguments[0])) {
    return pipeToSubprocess.bind(void 0, {
      ...sourceInfo,
      boundOptions: { ...sourceInfo.boundOptions, ...pipeArguments[0] }
    });
  }
  const { destination, ...normalizedInfo } = normalizePipeArguments(sourceInfo, ...pipeArguments);
  const promise = handlePipePromise({ ...normalizedInfo, destination });
  promise.pipe = pipeToSubprocess.bind(void 0, {
    ...sourceInfo,
    source: destination,
    sourcePromise: promise,
    boundOptions: {}
  });
  return promise;
};
var handlePipePromise = async ({
  sourcePromise,
  sourceStream,
  sourceOptions,
  sourceError,
  destination,
  destinationStream,
  destinationError,
  unpipeSignal,
  fileDescriptors,
  startTime
}) => {
  const subprocessPromises = getSubprocessPromises(sourcePromise, destination);
  handlePipeArgumentsError({
    sourceStream,
    sourceError,
    destinationStream,
    destinationError,
    fileDescriptors,
    sourceOptions,
    startTime
  });
  const maxListenersController = new AbortController();
  try {
    const mergedStream = pipeSubprocessStream(sourceStream, destinationStream, maxListenersController);
    return await Promise.race([
      waitForBothSubprocesses(subprocessPromises),
      ...unpipeOnAbort(unpipeSignal, {
        sourceStream,
        mergedStream,
        sourceOptions,
        fileDescriptors,
        startTime
      })
    ]);
  } finally {
    maxListenersController.abort();
  }
};
var getSubprocessPromises = (sourcePromise, destination) => Promise.allSettled([sourcePromise, destination]);

// node_modules/execa/lib/io/contents.js
import { setImmediate } from "node:timers/promises";

// node_modules/execa/lib/io/iterate.js
import { on as on5 } from "node:events";
import { getDefaultHighWaterMark as getDefaultHighWaterMark3 } from "node:stream";
var iterateOnSubprocessStream = ({ subprocessStdout, subprocess, binary, shouldEncode, encoding, preserveNewlines }) => {
  const controller = new AbortController();
  stopReadingOnExit(subprocess, controller);
  return iterateOnStream({
    stream: subprocessStdout,
    controller,
    binary,
    shouldEncode: !subprocessStdout.readableObjectMode && shouldEncode,
    encoding,
    shouldSplit: !subprocessStdout.readableObjectMode,
    preserveNewlines
  });
};
var stopReadingOnExit = async (subprocess, controller) => {
  try {
    await subprocess;
  } catch {
  } finally {
    controller.abort();
  }
};
var iterateForResult = ({ stream, onStreamEnd, lines, encoding, stripFinalNewline: stripFinalNewline2, allMixed }) => {
  const controller = new AbortController();
  stopReadingOnStreamEnd(onStreamEnd, controller, stream);
  const objectMode = stream.readableObjectMode && !allMixed;
  return iterateOnStream({
    stream,
    controller,
    binary: encoding === "buffer",
    shouldEncode: !objectMode,
    encoding,
    shouldSplit: !objectMode && lines,
    preserveNewlines: !stripFinalNewline2
  });
};
var stopReadingOnStreamEnd = async (onStreamEnd, controller, stream) => {
  try {
    await onStreamEnd;
  } catch {
    stream.destroy();
  } finally {
    controller.abort();
  }
};
var iterateOnStream = ({ stream, controller, binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) => {
  const onStdoutChunk = on5(stream, "data", {
    signal: controller.signal,
    highWaterMark: HIGH_WATER_MARK,
    // Backward compatibility with older name for this option
    // See https://github.com/nodejs/node/pull/52080#discussion_r1525227861
    // @todo Remove after removing support for Node 21
    highWatermark: HIGH_WATER_MARK
  });
  return iterateOnData({
    onStdoutChunk,
    controller,
    binary,
    shouldEncode,
    encoding,
    shouldSplit,
    preserveNewlines
  });
};
var DEFAULT_OBJECT_HIGH_WATER_MARK = getDefaultHighWaterMark3(true);
var HIGH_WATER_MARK = DEFAULT_OBJECT_HIGH_WATER_MARK;
var iterateOnData = async function* ({ onStdoutChunk, controller, binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) {
  const generators = getGenerators({
    binary,
    shouldEncode,
    encoding,
    shouldSplit,
    preserveNewlines
  });
  try {
    for await (const [chunk] of onStdoutChunk) {
      yield* transformChunkSync(chunk, generators, 0);
    }
  } catch (error2) {
    if (!controller.signal.aborted) {
      throw error2;
    }
  } finally {
    yield* finalChunksSync(generators);
  }
};
var getGenerators = ({ binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) => [
  getEncodingTransformGenerator(binary, encoding, !shouldEncode),
  getSplitLinesGenerator(binary, preserveNewlines, !shouldSplit, {})
].filter(Boolean);

// node_modules/execa/lib/io/contents.js
var getStreamOutput = async ({ stream, onStreamEnd, fdNumber, encoding, buffer, maxBuffer, lines, allMixed, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => {
  const logPromise = logOutputAsync({
    stream,
    onStreamEnd,
    fdNumber,
    encoding,
    allMixed,
    verboseInfo,
    streamInfo
  });
  if (!buffer) {
    await Promise.all([resumeStream(stream), logPromise]);
    return;
  }
  const stripFinalNewlineValue = getStripFinalNewline(stripFinalNewline2, fdNumber);
  const iterable = iterateForResult({
    stream,
    onStreamEnd,
    lines,
    encoding,
    stripFinalNewline: stripFinalNewlineValue,
    allMixed
  });
  const [output] = await Promise.all([
    getStreamContents2({
      stream,
      iterable,
      fdNumber,
      encoding,
      maxBuffer,
      lines
    }),
    logPromise
  ]);
  return output;
};
var logOutputAsync = async ({ stream, onStreamEnd, fdNumber, encoding, allMixed, verboseInfo, streamInfo: { fileDescriptors } }) => {
  if (!shouldLogOutput({
    stdioItems: fileDescriptors[fdNumber]?.stdioItems,
    encoding,
    verboseInfo,
    fdNumber
  })) {
    return;
  }
  const linesIterable = iterateForResult({
    stream,
    onStreamEnd,
    lines: true,
    encoding,
    stripFinalNewline: true,
    allMixed
  });
  await logLines(linesIterable, stream, fdNumber, verboseInfo);
};
var resumeStream = async (stream) => {
  await setImmediate();
  if (stream.readableFlowing === null) {
    stream.resume();
  }
};
var getStreamContents2 = async ({ stream, stream: { readableObjectMode }, iterable, fdNumber, encoding, maxBuffer, lines }) => {
  try {
    if (readableObjectMode || lines) {
      return await getStreamAsArray(iterable, { maxBuffer });
    }
    if (encoding === "buffer") {
      return new Uint8Array(await getStreamAsArrayBuffer(iterable, { maxBuffer }));
    }
    return await getStreamAsString(iterable, { maxBuffer });
  } catch (error2) {
    return handleBufferedData(handleMaxBuffer({
      error: error2,
      stream,
      readableObjectMode,
      lines,
      encoding,
      fdNumber
    }));
  }
};
var getBufferedData = async (streamPromise) => {
  try {
    return await streamPromise;
  } catch (error2) {
    return handleBufferedData(error2);
  }
};
var handleBufferedData = ({ bufferedData }) => isArrayBuffer(bufferedData) ? new Uint8Array(bufferedData) : bufferedData;

// node_modules/execa/lib/resolve/wait-stream.js
import { finished as finished5 } from "node:stream/promises";
var waitForStream = async (stream, fdNumber, streamInfo, { isSameDirection, stopOnExit = false } = {}) => {
  const state = handleStdinDestroy(stream, streamInfo);
  const abortController = new AbortController();
  try {
    await Promise.race([
      ...stopOnExit ? [streamInfo.exitPromise] : [],
      finished5(stream, { cleanup: true, signal: abortController.signal })
    ]);
  } catch (error2) {
    if (!state.stdinCleanedUp) {
      handleStreamError(error2, fdNumber, streamInfo, isSameDirection);
    }
  } finally {
    abortController.abort();
  }
};
var handleStdinDestroy = (stream, { originalStreams: [originalStdin], subprocess }) => {
  const state = { stdinCleanedUp: false };
  if (stream === originalStdin) {
    spyOnStdinDestroy(stream, subprocess, state);
  }
  return state;
};
var spyOnStdinDestroy = (subprocessStdin, subprocess, state) => {
  const { _destroy } = subprocessStdin;
  subprocessStdin._destroy = (...destroyArguments) => {
    setStdinCleanedUp(subprocess, state);
    _destroy.call(subprocessStdin, ...destroyArguments);
  };
};
var setStdinCleanedUp = ({ exitCode, signalCode }, state) => {
  if (exitCode !== null || signalCode !== null) {
    state.stdinCleanedUp = true;
  }
};
var handleStreamError = (error2, fdNumber, streamInfo, isSameDirection) => {
  if (!shouldIgnoreStreamError(error2, fdNumber, streamInfo, isSameDirection)) {
    throw error2;
  }
};
var shouldIgnoreStreamError = (error2, fdNumber, streamInfo, isSameDirection = true) => {
  if (streamInfo.propagating) {
    return isStreamEpipe(error2) || isStreamAbort(error2);
  }
  streamInfo.propagating = true;
  return isInputFileDescriptor(streamInfo, fdNumber) === isSameDirection ? isStreamEpipe(error2) : isStreamAbort(error2);
};
var isInputFileDescriptor = ({ fileDescriptors }, fdNumber) => fdNumber !== "all" && fileDescriptors[fdNumber].direction === "input";
var isStreamAbort = (error2) => error2?.code === "ERR_STREAM_PREMATURE_CLOSE";
var isStreamEpipe = (error2) => error2?.code === "EPIPE";

// node_modules/execa/lib/resolve/stdio.js
var waitForStdioStreams = ({ subprocess, encoding, buffer, maxBuffer, lines, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => subprocess.stdio.map((stream, fdNumber) => waitForSubprocessStream({
  stream,
  fdNumber,
  encoding,
  buffer: buffer[fdNumber],
  maxBuffer: maxBuffer[fdNumber],
  lines: lines[fdNumber],
  allMixed: false,
  stripFinalNewline: stripFinalNewline2,
  verboseInfo,
  streamInfo
}));
var waitForSubprocessStream = async ({ stream, fdNumber, encoding, buffer, maxBuffer, lines, allMixed, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => {
  if (!stream) {
    return;
  }
  const onStreamEnd = waitForStream(stream, fdNumber, streamInfo);
  if (isInputFileDescriptor(streamInfo, fdNumber)) {
    await onStreamEnd;
    return;
  }
  const [output] = await Promise.all([
    getStreamOutput({
      stream,
      onStreamEnd,
      fdNumber,
      encoding,
      buffer,
      maxBuffer,
      lines,
      allMixed,
      stripFinalNewline: stripFinalNewline2,
      verboseInfo,
      streamInfo
    }),
    onStreamEnd
  ]);
  return output;
};

// node_modules/execa/lib/resolve/all-async.js
var makeAllStream = ({ stdout, stderr }, { all }) => all && (stdout || stderr) ? mergeStreams([stdout, stderr].filter(Boolean)) : void 0;
var waitForAllStream = ({ subprocess, encoding, buffer, maxBuffer, lines, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => waitForSubprocessStream({
  ...getAllStream(subprocess, buffer),
  fdNumber: "all",
  encoding,
  maxBuffer: maxBuffer[1] + maxBuffer[2],
  lines: lines[1] || lines[2],
  allMixed: getAllMixed(subprocess),
  stripFinalNewline: stripFinalNewline2,
  verboseInfo,
  streamInfo
});
var getAllStream = ({ stdout, stderr, all }, [, bufferStdout, bufferStderr]) => {
  const buffer = bufferStdout || bufferStderr;
  if (!buffer) {
    return { stream: all, buffer };
  }
  if (!bufferStdout) {
    return { stream: stderr, buffer };
  }
  if (!bufferStderr) {
    return { stream: stdout, buffer };
  }
  return { stream: all, buffer };
};
var getAllMixed = ({ all, stdout, stderr }) => all && stdout && stderr && stdout.readableObjectMode !== stderr.readableObjectMode;

// node_modules/execa/lib/resolve/wait-subprocess.js
import { once as once8 } from "node:events";

// node_modules/execa/lib/verbose/ipc.js
var shouldLogIpc = (verboseInfo) => isFullVerbose(verboseInfo, "ipc");
var logIpcOutput = (message, verboseInfo) => {
  const verboseMessage = serializeVerboseMessage(message);
  verboseLog({
    type: "ipc",
    verboseMessage,
    fdNumber: "ipc",
    verboseInfo
  });
};

// node_modules/execa/lib/ipc/buffer-messages.js
var waitForIpcOutput = async ({
  subprocess,
  buffer: bufferArray,
  maxBuffer: maxBufferArray,
  ipc,
  ipcOutput,
  verboseInfo
}) => {
  if (!ipc) {
    return ipcOutput;
  }
  const isVerbose2 = shouldLogIpc(verboseInfo);
  const buffer = getFdSpecificValue(bufferArray, "ipc");
  const maxBuffer = getFdSpecificValue(maxBufferArray, "ipc");
  for await (const message of loopOnMessages({
    anyProcess: subprocess,
    channel: subprocess.channel,
    isSubprocess: false,
    ipc,
    shouldAwait: false,
    reference: true
  })) {
    if (buffer) {
      checkIpcMaxBuffer(subprocess, ipcOutput, maxBuffer);
      ipcOutput.push(message);
    }
    if (isVerbose2) {
      logIpcOutput(message, verboseInfo);
    }
  }
  return ipcOutput;
};
var getBufferedIpcOutput = async (ipcOutputPromise, ipcOutput) => {
  await Promise.allSettled([ipcOutputPromise]);
  return ipcOutput;
};

// node_modules/execa/lib/resolve/wait-subprocess.js
var waitForSubprocessResult = async ({
  subprocess,
  options: {
    encoding,
    buffer,
    maxBuffer,
    lines,
    timeoutDuration: timeout,
    cancelSignal,
    gracefulCancel,
    forceKillAfterDelay,
    stripFinalNewline: stripFinalNewline2,
    ipc,
    ipcInput
  },
  context,
  verboseInfo,
  fileDescriptors,
  originalStreams,
  onInternalError,
  controller
}) => {
  const exitPromise = waitForExit(subprocess, context);
  const streamInfo = {
    originalStreams,
    fileDescriptors,
    subprocess,
    exitPromise,
    propagating: false
  };
  const stdioPromises = waitForStdioStreams({
    subprocess,
    encoding,
    buffer,
    maxBuffer,
    lines,
    stripFinalNewline: stripFinalNewline2,
    verboseInfo,
    streamInfo
  });
  const allPromise = waitForAllStream({
    subprocess,
    encoding,
    buffer,
    maxBuffer,
    lines,
    stripFinalNewline: stripFinalNewline2,
    verboseInfo,
    streamInfo
  });
  const ipcOutput = [];
  const ipcOutputPromise = waitForIpcOutput({
    subprocess,
    buffer,
    maxBuffer,
    ipc,
    ipcOutput,
    verboseInfo
  });
  const originalPromises = waitForOriginalStreams(originalStreams, subprocess, streamInfo);
  const customStreamsEndPromises = waitForCustomStreamsEnd(fileDescriptors, streamInfo);
  try {
    return await Promise.race([
      Promise.all([
        {},
        waitForSuccessfulExit(exitPromise),
        Promise.all(stdioPromises),
        allPromise,
        ipcOutputPromise,
        sendIpcInput(subprocess, ipcInput),
        ...originalPromises,
        ...customStreamsEndPromises
      ]),
      onInternalError,
      throwOnSubprocessError(subprocess, controller),
      ...throwOnTimeout(subprocess, timeout, context, controller),
      ...throwOnCancel({
        subprocess,
        cancelSignal,
        gracefulCancel,
        context,
        controller
      }),
      ...throwOnGracefulCancel({
        subprocess,
        cancelSignal,
        gracefulCancel,
        forceKillAfterDelay,
        context,
        controller
      })
    ]);
  } catch (error2) {
    context.terminationReason ??= "other";
    return Promise.all([
      { error: error2 },
      exitPromise,
      Promise.all(stdioPromises.map((stdioPromise) => getBufferedData(stdioPromise))),
      getBufferedData(allPromise),
      getBufferedIpcOutput(ipcOutputPromise, ipcOutput),
      Promise.allSettled(originalPromises),
      Promise.allSettled(customStreamsEndPromises)
    ]);
  }
};
var waitForOriginalStreams = (originalStreams, subprocess, streamInfo) => originalStreams.map((stream, fdNumber) => stream === subprocess.stdio[fdNumber] ? void 0 : waitForStream(stream, fdNumber, streamInfo));
var waitForCustomStreamsEnd = (fileDescriptors, streamInfo) => fileDescriptors.flatMap(({ stdioItems }, fdNumber) => stdioItems.filter(({ value, stream = value }) => isStream(stream, { checkOpen: false }) && !isStandardStream(stream)).map(({ type, value, stream = value }) => waitForStream(stream, fdNumber, streamInfo, {
  isSameDirection: TRANSFORM_TYPES.has(type),
  stopOnExit: type === "native"
})));
var throwOnSubprocessError = async (subprocess, { signal }) => {
  const [error2] = await once8(subprocess, "error", { signal });
  throw error2;
};

// node_modules/execa/lib/convert/concurrent.js
var initializeConcurrentStreams = () => ({
  readableDestroy: /* @__PURE__ */ new WeakMap(),
  writableFinal: /* @__PURE__ */ new WeakMap(),
  writableDestroy: /* @__PURE__ */ new WeakMap()
});
var addConcurrentStream = (concurrentStreams, stream, waitName) => {
  const weakMap = concurrentStreams[waitName];
  if (!weakMap.has(stream)) {
    weakMap.set(stream, []);
  }
  const promises3 = weakMap.get(stream);
  const promise = createDeferred();
  promises3.push(promise);
  const resolve4 = promise.resolve.bind(promise);
  return { resolve: resolve4, promises: promises3 };
};
var waitForConcurrentStreams = async ({ resolve: resolve4, promises: promises3 }, subprocess) => {
  resolve4();
  const [isSubprocessExit] = await Promise.race([
    Promise.allSettled([true, subprocess]),
    Promise.all([false, ...promises3])
  ]);
  return !isSubprocessExit;
};

// node_modules/execa/lib/convert/readable.js
import { Readable as Readable4 } from "node:stream";
import { callbackify as callbackify2 } from "node:util";

// node_modules/execa/lib/convert/shared.js
import { finished as finished6 } from "node:stream/promises";
var safeWaitForSubprocessStdin = async (subprocessStdin) => {
  if (subprocessStdin === void 0) {
    return;
  }
  try {
    await waitForSubprocessStdin(subprocessStdin);
  } catch {
  }
};
var safeWaitForSubprocessStdout = async (subprocessStdout) => {
  if (subprocessStdout === void 0) {
    return;
  }
  try {
    await waitForSubprocessStdout(subprocessStdout);
  } catch {
  }
};
var waitForSubprocessStdin = async (subprocessStdin) => {
  await finished6(subprocessStdin, { cleanup: true, readable: false, writable: true });
};
var waitForSubprocessStdout = async (subprocessStdout) => {
  await finished6(subprocessStdout, { cleanup: true, readable: true, writable: false });
};
var waitForSubprocess = async (subprocess, error2) => {
  await subprocess;
  if (error2) {
    throw error2;
  }
};
var destroyOtherStream = (stream, isOpen, error2) => {
  if (error2 && !isStreamAbort(error2)) {
    stream.destroy(error2);
  } else if (isOpen) {
    stream.destroy();
  }
};

// node_modules/execa/lib/convert/readable.js
var createReadable = ({ subprocess, concurrentStreams, encoding }, { from, binary: binaryOption = true, preserveNewlines = true } = {}) => {
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { subprocessStdout, waitReadableDestroy } = getSubprocessStdout(subprocess, from, concurrentStreams);
  const { readableEncoding, readableObjectMode, readableHighWaterMark } = getReadableOptions(subprocessStdout, binary);
  const { read, onStdoutDataDone } = getReadableMethods({
    subprocessStdout,
    subprocess,
    binary,
    encoding,
    preserveNewlines
  });
  const readable2 = new Readable4({
    read,
    destroy: callbackify2(onReadableDestroy.bind(void 0, { subprocessStdout, subprocess, waitReadableDestroy })),
    highWaterMark: readableHighWaterMark,
    objectMode: readableObjectMode,
    encoding: readableEncoding
  });
  onStdoutFinished({
    subprocessStdout,
    onStdoutDataDone,
    readable: readable2,
    subprocess
  });
  return readable2;
};
var getSubprocessStdout = (subprocess, from, concurrentStreams) => {
  const subprocessStdout = getFromStream(subprocess, from);
  const waitReadableDestroy = addConcurrentStream(concurrentStreams, subprocessStdout, "readableDestroy");
  return { subprocessStdout, waitReadableDestroy };
};
var getReadableOptions = ({ readableEncoding, readableObjectMode, readableHighWaterMark }, binary) => binary ? { readableEncoding, readableObjectMode, readableHighWaterMark } : { readableEncoding, readableObjectMode: true, readableHighWaterMark: DEFAULT_OBJECT_HIGH_WATER_MARK };
var getReadableMethods = ({ subprocessStdout, subprocess, binary, encoding, preserveNewlines }) => {
  const onStdoutDataDone = createDeferred();
  const onStdoutData = iterateOnSubprocessStream({
    subprocessStdout,
    subprocess,
    binary,
    shouldEncode: !binary,
    encoding,
    preserveNewlines
  });
  return {
    read() {
      onRead(this, onStdoutData, onStdoutDataDone);
    },
    onStdoutDataDone
  };
};
var onRead = async (readable2, onStdoutData, onStdoutDataDone) => {
  try {
    const { value, done } = await onStdoutData.next();
    if (done) {
      onStdoutDataDone.resolve();
    } else {
      readable2.push(value);
    }
  } catch {
  }
};
var onStdoutFinished = async ({ subprocessStdout, onStdoutDataDone, readable: readable2, subprocess, subprocessStdin }) => {
  try {
    await waitForSubprocessStdout(subprocessStdout);
    await subprocess;
    await safeWaitForSubprocessStdin(subprocessStdin);
    await onStdoutDataDone;
    if (readable2.readable) {
      readable2.push(null);
    }
  } catch (error2) {
    await safeWaitForSubprocessStdin(subprocessStdin);
    destroyOtherReadable(readable2, error2);
  }
};
var onReadableDestroy = async ({ subprocessStdout, subprocess, waitReadableDestroy }, error2) => {
  if (await waitForConcurrentStreams(waitReadableDestroy, subprocess)) {
    destroyOtherReadable(subprocessStdout, error2);
    await waitForSubprocess(subprocess, error2);
  }
};
var destroyOtherReadable = (stream, error2) => {
  destroyOtherStream(stream, stream.readable, error2);
};

// node_modules/execa/lib/convert/writable.js
import { Writable as Writable3 } from "node:stream";
import { callbackify as callbackify3 } from "node:util";
var createWritable = ({ subprocess, concurrentStreams }, { to } = {}) => {
  const { subprocessStdin, waitWritableFinal, waitWritableDestroy } = getSubprocessStdin(subprocess, to, concurrentStreams);
  const writable2 = new Writable3({
    ...getWritableMethods(subprocessStdin, subprocess, waitWritableFinal),
    destroy: callbackify3(onWritableDestroy.bind(void 0, {
      subprocessStdin,
      subprocess,
      waitWritableFinal,
      waitWritableDestroy
    })),
    highWaterMark: subprocessStdin.writableHighWaterMark,
    objectMode: subprocessStdin.writableObjectMode
  });
  onStdinFinished(subprocessStdin, writable2);
  return writable2;
};
var getSubprocessStdin = (subprocess, to, concurrentStreams) => {
  const subprocessStdin = getToStream(subprocess, to);
  const waitWritableFinal = addConcurrentStream(concurrentStreams, subprocessStdin, "writableFinal");
  const waitWritableDestroy = addConcurrentStream(concurrentStreams, subprocessStdin, "writableDestroy");
  return { subprocessStdin, waitWritableFinal, waitWritableDestroy };
};
var getWritableMethods = (subprocessStdin, subprocess, waitWritableFinal) => ({
  write: onWrite.bind(void 0, subprocessStdin),
  final: callbackify3(onWritableFinal.bind(void 0, subprocessStdin, subprocess, waitWritableFinal))
});
var onWrite = (subprocessStdin, chunk, encoding, done) => {
  if (subprocessStdin.write(chunk, encoding)) {
    done();
  } else {
    subprocessStdin.once("drain", done);
  }
};
var onWritableFinal = async (subprocessStdin, subprocess, waitWritableFinal) => {
  if (await waitForConcurrentStreams(waitWritableFinal, subprocess)) {
    if (subprocessStdin.writable) {
      subprocessStdin.end();
    }
    await subprocess;
  }
};
var onStdinFinished = async (subprocessStdin, writable2, subprocessStdout) => {
  try {
    await waitForSubprocessStdin(subprocessStdin);
    if (writable2.writable) {
      writable2.end();
    }
  } catch (error2) {
    await safeWaitForSubprocessStdout(subprocessStdout);
    destroyOtherWritable(writable2, error2);
  }
};
var onWritableDestroy = async ({ subprocessStdin, subprocess, waitWritableFinal, waitWritableDestroy }, error2) => {
  await waitForConcurrentStreams(waitWritableFinal, subprocess);
  if (await waitForConcurrentStreams(waitWritableDestroy, subprocess)) {
    destroyOtherWritable(subprocessStdin, error2);
    await waitForSubprocess(subprocess, error2);
  }
};
var destroyOtherWritable = (stream, error2) => {
  destroyOtherStream(stream, stream.writable, error2);
};

// node_modules/execa/lib/convert/duplex.js
import { Duplex as Duplex3 } from "node:stream";
import { callbackify as callbackify4 } from "node:util";
var createDuplex = ({ subprocess, concurrentStreams, encoding }, { from, to, binary: binaryOption = true, preserveNewlines = true } = {}) => {
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { subprocessStdout, waitReadableDestroy } = getSubprocessStdout(subprocess, from, concurrentStreams);
  const { subprocessStdin, waitWritableFinal, waitWritableDestroy } = getSubprocessStdin(subprocess, to, concurrentStreams);
  const { readableEncoding, readableObjectMode, readableHighWaterMark } = getReadableOptions(subprocessStdout, binary);
  const { read, onStdoutDataDone } = getReadableMethods({
    subprocessStdout,
    subprocess,
    binary,
    encoding,
    preserveNewlines
  });
  const duplex2 = new Duplex3({
    read,
    ...getWritableMethods(subprocessStdin, subprocess, waitWritableFinal),
    destroy: callbackify4(onDuplexDestroy.bind(void 0, {
      subprocessStdout,
      subprocessStdin,
      subprocess,
      waitReadableDestroy,
      waitWritableFinal,
      waitWritableDestroy
    })),
    readableHighWaterMark,
    writableHighWaterMark: subprocessStdin.writableHighWaterMark,
    readableObjectMode,
    writableObjectMode: subprocessStdin.writableObjectMode,
    encoding: readableEncoding
  });
  onStdoutFinished({
    subprocessStdout,
    onStdoutDataDone,
    readable: duplex2,
    subprocess,
    subprocessStdin
  });
  onStdinFinished(subprocessStdin, duplex2, subprocessStdout);
  return duplex2;
};
var onDuplexDestroy = async ({ subprocessStdout, subprocessStdin, subprocess, waitReadableDestroy, waitWritableFinal, waitWritableDestroy }, error2) => {
  await Promise.all([
    onReadableDestroy({ subprocessStdout, subprocess, waitReadableDestroy }, error2),
    onWritableDestroy({
      subprocessStdin,
      subprocess,
      waitWritableFinal,
      waitWritableDestroy
    }, error2)
  ]);
};

// node_modules/execa/lib/convert/iterable.js
var createIterable = (subprocess, encoding, {
  from,
  binary: binaryOption = false,
  preserveNewlines = false
} = {}) => {
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const subprocessStdout = getFromStream(subprocess, from);
  const onStdoutData = iterateOnSubprocessStream({
    subprocessStdout,
    subprocess,
    binary,
    shouldEncode: true,
    encoding,
    preserveNewlines
  });
  return iterateOnStdoutData(onStdoutData, subprocessStdout, subprocess);
};
var iterateOnStdoutData = async function* (onStdoutData, subprocessStdout, subprocess) {
  try {
    yield* onStdoutData;
  } finally {
    if (subprocessStdout.readable) {
      subprocessStdout.destroy();
    }
    await subprocess;
  }
};

// node_modules/execa/lib/convert/add.js
var addConvertedStreams = (subprocess, { encoding }) => {
  const concurrentStreams = initializeConcurrentStreams();
  subprocess.readable = createReadable.bind(void 0, { subprocess, concurrentStreams, encoding });
  subprocess.writable = createWritable.bind(void 0, { subprocess, concurrentStreams });
  subprocess.duplex = createDuplex.bind(void 0, { subprocess, concurrentStreams, encoding });
  subprocess.iterable = createIterable.bind(void 0, subprocess, encoding);
  subprocess[Symbol.asyncIterator] = createIterable.bind(void 0, subprocess, encoding, {});
};

// node_modules/execa/lib/methods/promise.js
var mergePromise = (subprocess, promise) => {
  for (const [property, descriptor2] of descriptors) {
    const value = descriptor2.value.bind(promise);
    Reflect.defineProperty(subprocess, property, { ...descriptor2, value });
  }
};
var nativePromisePrototype = (async () => {
})().constructor.prototype;
var descriptors = ["then", "catch", "finally"].map((property) => [
  property,
  Reflect.getOwnPropertyDescriptor(nativePromisePrototype, property)
]);

// node_modules/execa/lib/methods/main-async.js
var execaCoreAsync = (rawFile, rawArguments, rawOptions, createNested) => {
  const { file, commandArguments, command, escapedCommand, startTime, verboseInfo, options, fileDescriptors } = handleAsyncArguments(rawFile, rawArguments, rawOptions);
  const { subprocess, promise } = spawnSubprocessAsync({
    file,
    commandArguments,
    options,
    startTime,
    verboseInfo,
    command,
    escapedCommand,
    fileDescriptors
  });
  subprocess.pipe = pipeToSubprocess.bind(void 0, {
    source: subprocess,
    sourcePromise: promise,
    boundOptions: {},
    createNested
  });
  mergePromise(subprocess, promise);
  SUBPROCESS_OPTIONS.set(subprocess, { options, fileDescriptors });
  return subprocess;
};
var handleAsyncArguments = (rawFile, rawArguments, rawOptions) => {
  const { command, escapedCommand, startTime, verboseInfo } = handleCommand(rawFile, rawArguments, rawOptions);
  const { file, commandArguments, options: normalizedOptions } = normalizeOptions(rawFile, rawArguments, rawOptions);
  const options = handleAsyncOptions(normalizedOptions);
  const fileDescriptors = handleStdioAsync(options, verboseInfo);
  return {
    file,
    commandArguments,
    command,
    escapedCommand,
    startTime,
    verboseInfo,
    options,
    fileDescriptors
  };
};
var handleAsyncOptions = ({ timeout, signal, ...options }) => {
  if (signal !== void 0) {
    throw new TypeError('The "signal" option has been renamed to "cancelSignal" instead.');
  }
  return { ...options, timeoutDuration: timeout };
};
var spawnSubprocessAsync = ({ file, commandArguments, options, startTime, verboseInfo, command, escapedCommand, fileDescriptors }) => {
  let subprocess;
  try {
    subprocess = spawn(...concatenateShell(file, commandArguments, options));
  } catch (error2) {
    return handleEarlyError({
      error: error2,
      command,
      escapedCommand,
      fileDescriptors,
      options,
      startTime,
      verboseInfo
    });
  }
  const controller = new AbortController();
  setMaxListeners(Number.POSITIVE_INFINITY, controller.signal);
  const originalStreams = [...subprocess.stdio];
  pipeOutputAsync(subprocess, fileDescriptors, controller);
  cleanupOnExit(subprocess, options, controller);
  const context = {};
  const onInternalError = createDeferred();
  subprocess.kill = subprocessKill.bind(void 0, {
    kill: subprocess.kill.bind(subprocess),
    options,
    onInternalError,
    context,
    controller
  });
  subprocess.all = makeAllStream(subprocess, options);
  addConvertedStreams(subprocess, options);
  addIpcMethods(subprocess, options);
  const promise = handlePromise({
    subprocess,
    options,
    startTime,
    verboseInfo,
    fileDescriptors,
    originalStreams,
    command,
    escapedCommand,
    context,
    onInternalError,
    controller
  });
  return { subprocess, promise };
};
var handlePromise = async ({ subprocess, options, startTime, verboseInfo, fileDescriptors, originalStreams, command, escapedCommand, context, onInternalError, controller }) => {
  const [
    errorInfo,
    [exitCode, signal],
    stdioResults,
    allResult,
    ipcOutput
  ] = await waitForSubprocessResult({
    subprocess,
    options,
    context,
    verboseInfo,
    fileDescriptors,
    originalStreams,
    onInternalError,
    controller
  });
  controller.abort();
  onInternalError.resolve();
  const stdio = stdioResults.map((stdioResult, fdNumber) => stripNewline(stdioResult, options, fdNumber));
  const all = stripNewline(allResult, options, "all");
  const result = getAsyncResult({
    errorInfo,
    exitCode,
    signal,
    stdio,
    all,
    ipcOutput,
    context,
    options,
    command,
    escapedCommand,
    startTime
  });
  return handleResult(result, verboseInfo, options);
};
var getAsyncResult = ({ errorInfo, exitCode, signal, stdio, all, ipcOutput, context, options, command, escapedCommand, startTime }) => "error" in errorInfo ? makeError({
  error: errorInfo.error,
  command,
  escapedCommand,
  timedOut: context.terminationReason === "timeout",
  isCanceled: context.terminationReason === "cancel" || context.terminationReason === "gracefulCancel",
  isGracefullyCanceled: context.terminationReason === "gracefulCancel",
  isMaxBuffer: errorInfo.error instanceof MaxBufferError,
  isForcefullyTerminated: context.isForcefullyTerminated,
  exitCode,
  signal,
  stdio,
  all,
  ipcOutput,
  options,
  startTime,
  isSync: false
}) : makeSuccessResult({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput,
  options,
  startTime
});

// node_modules/execa/lib/methods/bind.js
var mergeOptions = (boundOptions, options) => {
  const newOptions = Object.fromEntries(
    Object.entries(options).map(([optionName, optionValue]) => [
      optionName,
      mergeOption(optionName, boundOptions[optionName], optionValue)
    ])
  );
  return { ...boundOptions, ...newOptions };
};
var mergeOption = (optionName, boundOptionValue, optionValue) => {
  if (DEEP_OPTIONS.has(optionName) && isPlainObject(boundOptionValue) && isPlainObject(optionValue)) {
    return { ...boundOptionValue, ...optionValue };
  }
  return optionValue;
};
var DEEP_OPTIONS = /* @__PURE__ */ new Set(["env", ...FD_SPECIFIC_OPTIONS]);

// node_modules/execa/lib/methods/create.js
var createExeca = (mapArguments, boundOptions, deepOptions, setBoundExeca) => {
  const createNested = (mapArguments2, boundOptions2, setBoundExeca2) => createExeca(mapArguments2, boundOptions2, deepOptions, setBoundExeca2);
  const boundExeca = (...execaArguments) => callBoundExeca({
    mapArguments,
    deepOptions,
    boundOptions,
    setBoundExeca,
    createNested
  }, ...execaArguments);
  if (setBoundExeca !== void 0) {
    setBoundExeca(boundExeca, createNested, boundOptions);
  }
  return boundExeca;
};
var callBoundExeca = ({ mapArguments, deepOptions = {}, boundOptions = {}, setBoundExeca, createNested }, firstArgument, ...nextArguments) => {
  if (isPlainObject(firstArgument)) {
    return createNested(mapArguments, mergeOptions(boundOptions, firstArgument), setBoundExeca);
  }
  const { file, commandArguments, options, isSync } = parseArguments({
    mapArguments,
    firstArgument,
    nextArguments,
    deepOptions,
    boundOptions
  });
  return isSync ? execaCoreSync(file, commandArguments, options) : execaCoreAsync(file, commandArguments, options, createNested);
};
var parseArguments = ({ mapArguments, firstArgument, nextArguments, deepOptions, boundOptions }) => {
  const callArguments = isTemplateString(firstArgument) ? parseTemplates(firstArgument, nextArguments) : [firstArgument, ...nextArguments];
  const [initialFile, initialArguments, initialOptions] = normalizeParameters(...callArguments);
  const mergedOptions = mergeOptions(mergeOptions(deepOptions, boundOptions), initialOptions);
  const {
    file = initialFile,
    commandArguments = initialArguments,
    options = mergedOptions,
    isSync = false
  } = mapArguments({ file: initialFile, commandArguments: initialArguments, options: mergedOptions });
  return {
    file,
    commandArguments,
    options,
    isSync
  };
};

// node_modules/execa/lib/methods/command.js
var mapCommandAsync = ({ file, commandArguments }) => parseCommand(file, commandArguments);
var mapCommandSync = ({ file, commandArguments }) => ({ ...parseCommand(file, commandArguments), isSync: true });
var parseCommand = (command, unusedArguments) => {
  if (unusedArguments.length > 0) {
    throw new TypeError(`The command and its arguments must be passed as a single string: ${command} ${unusedArguments}.`);
  }
  const [file, ...commandArguments] = parseCommandString(command);
  return { file, commandArguments };
};
var parseCommandString = (command) => {
  if (typeof command !== "string") {
    throw new TypeError(`The command must be a string: ${String(command)}.`);
  }
  const trimmedCommand = command.trim();
  if (trimmedCommand === "") {
    return [];
  }
  const tokens = [];
  for (const token of trimmedCommand.split(SPACES_REGEXP)) {
    const previousToken = tokens.at(-1);
    if (previousToken && previousToken.endsWith("\\")) {
      tokens[tokens.length - 1] = `${previousToken.slice(0, -1)} ${token}`;
    } else {
      tokens.push(token);
    }
  }
  return tokens;
};
var SPACES_REGEXP = / +/g;

// node_modules/execa/lib/methods/script.js
var setScriptSync = (boundExeca, createNested, boundOptions) => {
  boundExeca.sync = createNested(mapScriptSync, boundOptions);
  boundExeca.s = boundExeca.sync;
};
var mapScriptAsync = ({ options }) => getScriptOptions(options);
var mapScriptSync = ({ options }) => ({ ...getScriptOptions(options), isSync: true });
var getScriptOptions = (options) => ({ options: { ...getScriptStdinOption(options), ...options } });
var getScriptStdinOption = ({ input, inputFile, stdio }) => input === void 0 && inputFile === void 0 && stdio === void 0 ? { stdin: "inherit" } : {};
var deepScriptOptions = { preferLocal: true };

// node_modules/execa/index.js
var execa = createExeca(() => ({}));
var execaSync = createExeca(() => ({ isSync: true }));
var execaCommand = createExeca(mapCommandAsync);
var execaCommandSync = createExeca(mapCommandSync);
var execaNode = createExeca(mapNode);
var $ = createExeca(mapScriptAsync, {}, deepScriptOptions, setScriptSync);
var {
  sendMessage: sendMessage2,
  getOneMessage: getOneMessage2,
  getEachMessage: getEachMessage2,
  getCancelSignal: getCancelSignal2
} = getIpcExport();

// src/util/exec.ts
import { constants as constants7 } from "node:os";
var MAX_OUTPUT = 16 * 1024 * 1024;
function capped() {
  let kept = 0;
  let dropped = 0;
  return {
    transform: {
      // With binary: true, every chunk is a Uint8Array.
      *transform(piece) {
        const chunk = piece;
        const take = Math.min(chunk.length, MAX_OUTPUT - kept);
        kept += take;
        dropped += chunk.length - take;
        if (take > 0) yield take === chunk.length ? chunk : chunk.subarray(0, take);
      },
      binary: true
    },
    note: () => dropped > 0 ? `
[${dropped} more bytes not kept]
` : ""
  };
}
var execaExec = async (cmd, args, opts = {}) => {
  const out = capped();
  const err = capped();
  const notStarted = (why) => ({ exitCode: 127, stdout: "", stderr: `${cmd}: ${why}` });
  let running;
  try {
    running = execa(cmd, args, {
      cwd: opts.cwd,
      env: opts.env,
      extendEnv: true,
      stdin: opts.input === void 0 ? "ignore" : "pipe",
      input: opts.input,
      stdout: out.transform,
      stderr: err.transform,
      stripFinalNewline: false,
      reject: false
    });
  } catch (e) {
    return notStarted(e.message);
  }
  const r = await running;
  if (r.exitCode === void 0 && r.signal === void 0)
    return notStarted(r.originalMessage ?? r.shortMessage ?? "did not start");
  const exitCode = r.exitCode ?? 128 + (constants7.signals[r.signal] ?? 0);
  return { exitCode, stdout: String(r.stdout ?? "") + out.note(), stderr: String(r.stderr ?? "") + err.note() };
};

// src/action/emit.ts
function emitDiagnostic(d) {
  const props = { title: d.title, file: d.file, startLine: d.startLine, startColumn: d.startColumn };
  if (d.level === "error") error(d.message, props);
  else if (d.level === "warning") warning(d.message, props);
  else notice(d.message, props);
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
  if (!dest.startsWith("/"))
    throw new ParseError(`"${item}": destination "${dest}" must be absolute, e.g. /etc/app/config.yaml`);
  const normDest = "/" + dest.split("/").filter((p) => p !== "" && p !== ".").join("/");
  if (normDest === "/" || dest.endsWith("/"))
    throw new ParseError(`"${item}": destination "${dest}" must name a file, not a directory`);
  let mode;
  if (modeText !== void 0) {
    if (!/^0?[0-7]{3}$/.test(modeText))
      throw new ParseError(`"${item}": mode "${modeText}" must be octal like 0644 or 755`);
    mode = parseInt(modeText, 8);
  }
  return { source, dest: normDest, mode };
}

// src/inputs/keyvalue.ts
function parseKeyValue(item, keyPattern = /^[^\s=]+$/) {
  const eq = item.indexOf("=");
  if (eq <= 0) throw new ParseError(`"${item}" is not key=value; expected e.g. org.opencontainers.image.title=app`);
  const key = item.slice(0, eq).trim();
  if (!keyPattern.test(key))
    throw new ParseError(`"${item}": key "${key}" is not valid; expected ${keyPattern.source}`);
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

// src/inputs/reference.ts
var COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var HOST_PART = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST2 = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
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
    if (!DIGEST2.test(digest) || digest.startsWith("sha256:") && !SHA256.test(digest)) {
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
      throw new ParseError(
        `reference "${text}": tag "${tag}" must be 1-128 of [A-Za-z0-9_.-], not starting with . or -`
      );
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
  for (const c3 of parts) {
    if (!COMPONENT.test(c3)) {
      throw new ParseError(
        `reference "${text}": repository part "${c3}" must be lowercase letters, digits and separators (. _ __ -)`
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
  for (let i2 = 0; i2 < text.length; i2++) {
    const c3 = text[i2];
    if (quote) {
      if (c3 === quote) quote = null;
      else if (c3 === "\\" && quote === '"' && i2 + 1 < text.length) cur += text[++i2];
      else cur += c3;
    } else if (c3 === "'" || c3 === '"') {
      quote = c3;
      inWord = true;
    } else if (/\s/.test(c3)) {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += c3 === "\\" && i2 + 1 < text.length ? text[++i2] : c3;
      inWord = true;
    }
  }
  if (quote) throw new ParseError(`"${text}" has an unterminated ${quote} quote`);
  if (inWord) words.push(cur);
  return words;
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
var RESERVED_ENV = [
  "GOOS",
  "GOARCH",
  "GOARM",
  "GOAMD64",
  "GOARM64",
  "GO386",
  "GOPPC64",
  "GORISCV64",
  "GOMIPS",
  "GOMIPS64",
  "CGO_ENABLED"
];
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
  if (parts.length === 0 || text.endsWith("/"))
    throw new ParseError(`${what} "${text}" must name a file, not a directory`);
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
      if (/\s/.test(p) || p.startsWith("-"))
        throw new ParseError(`"${p}" is not a Go package path; expected e.g. . or ./cmd/server`);
      return p;
    }),
    platforms: field(
      "platforms",
      () => parsePlatforms(parseList(raw("platforms") || INPUT_DEFAULTS.platforms, { commas: true }))
    ),
    binaryName: field("binary-name", () => {
      const n2 = get("binary-name");
      if (n2 === "") return void 0;
      if (!/^[A-Za-z0-9._+-]+$/.test(n2) || n2 === "." || n2 === "..")
        throw new ParseError(`"${n2}" is not a file name; expected e.g. server`);
      return n2;
    }),
    binaryPath: field("binary-path", () => get("binary-path") ? absPath(get("binary-path"), "path") : void 0),
    args: lines("args"),
    cgo: bool("cgo"),
    buildTags: field("build-tags", () => {
      const tags = parseList(raw("build-tags"), { commas: true }).flatMap((t) => t.split(/\s+/));
      const bad = tags.find((t) => !/^[A-Za-z0-9_.]+$/.test(t));
      if (bad !== void 0)
        throw new ParseError(`tag "${bad}" is not a Go build tag; expected letters, digits, _ and .`);
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
      const u2 = get("user") || INPUT_DEFAULTS.user;
      if (!USER.test(u2))
        throw new ParseError(`"${u2}" is not a user; expected uid[:gid] or name[:group], e.g. 65532:65532`);
      return u2;
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
    labels: field(
      "labels",
      () => toRecord(
        lines("labels").map((l) => parseKeyValue(l)),
        "label"
      )
    ),
    annotations: field("annotations", () => lines("annotations").map(parseAnnotation)),
    sourceDateEpoch: field(
      "source-date-epoch",
      () => get("source-date-epoch") ? parseEpoch(get("source-date-epoch")) : void 0
    ),
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
      if (bad !== void 0)
        throw new ParseError(`"${bad}" is not a digest; expected sha256:<64 hex>, or one directory of digest files`);
      return { digests: [...new Set(items)] };
    }),
    mediaTypes: field("media-types", () => {
      const v = get("media-types") || "oci";
      if (v !== "oci" && v !== "docker")
        throw new ParseError(`"${v}" is not a media type family; expected oci or docker`);
      return v;
    }),
    insecureRegistries: field("insecure-registries", () => {
      const hosts = parseList(raw("insecure-registries"), { commas: true });
      const bad = hosts.find((h2) => !HOST_PORT.test(h2));
      if (bad !== void 0) throw new ParseError(`"${bad}" is not host[:port], e.g. registry.local:5000`);
      return hosts;
    }),
    cc: field("cc", () => parsePerPlatform(perPlatformLines("cc"), platformsFor())),
    sysroot: field("sysroot", () => parsePerPlatform(perPlatformLines("sysroot"), platformsFor()))
  };
  return checkCombinations(inputs);
}
function checkCombinations(i2) {
  if (i2.push && i2.tags.length === 0)
    throw new InputError('input "push": true needs at least one reference in "tags", e.g. ghcr.io/owner/app:1.0');
  if (i2.pushByDigest && !i2.push)
    throw new InputError('input "push-by-digest": true pushes manifests, so it needs push: true');
  if (i2.mergeDigests && i2.pushByDigest)
    throw new InputError(
      'input "merge-digests": the merge job builds nothing, so it cannot also push-by-digest; set push-by-digest: false'
    );
  if (i2.mergeDigests && !i2.push)
    throw new InputError('input "merge-digests": the merge job pushes an index, so it needs push: true');
  if (i2.mergeDigests && new Set(i2.tags.map((t) => `${t.registry}/${t.repository}`)).size > 1) {
    throw new InputError(
      'input "merge-digests": every tag must name the same repository, where the per-platform manifests were pushed'
    );
  }
  if (i2.mediaTypes === "docker" && i2.annotations.length > 0) {
    throw new InputError(
      'input "annotations": Docker media types carry no annotations; use media-types: oci or drop the annotations'
    );
  }
  return i2;
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

// src/action/main.ts
function usableMemory() {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, totalmem()) : totalmem();
}
async function run() {
  const env = process.env;
  const tempRoot = resolve3(env.RUNNER_TEMP || tmpdir(), "scratchpack");
  let report = emptyReport([]);
  let diagnostics = [];
  let failure;
  let started = false;
  const cores = availableParallelism();
  const pool = workerGzipPool(cores);
  const storeRoot = env.RUNNER_TOOL_CACHE ? join11(env.RUNNER_TOOL_CACHE, "scratchpack") : tempRoot;
  const store = diskLayerStore(join11(storeRoot, "layers"));
  try {
    const inputs = readInputs(env);
    report = emptyReport(inputs.platforms.map((p) => p.id));
    started = true;
    const result = await runPipeline(inputs, {
      exec: execaExec,
      env,
      tempRoot,
      concurrency: cores,
      memory: usableMemory(),
      policy: DEFAULT_RETRY,
      layers: {
        open: openFileReader,
        hash: (file) => store.hashFile(file.path, file.identity),
        gzip: (chunk) => pool.gzip(chunk),
        store
      },
      mask: (secret) => setSecret(secret),
      group: (name, fn) => group(name, fn),
      info: (line) => info(line),
      warn: (line) => warning(line)
    });
    report = result.report;
    diagnostics = result.diagnostics;
    if (store.grew) {
      const pruned = await store.prune().catch((e) => warning(`layer store: could not prune: ${formatError(e)}`));
      const said = pruned ? describePrune(pruned, store.limits) : "";
      if (said) info(said);
    }
    if (result.error !== void 0) throw result.error;
    const failed = report.platforms.filter((p) => p.status !== "ok");
    if (failed.length > 0) {
      failure = `${failed.length} of ${report.platforms.length} platforms failed: ${failed.map((p) => `${p.platform} (${p.status})`).join(", ")}`;
    }
  } catch (e) {
    failure = formatError(e);
    report.errors.push(failure);
  } finally {
    await pool.close();
  }
  for (const w of report.warnings) warning(w);
  diagnostics.forEach(emitDiagnostic);
  if (started) for (const [k, v] of Object.entries(outputs(report))) setOutput(k, v);
  if (report.image) {
    notice(`Pushed ${report.image}${report.push ? ` as ${report.push.refs.join(", ")}` : ""}`, {
      title: "Scratchpack"
    });
  } else if (report.indexDigest) {
    notice(`Image index ${report.indexDigest} written to ${report.ociLayout}`, { title: "Scratchpack" });
  }
  if (env.GITHUB_STEP_SUMMARY) {
    await summary.addRaw(renderSummary(report), true).write().catch((e) => warning(`could not write the job summary: ${formatError(e)}`));
  }
  if (failure !== void 0) setFailed(failure);
}

// src/action/index.ts
await run();
