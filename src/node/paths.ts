import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the installed cailiang package (holds package.json and rules/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'cailiang') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    dir = dirname(dir);
  }
  return process.cwd();
}

/** The rule sets bundled with cailiang. */
export function bundledRulesDir(): string {
  return join(packageRoot(), 'rules');
}
