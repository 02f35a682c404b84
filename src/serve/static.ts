import { createReadStream, existsSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * The playground's static files (dist/playground/: index.html and its
 * assets), or, when it has not been built, a short page saying how to build
 * it. Paths are decoded once, must stay inside the folder (no `..`, no NUL,
 * no link out of it), and only regular files are sent.
 */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cailiang serve</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}</style>
<h1>cailiang serve</h1>
<p>The HTTP API is running: its description is at <a href="/openapi.json">/openapi.json</a>, the rule sets at <a href="/v1/rulesets">/v1/rulesets</a>.</p>
<p>The playground page is not in this install: <code>dist/playground/</code> has not been built.
Build it in a checkout of cailiang (see its README), then start <code>cailiang serve</code> again.</p>
</html>
`;

export interface StaticFile {
  readonly stream: Readable;
  readonly size: number;
  readonly type: string;
}

/** The playground folder, when it exists. */
export function playgroundRoot(dir: string): string | undefined {
  try {
    return existsSync(dir) && statSync(dir).isDirectory() ? resolve(dir) : undefined;
  } catch {
    return undefined;
  }
}

/** The file a URL path names under `root`, or undefined (not found, or not allowed). */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return undefined;
  let full = join(root, ...segments);
  try {
    let info = await stat(full);
    if (info.isDirectory()) {
      full = join(full, 'index.html');
      info = await stat(full);
    }
    if (!info.isFile()) return undefined;
    // Through a link, the file must still be inside the folder.
    const real = await realpath(full);
    const rootReal = await realpath(root);
    const r = relative(rootReal, real);
    if (r === '' || r.startsWith('..' + sep) || r === '..' || isAbsolute(r)) return undefined;
    return { stream: createReadStream(real), size: info.size, type: contentTypeOf(real) };
  } catch {
    return undefined;
  }
}
