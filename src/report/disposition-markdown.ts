import { printableText } from './printable.js';
import { checkCase, checkDisposition, checkRuleSet } from '../load/arguments.js';
import type { Case, Disposition } from '../evaluate/types.js';
import type { RuleSet } from '../load/model.js';
import { caseReport, statusMark, type Block, type Entry, type Inline } from './case-report.js';

export { factValueText } from './format.js';

function inline(parts: readonly Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : `**${p.strong}**`)).join('');
}

function entryText(e: Entry): string {
  return `${e.status ? statusMark(e.status) : ''}${e.label !== undefined ? `${e.label}：` : ''}${inline(e.value)}`;
}

function blockLines(b: Block): string[] {
  if (b.kind === 'paragraph') return [inline(b.text)];
  return b.entries.map((e, i) => `${b.ordered ? `${(b.start ?? 1) + i}.` : '-'} ${entryText(e)}`);
}

/**
 * The zh-CN Markdown report of one case: 案件事实, 适用规则, 裁量结论, 法律依据,
 * 推理过程, 需补充的事实, and the reminder that it is advice for the officer.
 */
export function renderDispositionMarkdown(d: Disposition, rs: RuleSet, c: Case): string {
  checkDisposition('renderDispositionMarkdown', d);
  checkRuleSet('renderDispositionMarkdown', rs);
  checkCase('renderDispositionMarkdown', c);
  const r = caseReport(d, rs, c);
  const L: string[] = [`# ${r.title}`, ''];
  for (const s of r.sections) {
    L.push(`## ${s.title}`, '');
    s.blocks.forEach((b, i) => {
      const next = s.blocks[i + 1];
      L.push(...blockLines(b));
      if (!(next?.kind === 'list' && next.tight)) L.push('');
    });
  }
  L.push('---', '', r.closing, '');
  L.push(`<sub>裁量基准 ${r.ruleSet.id} ${r.ruleSet.version} · sha256 ${r.ruleSet.hash.slice(0, 16)}</sub>`, '');
  return printableText(L.join('\n'));
}
