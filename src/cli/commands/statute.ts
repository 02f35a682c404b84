import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listLawFiles, lawFileOf, readLawText, type LawFile } from '../../node/statutes.js';
import { writeFileAtomic } from '../../node/write.js';
import { statuteCoverage } from '../../statute/coverage.js';
import { statutoryLayer } from '../../statute/layer.js';
import { readPenalties } from '../../statute/read.js';
import { chineseNumeral, citationText } from '../../statute/structure.js';
import { summarizeProvision } from '../../statute/summary.js';
import { EXIT, UsageError, type CliIO } from '../io.js';

export const STATUTE_HELP = `Usage: cailiang statute <show|import|coverage> ...

Reads the penalty clauses of law texts (the Markdown of the statute collection:
one file per law version, 短标题(YYYY-MM-DD).md).

  cailiang statute show <law.md> [--article <n>] [--format text|json]
      the penalty paragraphs of a law as read: violations, conditions and
      sanctions, each with its citation; what could not be read, and why
  cailiang statute import <law.md> --id <rule-set id> --out <folder>
                          [--law-key <key>] [--prefix <CODE>] [--field <领域>]
                          [--region <code>:<name>] [--effective-to YYYY-MM-DD]
                          [--formerly <CODE>=<OLD>[,<OLD>]]...
      writes the statutory layer of the law as a rule-set folder: index.yaml,
      items.yaml (one item per violation) and REVIEW.md (paragraphs not
      imported, with the reason and the text). --formerly gives an item the
      codes the same conduct had in an earlier version (renumbered, checked by
      hand against both texts), for Art. 37. The folder must be new or empty,
      or hold a statutory layer written before (it is replaced file by file).
  cailiang statute coverage <folder or law.md>... [--format text|json] [--list]
      how many penalty paragraphs the reader found and what share it read
      fully, by law and overall, with the reasons for the rest

Exit: 0 done, 1 nothing read (show) or nothing imported (import), 2 usage or I/O.
`;

export async function statuteCommand(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(STATUTE_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (sub === 'show') return show(rest, io);
  if (sub === 'import') return importLaw(rest, io);
  if (sub === 'coverage') return coverage(rest, io);
  throw new UsageError(`unknown statute command "${sub}" (show, import or coverage)`);
}

async function readOrFail(path: string, io: CliIO): Promise<string | undefined> {
  try {
    return await readLawText(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    io.stderr(`cailiang statute: cannot read ${path} (${code ?? (e as Error).message})\n`);
    return undefined;
  }
}

async function show(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { article: { type: 'string' }, format: { type: 'string', short: 'f', default: 'text' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(STATUTE_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('statute show takes one law file');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}" (text or json)`);
  const article = values.article === undefined ? undefined : Number(values.article);
  if (article !== undefined && !(Number.isInteger(article) && article > 0)) throw new UsageError('--article takes an article number, e.g. 124');
  const text = await readOrFail(positionals[0]!, io);
  if (text === undefined) return EXIT.usage;
  const reading = readPenalties(text);
  const provisions = reading.provisions.filter((p) => article === undefined || p.ref.article === article);
  if (values.format === 'json') {
    io.stdout(JSON.stringify({ title: reading.law.title, file: positionals[0], provisions }, null, 2) + '\n');
  } else {
    io.stdout(`${reading.law.title} — ${provisions.length} penalty paragraph(s)\n\n`);
    for (const p of provisions) {
      io.stdout(`${summarizeProvision(p)}\n`);
      for (const v of p.violations) if (v.ref.item !== undefined) io.stdout(`  （${chineseNumeral(v.ref.item)}）${v.text}\n`);
      io.stdout('\n');
    }
  }
  return provisions.length > 0 ? EXIT.ok : EXIT.problems;
}

const REGIONS: readonly (readonly [RegExp, string, string])[] = [
  [/(?:^|\/)DLC\/浙江地方法规\//, '330000', '浙江省'],
  [/(?:^|\/)DLC\/上海地方法规\//, '310000', '上海市'],
  [/(?:^|\/)DLC\/重庆地方法规\//, '500000', '重庆市'],
];

async function importLaw(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'law-key': { type: 'string' },
      prefix: { type: 'string' },
      field: { type: 'string' },
      region: { type: 'string' },
      version: { type: 'string' },
      'effective-to': { type: 'string' },
      formerly: { type: 'string', multiple: true },
      source: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(STATUTE_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('statute import takes one law file');
  if (!values.id || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(values.id)) throw new UsageError('--id <rule-set id> is required (letters, digits, . _ -)');
  if (!values.out) throw new UsageError('--out <folder> is required');
  const lawKey = values['law-key'] ?? 'law';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(lawKey)) throw new UsageError('--law-key takes letters, digits, . _ -');
  const prefix = values.prefix ?? lawKey.toUpperCase();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/.test(prefix)) throw new UsageError('--prefix takes letters, digits, . _ -');
  const file = positionals[0]!;
  const lf = lawFileOf(resolve(file));
  const version = values.version ?? lf.date;
  if (!version || !/^\d{4}-\d{2}-\d{2}$/.test(version))
    throw new UsageError('the file name carries no date (短标题(YYYY-MM-DD).md): give --version YYYY-MM-DD');
  let region: { code: string; name: string } | undefined;
  if (values.region !== undefined) {
    const m = /^(\d{6}):(.+)$/.exec(values.region);
    if (!m) throw new UsageError('--region takes <6-digit code>:<name>, e.g. 330000:浙江省');
    region = { code: m[1]!, name: m[2]! };
  } else {
    const norm = resolve(file).split('\\').join('/');
    const hit = REGIONS.find(([re]) => re.test(norm));
    if (hit) region = { code: hit[1], name: hit[2] };
  }
  const to = values['effective-to'];
  if (to !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(to)) throw new UsageError('--effective-to takes a date YYYY-MM-DD');
  const formerly = new Map<string, string[]>();
  for (const f of values.formerly ?? []) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,79})=([A-Za-z0-9][A-Za-z0-9._-]{0,79}(?:,[A-Za-z0-9][A-Za-z0-9._-]{0,79})*)$/.exec(f);
    if (!m) throw new UsageError('--formerly takes <CODE>=<OLD CODE>[,<OLD CODE>], e.g. GJHY-40-1=GJHY-45-1');
    formerly.set(m[1]!, [...(formerly.get(m[1]!) ?? []), ...m[2]!.split(',')]);
  }
  const text = await readOrFail(file, io);
  if (text === undefined) return EXIT.usage;
  const source = values.source ?? collectionPath(resolve(file));
  const layer = statutoryLayer(readPenalties(text), {
    id: values.id,
    lawKey,
    prefix,
    version,
    source,
    ...(region ? { region } : {}),
    ...(values.field ? { field: values.field } : {}),
    ...(to !== undefined ? { effectiveTo: to } : {}),
    ...(formerly.size > 0 ? { formerly } : {}),
  });
  const missing = [...formerly.keys()].filter((c) => !layer.codes.includes(c));
  if (missing.length > 0) throw new UsageError(`--formerly names items the layer does not have: ${missing.join(', ')}`);
  const out = values.out;
  const refused = await refuseFolder(out, [...layer.files.keys()]);
  if (refused) {
    io.stderr(`cailiang statute import: refusing to write into ${out}: ${refused}\n`);
    return EXIT.usage;
  }
  await mkdir(out, { recursive: true });
  for (const [name, body] of layer.files) await writeFileAtomic(join(out, name), body);
  io.stderr(`${out}: ${layer.items} item(s); ${new Set(layer.review.map((r) => citationText(r.ref))).size} paragraph(s) need review (REVIEW.md)\n`);
  return layer.items > 0 ? EXIT.ok : EXIT.problems;
}

/** The path of a law file under the statute collection (…/statutes/行政法/x.md → 行政法/x.md), or its name. */
function collectionPath(abs: string): string {
  const norm = abs.split('\\').join('/');
  const i = norm.lastIndexOf('/statutes/');
  return i >= 0 ? norm.slice(i + '/statutes/'.length) : (norm.split('/').pop() ?? norm);
}

/** The import writes only into a new or empty folder, or over a statutory layer it wrote before. */
async function refuseFolder(dir: string, ours: readonly string[]): Promise<string | undefined> {
  let s;
  try {
    s = await stat(dir);
  } catch {
    return undefined;
  }
  if (!s.isDirectory()) return 'it is not a folder';
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
  const foreign = names.filter((n) => !ours.includes(n));
  if (foreign.length > 0) return `it holds files the import did not write (${foreign.slice(0, 3).join(', ')})`;
  return undefined;
}

async function coverage(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f', default: 'text' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(STATUTE_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('statute coverage takes folders or law files');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}" (text or json)`);
  const files: LawFile[] = [];
  for (const p of positionals) {
    try {
      files.push(...(await listLawFiles(p)));
    } catch (e) {
      io.stderr(`cailiang statute coverage: cannot read ${p} (${(e as NodeJS.ErrnoException)?.code ?? (e as Error).message})\n`);
      return EXIT.usage;
    }
  }
  const texts: { name: string; text: string }[] = [];
  for (const f of files) {
    const text = await readOrFail(f.path, io);
    if (text === undefined) return EXIT.usage;
    texts.push({ name: f.relPath, text });
  }
  const r = statuteCoverage(texts);
  if (values.format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          laws: r.laws.length,
          paragraphs: r.paragraphs,
          read: r.read,
          share: r.paragraphs === 0 ? 0 : r.read / r.paragraphs,
          reasons: r.reasons,
          byLaw: r.laws.map((l) => ({
            file: l.name,
            title: l.title,
            paragraphs: l.paragraphs,
            read: l.read,
            review: l.review.map((v) => ({ citation: citationText(v.provision.ref), line: v.provision.at.line, reasons: v.reasons, text: v.provision.text })),
          })),
        },
        null,
        2,
      ) + '\n',
    );
    return EXIT.ok;
  }
  const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  io.stdout(`${r.laws.length} law text(s), ${r.paragraphs} penalty paragraph(s), ${r.read} read fully (${pct(r.read, r.paragraphs)})\n\n`);
  if (r.reasons.length > 0) {
    io.stdout('Why the rest need review (paragraphs, a paragraph may have several reasons):\n');
    for (const x of r.reasons) io.stdout(`  ${String(x.count).padStart(6)}  ${x.reason}\n`);
    io.stdout('\n');
  }
  io.stdout('By law:\n');
  for (const l of r.laws) if (l.paragraphs > 0) io.stdout(`  ${pct(l.read, l.paragraphs).padStart(6)}  ${String(l.read).padStart(4)}/${String(l.paragraphs).padEnd(4)} ${l.name}\n`);
  if (values.list) {
    io.stdout('\nParagraphs that need review:\n');
    for (const l of r.laws)
      for (const v of l.review) io.stdout(`${l.name}:${v.provision.at.line}: ${citationText(v.provision.ref)}: ${v.reasons.join('; ')}\n`);
  }
  return EXIT.ok;
}
