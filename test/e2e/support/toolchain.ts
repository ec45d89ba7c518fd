// Where the e2e toolchain lives: test/e2e/install.sh installs Node 24, code-server and Chromium and
// writes env.sh into its cache folder (${E2E_CACHE:-<repo>/.cache/e2e}); the variables may also
// come from the environment.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/notes';

export interface Toolchain {
  /** Node 24, which code-server needs. */
  node24: string;
  /** code-server's entry script, run as `node24 codeServer …`. */
  codeServer: string;
  chromium: string;
}

const NAMES = { node24: 'NODE24', codeServer: 'CODE_SERVER', chromium: 'CHROMIUM' } as const;

export function loadToolchain(env: NodeJS.ProcessEnv = process.env): Toolchain {
  const file = join(env.E2E_CACHE || join(ROOT, '.cache', 'e2e'), 'env.sh');
  const fromFile = new Map<string, string>();
  if (existsSync(file)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^export (\w+)='([^']*)'$/gm)) fromFile.set(m[1]!, m[2]!);
  }
  const pick = (name: string) => {
    const value = env[name] || fromFile.get(name);
    if (!value) throw new Error(`${name} is not set and ${file} does not define it: run \`bash test/e2e/install.sh\` first`);
    if (!existsSync(value)) throw new Error(`${name}=${value} does not exist: run \`bash test/e2e/install.sh\` again`);
    return value;
  };
  return { node24: pick(NAMES.node24), codeServer: pick(NAMES.codeServer), chromium: pick(NAMES.chromium) };
}
