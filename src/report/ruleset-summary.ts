import type { RuleSet } from '../load/model.js';
import { citationText, fineText, tierRangeText } from './format.js';

const GRADE: Record<string, string> = { lighter: '从轻', general: '一般', heavier: '从重' };
const LIST_KIND: Record<string, string> = { exempt: '不予处罚', lighter: '从轻', reduced: '减轻', heavier: '从重' };
const BASIS: Record<string, string> = {
  'first-offence': '首违不罚',
  minor: '轻微不罚',
  'no-fault': '无过错不罚',
  'time-barred': '超过时效',
  other: '其他',
};

/** A zh-CN Markdown overview of a rule set: identity, items with statutory ranges and tiers, list entries. */
export function renderRuleSetSummary(rs: RuleSet): string {
  const lines: string[] = [];
  lines.push(`## ${rs.title}`, '');
  lines.push(`- 编号：\`${rs.id}\` 版本 ${rs.version}（sha256 \`${rs.hash.slice(0, 12)}\`）`);
  lines.push(`- 制定机关：${rs.issuer}${rs.document ? `；文号：${rs.document}` : ''}`);
  if (rs.method) lines.push(`- 制定方式：${rs.method.kind === 'derived' ? '推导' : '转录'}——${rs.method.description}`);
  lines.push(`- 有效期：${rs.effective.from} 至 ${rs.effective.to ?? '（未定）'}${rs.reviewed ? `；最近审查 ${rs.reviewed}` : ''}`);
  lines.push(`- 裁量事项 ${rs.items.length} 项，清单条目 ${rs.lists.length} 条`, '');
  for (const item of rs.items) {
    lines.push(`### ${item.code} ${item.name}`, '');
    lines.push(`- 违法依据：${item.violates.map((c) => citationText(c, rs.laws)).join('；')}`);
    lines.push(`- 处罚依据：${item.penalizedBy.map((c) => citationText(c, rs.laws)).join('；')}`);
    for (const cl of item.clauses) {
      const head = item.clauses.length > 1 ? `（${cl.label ?? cl.id}）` : '';
      lines.push(`- 法定罚款${head}：${cl.fine ? fineText(cl.fine) : '无罚款'}${cl.fineOnlyIf ? '（责令改正，拒不改正的）' : ''}`);
    }
    for (const t of item.tiers) {
      const name = t.label ?? (t.grade ? GRADE[t.grade] : t.id);
      lines.push(`  - 阶次 ${name}：${t.range ? tierRangeText(t.range) : '按法定幅度'}${t.description ? `——${t.description}` : ''}`);
    }
    lines.push('');
  }
  if (rs.lists.length > 0) {
    lines.push('### 清单', '');
    for (const e of rs.lists) {
      const what = e.kind === 'exempt' ? `${LIST_KIND[e.kind]}（${BASIS[e.basis ?? 'other']}）` : LIST_KIND[e.kind];
      lines.push(
        `- \`${e.id}\` ${what}${e.discretionary ? '·可以' : '·应当'}：${e.title ?? ''}（${e.items.join('、')}；${e.source.document}${e.source.entry !== undefined ? ` 第${e.source.entry}项` : ''}）`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
