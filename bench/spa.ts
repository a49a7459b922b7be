import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SpaEntryResult, SpaFile, SpaResult } from './types.js';

/**
 * What the browser downloads for the first page load of each SPA entry: the module script of
 * its index.html, the chunks it preloads, the chunks those import statically (dynamic
 * `import()` is not part of the first load), and the stylesheets it links. Sizes are gzip at
 * zlib's default level, as a CDN compresses on the fly.
 */

const ENTRIES = [
  { name: 'console', html: 'app/index.html' },
  { name: 'portal', html: 'portal/index.html' },
] as const;

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** Static imports (and re-exports) of a built chunk; `import(...)` has a parenthesis and is skipped. */
const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+|\*)?\s*(?:from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(STATIC_IMPORT)].map((m) => resolve(dirname(file), m[1]!)).filter((f) => existsSync(f));
}

export function measureEntry(webRoot: string, name: SpaEntryResult['name'], htmlPath: string): SpaEntryResult {
  const htmlFile = join(webRoot, htmlPath);
  const html = readFileSync(htmlFile, 'utf8');
  const toFile = (ref: string) =>
    ref.startsWith('/') ? join(webRoot, ref.split('?')[0]!) : resolve(dirname(htmlFile), ref.split('?')[0]!);
  const found = new Map<string, SpaFile['kind']>();
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    if (/^<script/i.test(tag) && attr(tag, 'type') === 'module' && attr(tag, 'src')) {
      found.set(toFile(attr(tag, 'src')!), 'script');
    } else if (/^<link/i.test(tag)) {
      const rel = attr(tag, 'rel');
      const href = attr(tag, 'href');
      if (href && rel === 'modulepreload') found.set(toFile(href), 'modulepreload');
      if (href && rel === 'stylesheet') found.set(toFile(href), 'stylesheet');
    }
  }
  const queue = [...found.entries()].filter(([, kind]) => kind !== 'stylesheet').map(([file]) => file);
  while (queue.length) {
    const file = queue.shift()!;
    if (!existsSync(file)) throw new Error(`${htmlPath} references ${relative(webRoot, file)}, which is not built`);
    for (const dep of staticImports(file)) {
      if (found.has(dep)) continue;
      found.set(dep, 'import');
      queue.push(dep);
    }
  }
  const files: SpaFile[] = [...found.entries()].map(([file, kind]) => {
    const bytes = readFileSync(file);
    return { file: relative(webRoot, file), kind, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength };
  });
  const kb = (n: number) => Math.round(n / 100) / 10;
  return {
    name,
    html: htmlPath,
    files,
    rawKb: kb(files.reduce((n, f) => n + f.bytes, 0)),
    gzipKb: kb(files.reduce((n, f) => n + f.gzipBytes, 0)),
  };
}

function buildWeb(root: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'build:web'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done();
      else fail(new Error(`npm run build:web exited with ${code}: ${output.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}

/** Measures dist/web, building it first when an entry is missing (or when asked to). */
export async function measureSpa(root: string, opts: { forceBuild: boolean }): Promise<SpaResult> {
  const webRoot = join(root, 'dist/web');
  const missing = ENTRIES.some((e) => !existsSync(join(webRoot, e.html)));
  let built = false;
  if (missing || opts.forceBuild) {
    try {
      await buildWeb(root);
      built = true;
    } catch (error) {
      return { built: false, entries: [], error: (error as Error).message.slice(0, 500) };
    }
  }
  const entries: SpaEntryResult[] = [];
  const errors: string[] = [];
  for (const e of ENTRIES) {
    try {
      entries.push(measureEntry(webRoot, e.name, e.html));
    } catch (error) {
      errors.push(`${e.name}: ${(error as Error).message}`);
    }
  }
  return { built, entries, error: errors.length ? errors.join('; ') : undefined };
}
