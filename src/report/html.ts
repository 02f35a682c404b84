import { printableText } from './printable.js';
import { VERSION } from '../version.js';

/**
 * Building blocks of the self-contained HTML reports: escaping and one page
 * shell with inline CSS that reads on a screen and prints on A4. No external
 * asset, no script, no clock.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. Every user string goes through it. */
export function escapeHtml(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const BASE_CSS = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b5cad;
  --none: #1a7f37; --penalty: #b35900; --undetermined: #8250df; --error: #cf222e; --warning: #9a6700; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.65; font-size: 15px;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1.25rem 2rem; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0.2rem 0 0.5rem; }
h2 { font-size: 1.12rem; margin: 1.6rem 0 0.6rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1rem; margin: 1.1rem 0 0.4rem; break-after: avoid; page-break-after: avoid; }
p { margin: 0.4rem 0; }
ul, ol { margin: 0.3rem 0 0.6rem; padding-left: 1.6rem; }
li { margin: 0.15rem 0; break-inside: avoid; page-break-inside: avoid; }
main, p, li, td, th, dd, dt { overflow-wrap: anywhere; word-break: normal; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.86em; }
strong { font-weight: 700; }
.kicker { margin: 0; color: var(--muted); font-size: 0.85rem; letter-spacing: 0.08em; }
.meta { color: var(--muted); font-size: 0.85rem; }
.note { color: var(--muted); font-size: 0.85rem; }
dl.kv { display: grid; grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr); gap: 0.2rem 1rem; margin: 0.3rem 0 0.6rem; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem; font-size: 0.9rem; table-layout: auto; }
table.compact { width: auto; min-width: 18rem; }
tr.group th { background: #fff; border-left: 0; border-right: 0; padding-top: 0.6rem; }
.nowrap { white-space: nowrap; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
.badge { display: inline-block; padding: 0 0.4rem; margin-right: 0.35rem; border-radius: 3px; font-size: 0.78rem; line-height: 1.5; border: 1px solid currentColor; white-space: nowrap; }
.st-applied .badge { color: var(--accent); }
.st-not-applied .badge { color: var(--muted); }
.st-info .badge { color: var(--muted); }
.st-missing .badge { color: var(--undetermined); }
.sev-error { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--muted); }
.verdict { margin: 1rem 0 0.5rem; padding: 0.7rem 0.9rem; border-left: 5px solid var(--accent); background: var(--soft); }
.verdict.none { border-color: var(--none); }
.verdict.penalty { border-color: var(--penalty); }
.verdict.undetermined { border-color: var(--undetermined); }
figure { margin: 0.6rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 0.3rem; }
footer { margin-top: 2rem; padding-top: 0.6rem; border-top: 1px solid var(--line); }
.closing { font-weight: 600; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { font-size: 10.5pt; line-height: 1.55; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .verdict, th, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { margin-top: 1.1rem; }
}
`;

/** A whole HTML document: charset, language, inline CSS, no external resource. */
export function htmlPage(title: string, body: string, extraCss = ''): string {
  // Escaped for HTML already; control characters and bidi overrides are shown as escapes too.
  return printableText([
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="cailiang ${escapeHtml(VERSION)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${BASE_CSS}${extraCss}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n'));
}
