// Regenerates the bundled statutory layers (rules/cn-*-law-*) from the statute collection.
// Usage: npm run layers [-- <statutes dir>]   (default: ../shared/statutes beside the project)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '../dist/node.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const statutes = resolve(process.argv[2] ?? process.env.CAILIANG_STATUTES ?? join(root, '..', 'shared', 'statutes'));
const { layers } = JSON.parse(readFileSync(join(root, 'scripts', 'statutory-layers.json'), 'utf8'));
const io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
let failed = 0;
for (const l of layers) {
  const args = ['statute', 'import', join(statutes, l.file), '--id', l.id, '--law-key', l.key, '--prefix', l.key.toUpperCase(), '--field', l.field, '--out', join(root, 'rules', l.folder)];
  if (l.effectiveTo) args.push('--effective-to', l.effectiveTo);
  if (l.version) args.push('--version', l.version);
  for (const [code, old] of Object.entries(l.formerly ?? {})) args.push('--formerly', `${code}=${old.join(',')}`);
  const code = await cli(args, io);
  if (code !== 0) {
    failed++;
    process.stderr.write(`statutory-layers: ${l.folder} failed (exit ${code})\n`);
  }
}
process.exit(failed ? 1 : 0);
