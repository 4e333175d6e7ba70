// Chooses the PowerShell host to run (DESIGN §3): explicit option, then TSSEQ_ENGINE, then pwsh on
// PATH, then powershell.exe on Windows, then the embedded engine built from host/.
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, delimiter as pathDelimiter, dirname, extname, isAbsolute, join } from 'node:path';
import { paths } from './paths.js';

/** Which flavour of PowerShell host; decides flags such as -ExecutionPolicy. */
export type EngineKind = 'pwsh' | 'powershell' | 'embedded';

/** What callers may ask for: a flavour, `auto`, or a path to an executable (or to tsseq-host.dll). */
export type EngineChoice = 'auto' | EngineKind | (string & {});

export interface ResolvedEngine {
  kind: EngineKind;
  /** Program to spawn. */
  command: string;
  /** Arguments that precede the PowerShell arguments (the .dll for `dotnet`). */
  prefixArgs: string[];
  /** Where the choice came from, for error messages. */
  source: 'option' | 'TSSEQ_ENGINE' | 'PATH' | 'embedded';
  /** Environment variables the program needs on top of the caller's (DOTNET_ROOT for the apphost). */
  env?: Record<string, string>;
}

export interface ResolveEngineOptions {
  engine?: EngineChoice;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Override of the embedded engine's .dll (tests). */
  embeddedDll?: string;
}

export class EngineNotFoundError extends Error {
  override name = 'EngineNotFoundError';
}

/** The command line as a person would type it, for messages. */
export function describeEngine(engine: ResolvedEngine): string {
  return [engine.command, ...engine.prefixArgs].map((part) => (/\s/.test(part) ? `"${part}"` : part)).join(' ');
}

export function resolveEngine(options: ResolveEngineOptions = {}): ResolvedEngine {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const embeddedDll = options.embeddedDll ?? paths.embeddedHostDll;

  const explicit = options.engine && options.engine !== 'auto' ? options.engine : undefined;
  if (explicit) return resolveChoice(explicit, 'option', env, platform, embeddedDll);

  const fromEnv = env.TSSEQ_ENGINE?.trim();
  if (fromEnv && fromEnv !== 'auto') return resolveChoice(fromEnv, 'TSSEQ_ENGINE', env, platform, embeddedDll);

  const pwsh = findOnPath('pwsh', env, platform);
  if (pwsh) return { kind: 'pwsh', command: pwsh, prefixArgs: [], source: 'PATH' };
  if (platform === 'win32') {
    const powershell = findOnPath('powershell.exe', env, platform);
    if (powershell) return { kind: 'powershell', command: powershell, prefixArgs: [], source: 'PATH' };
  }
  return embedded(embeddedDll, 'embedded', env, platform);
}

function resolveChoice(
  choice: string,
  source: 'option' | 'TSSEQ_ENGINE',
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  embeddedDll: string,
): ResolvedEngine {
  const origin = source === 'option' ? 'The engine option (--engine)' : 'TSSEQ_ENGINE';
  switch (choice) {
    case 'embedded':
      return embedded(embeddedDll, source, env, platform);
    case 'pwsh':
    case 'powershell': {
      const program = choice === 'pwsh' ? 'pwsh' : 'powershell.exe';
      const found = findOnPath(program, env, platform);
      if (!found) {
        throw new EngineNotFoundError(
          `${origin} asks for '${choice}' but ${program} is not on PATH. ` +
            `Install it, or use the embedded engine (--engine embedded, after 'npm run build').`,
        );
      }
      return { kind: choice, command: found, prefixArgs: [], source };
    }
    default:
      return fromPath(choice, source, origin);
  }
}

function fromPath(path: string, source: 'option' | 'TSSEQ_ENGINE', origin: string): ResolvedEngine {
  if (!isAbsolute(path) && !path.includes('/') && !path.includes('\\')) {
    throw new EngineNotFoundError(
      `${origin} '${path}' is neither auto, pwsh, powershell, embedded nor a path to a PowerShell executable.`,
    );
  }
  if (!isFile(path)) throw new EngineNotFoundError(`${origin} points at '${path}', which does not exist.`);
  if (extname(path).toLowerCase() === '.dll') {
    return { kind: 'embedded', command: 'dotnet', prefixArgs: [path], source };
  }
  const name = basename(path).toLowerCase();
  const kind: EngineKind = name.startsWith('powershell') ? 'powershell' : name.startsWith('tsseq-host') ? 'embedded' : 'pwsh';
  return { kind, command: path, prefixArgs: [], source };
}

function embedded(dll: string, source: ResolvedEngine['source'], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): ResolvedEngine {
  if (!isFile(dll)) {
    // An installed package has no build script: the embedded engine (a ~100 MB .NET build for one platform) is not shipped.
    const installed = !isFile(join(paths.root, 'scripts', 'build.mjs'));
    throw new EngineNotFoundError(
      installed
        ? `No PowerShell found (no pwsh on PATH), and this installed tsseq package does not carry the embedded engine (${dll}). ` +
            `Install PowerShell 7 (pwsh) or give the path to a PowerShell executable as the engine (--engine PATH on the CLI, engine: PATH in Node); or build the embedded engine in a clone of tsseq ('npm run build', needs the .NET 10 SDK) and give its host/bin/publish/tsseq-host.dll so.`
        : `No PowerShell found (no pwsh on PATH) and the embedded engine is not built: ${dll} is missing. ` +
            `Run 'npm run build' to build it (needs the .NET 10 SDK), or install PowerShell 7.`,
    );
  }
  // The published apphost beside the .dll starts about 50 ms sooner than `dotnet <dll>`; it finds
  // .NET through DOTNET_ROOT, which is set to the dotnet on PATH unless the caller set it.
  const apphost = join(dirname(dll), `tsseq-host${platform === 'win32' ? '.exe' : ''}`);
  const dotnetRoot = env.DOTNET_ROOT || dotnetFolder(env, platform);
  if (dotnetRoot && isExecutableFile(apphost, platform === 'win32')) {
    return { kind: 'embedded', command: apphost, prefixArgs: [], source, env: { DOTNET_ROOT: dotnetRoot } };
  }
  return { kind: 'embedded', command: 'dotnet', prefixArgs: [dll], source };
}

/** The folder of the dotnet on PATH (links followed: that folder holds the runtimes), or undefined. */
function dotnetFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const dotnet = findOnPath('dotnet', env, platform);
  if (!dotnet) return undefined;
  try {
    return dirname(realpathSync(dotnet));
  } catch {
    return undefined;
  }
}

/** The first executable file called `name` on PATH (with PATHEXT on Windows), or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const windows = platform === 'win32';
  const pathValue = (windows ? env.Path ?? env.PATH : env.PATH) ?? '';
  const separator = windows ? ';' : platform === process.platform ? pathDelimiter : ':';
  const extensions = windows && !extname(name) ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean) : [''];
  for (const dir of pathValue.split(separator)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = join(dir.replace(/^"(.*)"$/, '$1'), name + extension.toLowerCase());
      if (isExecutableFile(candidate, windows)) return candidate;
    }
  }
  return undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isExecutableFile(path: string, windows: boolean): boolean {
  if (!isFile(path)) return false;
  if (windows) return true;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
