import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readPenalties } from '../../src/statute/read.js';
import { summarizeProvision } from '../../src/statute/summary.js';
import type { PenaltyProvision } from '../../src/statute/types.js';

/**
 * The hand-checked table: penalty paragraphs of real law texts, each with the
 * reading written by hand from the statute (test/statute/table/cases.yaml).
 * The texts are in the data file, so the table needs nothing outside the
 * repository. A case expects one of:
 *
 * - the summary `summarizeProvision` prints (one line per group; the order of
 *   the sanctions inside a group is not compared, everything else is);
 * - `none`: the paragraph sets no administrative penalty, so the reader must
 *   find no provision there (criminal liability, 处分, civil liability,
 *   procedure);
 * - `review`: the paragraph cannot be turned into the model without guessing
 *   (the case says why), so the reader must report it as needing review.
 */

interface Case {
  readonly name: string;
  readonly law: string;
  /** 124(1); 123-1(2) for 第一百二十三条之一第二款; 63(1)(2) for 第六十三条第一款第（二）项, an item with a penalty of its own. */
  readonly paragraph: string;
  readonly tags: readonly string[];
  readonly why?: string;
  readonly expect: string;
  readonly text: string;
}

const FILE = fileURLToPath(new URL('./table/cases.yaml', import.meta.url));
const CASES = parse(readFileSync(FILE, 'utf8')) as Case[];

/** The patterns of the penalty-clause reader the table must cover, each at least three times. */
const REQUIRED_TAGS = [
  'chinese-amount',
  'arabic-amount',
  'wan-amount',
  'multiple',
  'equal-value',
  'percent',
  'fixed-range',
  'upper-bound',
  'fixed-amount',
  'base-goods-value',
  'base-gains',
  'base-sales',
  'base-ad-fee',
  'base-contract',
  'base-investment',
  'base-income',
  'base-unnamed',
  'base-floor',
  'multiple-cap',
  'branch-base',
  'branch-no-gains',
  'cond-refuse',
  'cond-overdue',
  'cond-serious',
  'cond-consequence',
  'mandatory',
  'optional',
  'alternative',
  'target-org-person',
  'target-responsible',
  'target-legal-rep',
  'kind-warning',
  'kind-criticism',
  'kind-confiscate-gains',
  'kind-confiscate-property',
  'kind-suspend-business',
  'kind-suspend-licence',
  'kind-revoke-licence',
  'kind-restrict-practice',
  'kind-detention',
  'enumerated',
  'crossref-law',
  'crossref-previous',
  'negative-criminal',
  'negative-discipline',
  'negative-civil',
  'review',
  'national-law',
  'admin-reg',
  'local-zj',
  'local-sh',
  'local-cq',
];

function refOf(paragraph: string): { article: number; suffix?: number; paragraph: number; item?: number } {
  const m = /^(\d+)(?:-(\d+))?\((\d+)\)(?:\((\d+)\))?$/.exec(paragraph);
  if (!m) throw new Error(`bad paragraph ${paragraph}`);
  return {
    article: Number(m[1]),
    ...(m[2] ? { suffix: Number(m[2]) } : {}),
    paragraph: Number(m[3]),
    ...(m[4] ? { item: Number(m[4]) } : {}),
  };
}

/** The provisions read from the case's paragraph (of any of its items). */
function provisionsOf(c: Case): PenaltyProvision[] {
  const ref = refOf(c.paragraph);
  return readPenalties(c.text).provisions.filter(
    (p) => p.ref.article === ref.article && p.ref.suffix === ref.suffix && p.ref.paragraph === ref.paragraph,
  );
}

/** The provision the case is about: the paragraph's, or one item's when the case names an item. */
function find(c: Case): PenaltyProvision | undefined {
  const item = refOf(c.paragraph).item;
  return provisionsOf(c).find((p) => p.ref.item === item);
}

/** A summary with the parts of each group line in a fixed order. */
function normalize(summary: string): string {
  return summary
    .trim()
    .split('\n')
    .map((line) => {
      const l = line.trim();
      const i = l.indexOf(': ');
      if (i < 0 || /^(?:violations|violates|refers to|elsewhere|review):/.test(l)) return l;
      return `${l.slice(0, i)}: ${l
        .slice(i + 2)
        .split('; ')
        .sort()
        .join('; ')}`;
    })
    .join('\n');
}

describe('hand-checked penalty paragraphs', () => {
  it('has at least 150 cases, and covers every pattern at least three times', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    const count = new Map<string, number>();
    for (const c of CASES) for (const t of c.tags) count.set(t, (count.get(t) ?? 0) + 1);
    const thin = [...count].filter(([, n]) => n < 3).map(([t, n]) => `${t}: ${n}`);
    expect(thin).toEqual([]);
    expect(REQUIRED_TAGS.filter((t) => (count.get(t) ?? 0) < 3)).toEqual([]);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c.law)).size).toBeGreaterThanOrEqual(30);
  });

  it('every review case says why', () => {
    expect(CASES.filter((c) => c.expect === 'review' && !c.why).map((c) => c.name)).toEqual([]);
  });

  // A wrong reading fails its case: a figure, a condition, a kind or a target that differs from the
  // hand-checked one, or a full reading where the hand check says it cannot be had without guessing.
  // A reading the reader declines (review where the hand check reads the paragraph, or a paragraph
  // it does not find) is safe — a wrong figure is worse than "needs review" — and is counted: the
  // count is pinned below, so a regression that declines more shows.
  const declined: string[] = [];
  for (const c of CASES) {
    it(c.name, () => {
      const p = find(c);
      if (c.expect === 'none') {
        const found = provisionsOf(c);
        if (found.length > 0 && found.every((x) => x.status === 'review')) return void declined.push(`${c.name}: review (sets no penalty)`);
        expect(found.map(summarizeProvision), 'a paragraph that sets no administrative penalty').toEqual([]);
        return;
      }
      if (c.expect === 'review') {
        if (p === undefined) return void declined.push(`${c.name}: not found (review expected)`);
        expect(p.status, summarizeProvision(p)).toBe('review');
        return;
      }
      if (p?.status === 'review' || p === undefined) return void declined.push(`${c.name}: ${p ? 'review' : 'not found'} (readable)`);
      expect(normalize(summarizeProvision(p))).toBe(normalize(c.expect));
    });
  }

  it('declines (review or not found) at most 25 of the readable paragraphs, and never reads one wrong', () => {
    expect(declined.length, declined.join('\n')).toBeLessThanOrEqual(25);
  });
});
