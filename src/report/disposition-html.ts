import { checkCase, checkDisposition, checkRuleSet } from '../load/arguments.js';
import type { Case, Disposition } from '../evaluate/types.js';
import type { RuleSet } from '../load/model.js';
import { caseReport, type Block, type Entry, type Inline, type Section } from './case-report.js';
import { escapeHtml, htmlPage } from './html.js';

const STATUS_TEXT: Record<NonNullable<Entry['status']>, string> = { applied: '适用', 'not-applied': '不适用', info: '说明', missing: '待补充' };

function inline(parts: readonly Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : `<strong>${escapeHtml(p.strong)}</strong>`)).join('');
}

function entryHtml(e: Entry): string {
  const badge = e.status ? `<span class="badge">${STATUS_TEXT[e.status]}</span>` : '';
  const label = e.label !== undefined ? `${e.status ? `<strong>${escapeHtml(e.label)}</strong>` : escapeHtml(e.label)}：` : '';
  return `<li${e.status ? ` class="st-${e.status}"` : ''}>${badge}${label}${inline(e.value)}</li>`;
}

function blockHtml(b: Block, first: boolean, sectionId: Section['id']): string {
  if (b.kind === 'paragraph') {
    // The first sentence of the conclusion is the answer: set it apart.
    return sectionId === 'conclusion' && first ? `<p class="lead">${inline(b.text)}</p>` : `<p>${inline(b.text)}</p>`;
  }
  if (b.entries.length === 0) return '';
  // Facts and rules are label/value pairs: a two-column list reads better than bullets.
  if (!b.ordered && b.entries.every((e) => e.label !== undefined && !e.status) && (sectionId === 'facts' || sectionId === 'rules')) {
    return `<dl class="kv">\n${b.entries.map((e) => `<dt>${escapeHtml(e.label!)}</dt><dd>${inline(e.value)}</dd>`).join('\n')}\n</dl>`;
  }
  const tag = b.ordered ? 'ol' : 'ul';
  const start = b.ordered && b.start !== undefined && b.start !== 1 ? ` start="${b.start}"` : '';
  return `<${tag}${start}${sectionId === 'trace' ? ' class="trace"' : ''}>\n${b.entries.map(entryHtml).join('\n')}\n</${tag}>`;
}

const CSS = `
.lead { font-size: 1.05rem; }
section.conclusion .verdict p { margin: 0.2rem 0; }
article.case + article.case { margin-top: 3rem; padding-top: 1rem; border-top: 3px double var(--line); }
@media print { article.case + article.case { break-before: page; page-break-before: always; margin-top: 0; border-top: 0; } }
ol.trace { padding-left: 2rem; }
ol.trace li { margin: 0.25rem 0; }
`;

function articleHtml(d: Disposition, rs: RuleSet, c: Case): string {
  const r = caseReport(d, rs, c);
  const out: string[] = ['<article class="case">'];
  out.push(
    '<header>',
    '<p class="kicker">行政处罚裁量建议</p>',
    `<h1>案件 ${escapeHtml(r.caseId)}</h1>`,
    `<p class="meta">${escapeHtml(r.ruleSet.title)} · <span class="mono">${escapeHtml(r.ruleSet.id)}</span> 版本 ${escapeHtml(r.ruleSet.version)}</p>`,
    '</header>',
  );
  for (const s of r.sections) {
    out.push(`<section class="${s.id}">`, `<h2>${escapeHtml(s.title)}</h2>`);
    if (s.id === 'conclusion') {
      // The outcome and the penalty (or what would otherwise apply), boxed and
      // coloured by outcome; the measures and the 721 line follow.
      out.push(`<div class="verdict ${r.outcome}">`);
      s.blocks.slice(0, -1).forEach((b, i) => out.push(blockHtml(b, i === 0, s.id)));
      out.push('</div>');
      out.push(blockHtml(s.blocks[s.blocks.length - 1]!, false, s.id));
    } else {
      s.blocks.forEach((b, i) => out.push(blockHtml(b, i === 0, s.id)));
    }
    out.push('</section>');
  }
  out.push(
    '<footer>',
    `<p class="closing">${escapeHtml(r.closing)}</p>`,
    `<p class="note">裁量基准 <span class="mono">${escapeHtml(r.ruleSet.id)} ${escapeHtml(r.ruleSet.version)}</span> · sha256 <span class="mono">${escapeHtml(r.ruleSet.hash.slice(0, 16))}</span></p>`,
    '</footer>',
    '</article>',
  );
  return out.filter((x) => x !== '').join('\n');
}

/**
 * The case report as one self-contained HTML page (inline CSS, no script, no
 * external asset; prints on A4): the same sections as the Markdown report,
 * every user string escaped.
 *
 * @example
 * writeFileSync('report.html', renderDispositionHtml(d, ruleSet, c));
 */
export function renderDispositionHtml(d: Disposition, rs: RuleSet, c: Case): string {
  checkDisposition('renderDispositionHtml', d);
  checkRuleSet('renderDispositionHtml', rs);
  checkCase('renderDispositionHtml', c);
  return htmlPage(`行政处罚裁量建议：案件 ${c.id}`, articleHtml(d, rs, c), CSS);
}

/** One case to render: its disposition, the rule-set version applied, the case as loaded. */
export interface CaseReportInput {
  readonly disposition: Disposition;
  readonly ruleSet: RuleSet;
  readonly case: Case;
}

/** Several case reports in one HTML page, each starting on a new printed page. */
export function renderDispositionsHtml(reports: readonly CaseReportInput[]): string {
  if (reports.length === 1) return renderDispositionHtml(reports[0]!.disposition, reports[0]!.ruleSet, reports[0]!.case);
  const title = `行政处罚裁量建议（${reports.length} 件）`;
  return htmlPage(title, reports.map((r) => articleHtml(r.disposition, r.ruleSet, r.case)).join('\n'), CSS);
}
