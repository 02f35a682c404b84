import { citationText } from './structure.js';
import type { ClauseCondition, PenaltyProvision, ReadFine, Sanction, SanctionOrChoice } from './types.js';

/**
 * A provision as a few lines of plain text, one per group of sanctions — the
 * form `cailiang statute show` prints and the hand-checked table is written
 * in, so a reading can be compared with the statute at a glance:
 *
 *   第一百二十四条第一款 read
 *   violations: 第（一）项 … 第（九）项
 *   always: confiscateGains; confiscateProperty; ?confiscateProperty
 *   货值金额<10000: fine 50000-100000
 *   货值金额>=10000: fine 货值金额×10-20
 *   serious: revokeLicence
 *
 * `?` marks a discretionary sanction (可以), `a | b` a choice, `@responsible`
 * the persons it falls on when not the party; amounts are yuan.
 */
export function summarizeProvision(p: PenaltyProvision): string {
  const lines = [`${citationText(p.ref)} ${p.status}`];
  if (p.violations.length > 1 || p.violations[0]?.ref.item !== undefined)
    lines.push(`violations: ${p.violations.map((v) => `第（${v.ref.item}）项`).join(' ')}`);
  if (p.violates.length > 0) lines.push(`violates: ${p.violates.map((r) => citationText(r)).join(' ')}`);
  if (p.refersTo) lines.push(`refers to: ${citationText(p.refersTo)}`);
  for (const g of p.groups) {
    const when = (g.when.length === 0 ? 'always' : g.when.map(conditionText).join(' & ')) + (g.replaces ? ' (instead)' : '');
    const parts = [...g.measures.map((m) => `measure ${m.kind}`), ...g.sanctions.map(sanctionText)];
    lines.push(`${when}: ${parts.join('; ')}`);
  }
  if (p.elsewhere.length > 0) lines.push(`elsewhere: ${p.elsewhere.length}`);
  for (const x of p.problems) lines.push(`review: ${x.reason} — ${x.text}`);
  return lines.join('\n');
}

export function conditionText(c: ClauseCondition): string {
  switch (c.kind) {
    case 'circumstance':
      return c.name;
    case 'stated':
      return `“${c.text}”`;
    case 'base': {
      const op = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' }[c.operator];
      return `${c.base.text}${op}${c.value}`;
    }
    case 'noBase':
      return `no ${c.base.text}`;
    case 'any':
      return `(${c.of.map(conditionText).join(' | ')})`;
  }
}

export function sanctionText(s: SanctionOrChoice): string {
  if ('anyOf' in s) return `${s.mandatory ? '' : '?'}(${s.anyOf.map((x) => one(x, false)).join(' | ')})`;
  return one(s, true);
}

function one(s: Sanction, modal: boolean): string {
  let t = `${modal && !s.mandatory ? '?' : ''}${s.kind}`;
  if (s.fine) t += ` ${fineText(s.fine)}`;
  if (s.days) t += ` ${s.days.min ?? 0}-${s.days.max}d`;
  if (s.years) t += ` ${s.years.max}y`;
  if (s.target !== 'party') t += ` @${s.target}`;
  return t;
}

export function fineText(f: ReadFine): string {
  switch (f.kind) {
    case 'range':
      return f.min === f.max ? `${f.min}` : `${f.min}-${f.max}`;
    case 'upTo':
      return `0-${f.max}`;
    case 'atLeast':
      return `${f.min}-`;
    case 'unspecified':
      return 'unspecified';
    case 'perUnit':
      return `${f.min}-${f.max}/${f.unit} of ${f.counted}`;
    case 'multiple':
      return `${f.base.text}×${f.min ?? 0}-${f.max}${f.baseFloor !== undefined ? ` (base at least ${f.baseFloor})` : ''}${f.cap !== undefined ? ` (fine at most ${f.cap})` : ''}`;
  }
}
