import { citationText } from './structure.js';
import { conditionText } from './summary.js';
import { CONDITION_NAMES, type ClauseCondition, type LawReading, type PenaltyProvision, type ReadFine, type Sanction, type StatuteRef } from './types.js';

/**
 * The statutory layer of a law: a rule-set folder with one item per violation
 * the law's penalty paragraphs name, each with its citations, the statutory
 * model read from the text (kinds, fine, branches on the base or on the
 * conditions the clause names), and tiers derived by one declared method
 * (the 30/40/30 split of each range, by grade). Pure: it returns the files'
 * text; the same reading gives the same bytes.
 *
 * How groups become branches (see PenaltyGroup): every combination of the
 * conditions the clause names is tried; the kinds of the groups that hold add
 * up and a conditional fine replaces the unconditional one. Conditions that
 * change nothing are dropped, and each remaining combination is a branch. A
 * point that the text leaves out (超过一万元 / 不足一万元 leave out 一万元
 * itself) gets no branch, so a case there is reported, not guessed.
 */

export interface LayerOptions {
  /** Rule-set id, e.g. cn-law-spaqf. */
  readonly id: string;
  /** Key of the law in laws:, e.g. spaqf. */
  readonly lawKey: string;
  /** Item code prefix, e.g. SPAQF. */
  readonly prefix: string;
  /** Date of the text (its latest amendment), from the file name: YYYY-MM-DD. */
  readonly version: string;
  /** Where the text came from, e.g. 行政法/食品安全法(2021-04-29).md. */
  readonly source: string;
  readonly region?: { readonly code: string; readonly name: string };
  /** 领域 of the items. */
  readonly field?: string;
  /** 从轻 / 从重 boundaries as shares of a range. */
  readonly split?: readonly [number, number];
  /** Last day this text applies (the day before the next version), when a later version exists. */
  readonly effectiveTo?: string;
  /**
   * Items the same conduct had under other codes in earlier versions (a renumbering checked by
   * hand against both texts): written as the item's `formerly`, for Art. 37.
   */
  readonly formerly?: ReadonlyMap<string, readonly string[]>;
}

export interface ReviewEntry {
  readonly ref: StatuteRef;
  readonly reason: string;
  readonly text: string;
  readonly line: number;
}

export interface StatutoryLayer {
  /** File name → text: index.yaml, items.yaml, REVIEW.md. */
  readonly files: ReadonlyMap<string, string>;
  readonly items: number;
  /** The items' codes, in the order written. */
  readonly codes: readonly string[];
  readonly review: readonly ReviewEntry[];
}

interface Outcome {
  kinds: string[];
  /** 拒不改正的，处…: the fine only when this circumstance holds. */
  fineOnlyIf?: string;
  /** Sanctions (other than fines) on the responsible persons, in the text's words: stated on the item. */
  persons?: string[];
  fine?: FineOut;
  responsibleFine?: FineOut;
  /** 对其主要负责人处…罚款 / 对法定代表人、主要负责人、直接负责的主管人员…: whom the responsible fine falls on, in the text's words. */
  responsibleWho?: string;
  optional: boolean;
  choices: string[];
}

type FineOut =
  | { amount: [number, number] }
  | { upTo: number }
  | { multiple: { of: string; range?: [number, number]; upTo?: number; floor?: number; cap?: number } }
  | { perUnit: { of: string; range?: [number, number]; upTo?: number } }
  /** 处以罚款: no amount in the text. */
  | { unspecified: true }
  | { person: FineOut; organization: FineOut };

class Refused extends Error {}

const PENALTY_KIND_ORDER = [
  'warning',
  'criticism',
  'fine',
  'confiscateGains',
  'confiscateProperty',
  'suspendLicence',
  'lowerQualification',
  'revokeLicence',
  'restrictBusiness',
  'suspendBusiness',
  'close',
  'restrictPractice',
  'detention',
  'other',
];

/** Build the statutory layer of a law from its reading. */
export function statutoryLayer(reading: LawReading, opts: LayerOptions): StatutoryLayer {
  const review: ReviewEntry[] = [];
  const facts = new Map<string, string>();
  const circumstances = new Map<string, string>();
  const items: string[] = [];
  const codes: string[] = [];
  const split = opts.split ?? [0.3, 0.7];
  const law = opts.lawKey;

  for (const p of reading.provisions) {
    if (p.status === 'review') {
      for (const x of p.problems) review.push({ ref: p.ref, reason: x.reason, text: x.text, line: x.at.line });
      continue;
    }
    if (p.ref.suffix !== undefined) {
      review.push({ ref: p.ref, reason: 'an article 第X条之N: citations have no place for its suffix', text: p.text, line: p.at.line });
      continue;
    }
    if (!p.groups.some((g) => g.sanctions.length > 0)) {
      review.push({ ref: p.ref, reason: 'the penalty is set by another law', text: p.elsewhere.join('；'), line: p.at.line });
      continue;
    }
    let model: Model;
    try {
      model = modelOf(p, facts, circumstances);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      review.push({ ref: p.ref, reason: e.message, text: p.text, line: p.at.line });
      continue;
    }
    // 没收违法所得: the amount of the gains is a fact of the case even where no fine is a multiple of it.
    const outcomes = model.flat ? [model.flat] : model.branches!.map((b) => b.outcome);
    if (outcomes.some((o) => o.kinds.includes('confiscateGains')) && !facts.has('illegalGains')) facts.set('illegalGains', '违法所得');
    for (const v of p.violations) {
      items.push(itemYaml(p, v.ref, v.text, model, opts, split));
      codes.push(itemCode(opts, v.ref));
    }
  }

  const index = indexYaml(reading, opts, split);
  const topic = [
    '# yaml-language-server: $schema=../schema/topic.schema.json',
    '#',
    `# ${reading.law.title}：法定处罚（据法律文本生成的法定层）`,
    `# Generated by \`cailiang statute import\` from ${opts.source}. Every item is one violation a penalty`,
    '# paragraph names; its statutory model is read from the words of the text. Tiers are DERIVED (see',
    '# method: in index.yaml). Paragraphs the reader could not read fully are listed in REVIEW.md.',
    '',
  ];
  if (facts.size > 0) {
    topic.push('facts:');
    // Not marked aggravating: the statute's own branches need not be monotone (有违法所得的，处一至五倍；
    // 没有违法所得的，处五万元: one yuan of gains can lower the fine).
    for (const [name, label] of [...facts].sort(byKey)) topic.push(`  ${name}: ${factYaml(name, label)}`);
  }
  if (circumstances.size > 0) {
    topic.push('circumstances:');
    for (const [name, label] of [...circumstances].sort(byKey))
      topic.push(`  ${name}: { label: ${q(label)}, effect: neutral }`);
  }
  topic.push(items.length > 0 ? 'items:' : 'items: []');
  topic.push(...items);
  const files = new Map<string, string>([
    ['index.yaml', index],
    ['items.yaml', topic.join('\n') + '\n'],
    ['REVIEW.md', reviewMarkdown(reading, opts, review)],
  ]);
  return { files, items: items.length, codes, review };
}

// ── the model of one provision ───────────────────────────────────────────

interface Branch {
  id: string;
  label: string;
  when: string; // YAML flow text of the condition
  outcome: Outcome;
}

interface Model {
  flat?: Outcome;
  branches?: Branch[];
}

interface Atom {
  key: string;
  /** Values the atom takes, each with its YAML condition, label and id part. */
  values: { when: string; label: string; id: string; test: (c: ClauseCondition) => boolean | undefined }[];
}

/**
 * Sanctions on the persons that only some branches set, each with the conditions its branches share
 * (情节严重，货值金额不足…的 and 情节严重，货值金额…以上的 both give 拘留: 情节严重的，…拘留).
 */
function personSanctionsByCondition(branches: readonly Branch[]): string[] {
  const by = new Map<string, string[][]>();
  for (const b of branches) for (const x of new Set(b.outcome.persons)) by.set(x, [...(by.get(x) ?? []), b.label.split('，')]);
  return [...by].map(([x, labels]) => {
    const common: string[] = [];
    for (let i = 0; labels.every((l) => l[i] !== undefined && l[i] === labels[0]![i]); i++) common.push(labels[0]![i]!);
    const when = common.length > 0 ? common.join('，') : labels.map((l) => l.join('，')).join('或者');
    return `${when}的，${x}`;
  });
}

function modelOf(p: PenaltyProvision, facts: Map<string, string>, circumstances: Map<string, string>): Model {
  const atoms: Atom[] = [];
  const baseFacts = new Map<string, ClauseCondition[]>();
  const circ = new Map<string, string>();
  const collect = (c: ClauseCondition): void => {
    switch (c.kind) {
      case 'circumstance':
        circ.set(layerName(c.name), CONDITION_NAMES[c.name]);
        return;
      case 'stated':
        circ.set(statedName(p.ref, c.text), c.text);
        return;
      case 'base':
      case 'noBase': {
        const fact = factOf(c.base, facts);
        baseFacts.set(fact, [...(baseFacts.get(fact) ?? []), c]);
        return;
      }
      case 'any':
        c.of.forEach(collect);
    }
  };
  for (const g of p.groups) g.when.forEach(collect);
  for (const g of p.groups) for (const s of g.sanctions) for (const x of 'anyOf' in s ? s.anyOf : [s]) if (x.fine?.kind === 'multiple') factOf(x.fine.base, facts);

  for (const [name, label] of [...circ].sort(byKey)) {
    atoms.push({
      key: name,
      values: [
        { when: `{ fact: ${name}, operator: equal, value: true }`, label, id: kebab(name), test: (c) => (isCirc(c, name, p.ref) ? true : undefined) },
        { when: `{ fact: ${name}, operator: equal, value: false }`, label: `非${label}`, id: `not-${kebab(name)}`, test: (c) => (isCirc(c, name, p.ref) ? false : undefined) },
      ],
    });
  }
  for (const [fact, conds] of [...baseFacts].sort(byKey)) atoms.push(baseAtom(fact, conds, facts));

  // Every combination of atom values, and its outcome.
  const combos: number[][] = [[]];
  for (const a of atoms) {
    const next: number[][] = [];
    for (const c of combos) for (let i = 0; i < a.values.length; i++) next.push([...c, i]);
    combos.splice(0, combos.length, ...next);
    if (combos.length > 256) throw new Refused('too many conditions to combine into branches');
  }
  const holds = (c: ClauseCondition, combo: number[]): boolean => {
    if (c.kind === 'any') return c.of.some((x) => holds(x, combo));
    for (let i = 0; i < atoms.length; i++) {
      const r = atoms[i]!.values[combo[i]!]!.test(c);
      if (r !== undefined) return r;
    }
    throw new Refused(`a condition the layer cannot place: ${conditionText(c)}`);
  };
  const outcomes = combos.map((combo) => {
    const held = p.groups.filter((g) => g.when.every((c) => holds(c, combo)));
    // A grade with a penalty of its own (情节较重的，处…拘留) takes the place of the unconditional penalty.
    const groups = held.some((g) => g.replaces) ? held.filter((g) => g.when.length > 0) : held;
    return groups.length === 0 || (gap(atoms, combo) && groups.every((g) => !g.sanctions.some(hasFine)) && atoms.length > 0)
      ? undefined
      : outcomeOf(groups, facts);
  });

  // Drop atoms whose value never changes the outcome.
  const relevant: number[] = [];
  atoms.forEach((a, i) => {
    const matters = combos.some((combo, ci) =>
      a.values.some((_, v) => {
        if (v === combo[i]) return false;
        const other = combos.findIndex((c2) => c2.every((x, j) => (j === i ? x === v : x === combo[j])));
        return key(outcomes[ci]) !== key(outcomes[other]);
      }),
    );
    if (matters) relevant.push(i);
  });
  if (relevant.length === 0) {
    const o = outcomes[0];
    if (!o) throw new Refused('no combination of the conditions gives a penalty');
    return { flat: o };
  }
  const seen = new Set<string>();
  const branches: Branch[] = [];
  combos.forEach((combo, ci) => {
    const o = outcomes[ci];
    const k = relevant.map((i) => combo[i]).join(',');
    if (seen.has(k)) return;
    seen.add(k);
    if (!o || o.kinds.length === 0) return;
    const vals = relevant.map((i) => atoms[i]!.values[combo[i]!]!);
    branches.push({
      id: vals.map((v) => v.id).join('--'),
      label: vals.map((v) => v.label).join('，'),
      when: vals.length === 1 ? `{ all: [${vals[0]!.when}] }` : `{ all: [${vals.map((v) => v.when).join(', ')}] }`,
      outcome: o,
    });
  });
  if (branches.length === 0) throw new Refused('no combination of the conditions gives a penalty');
  // 处五日以上十日以下拘留，可以并处五百元以下罚款；情节较轻的，处五日以下拘留或者五百元以下罚款: branches the
  // text tells apart only by what the rule-set language does not hold (detention days, a choice) would
  // read the same in the rule file.
  const written = new Map<string, string>();
  for (const b of branches) {
    const { choices, ...rest } = b.outcome;
    void choices;
    const k = key(rest as Outcome);
    const whole = written.get(k);
    if (whole !== undefined && whole !== key(b.outcome)) throw new Refused('branches that differ only in detention days or a choice, which the rule-set language does not hold');
    written.set(k, key(b.outcome));
  }
  // 责令改正；拒不改正的，处罚款: a fine only when one circumstance holds, nothing else otherwise.
  const only = branches[0]!;
  if (branches.length === 1 && relevant.length === 1 && only.id === kebab(atoms[relevant[0]!]!.key) && atoms[relevant[0]!]!.values.length === 2 && only.outcome.kinds.length === 1 && only.outcome.kinds[0] === 'fine') {
    const name = atoms[relevant[0]!]!.key;
    circumstances.set(name, circ.get(name)!);
    return { flat: { ...only.outcome, fineOnlyIf: name } };
  }
  if (branches.length === 1) throw new Refused('only one combination of the conditions gives a penalty: the others are not read');
  if (branches.length > 12) throw new Refused(`${branches.length} branches: too many to check by hand`);
  for (const [name, label] of circ) circumstances.set(name, label);
  return { branches };
}

function hasFine(s: Sanction | { anyOf: readonly Sanction[] }): boolean {
  return 'anyOf' in s ? s.anyOf.some((x) => x.kind === 'fine') : s.kind === 'fine';
}

function isCirc(c: ClauseCondition, name: string, ref: StatuteRef): boolean {
  return (c.kind === 'circumstance' && layerName(c.name) === name) || (c.kind === 'stated' && statedName(ref, c.text) === name);
}

/**
 * The circumstance a known condition becomes. They select the clause, so they
 * are declared neutral; 拒不改正 gets a name of its own because the built-in
 * refusedToCorrect is aggravating and would count a second time as 从重.
 */
function layerName(name: keyof typeof CONDITION_NAMES): string {
  return name === 'refusedToCorrect' ? 'refusedCorrection' : name;
}

/** A condition the reader keeps in the text's words gets a name from its place: c124p1x1. */
function statedName(ref: StatuteRef, text: string): string {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) % 1_000_003;
  return `c${ref.article}${ref.suffix ? `s${ref.suffix}` : ''}p${ref.paragraph ?? 0}h${h.toString(36)}`;
}

function factOf(base: { text: string; fact?: string }, facts: Map<string, string>): string {
  const name = base.fact ?? `base${hash36(base.text)}`;
  const had = facts.get(name);
  if (had === undefined || base.fact === undefined) facts.set(name, had ?? base.text);
  return name;
}

/** Units whose count is whole (株, 人, 辆); the others (平方米, 吨) are measured. */
const WHOLE_UNITS = new Set(['株', '只', '人', '辆', '次', '件', '头', '台', '艘']);

/** The fact a fine per unit counts: units<hash>, labelled with what is counted and the unit. */
function unitFactOf(unit: string, counted: string, facts: Map<string, string>): string {
  const label = `${counted}（${unit}）`;
  const name = `units${hash36(label)}`;
  facts.set(name, label);
  return name;
}

/** A fact line of the layer: money for bases, a count or number with its unit for what a fine per unit counts. */
function factYaml(name: string, label: string): string {
  const unit = /（([^（）]+)）$/.exec(label)?.[1];
  if (name.startsWith('units') && unit !== undefined)
    return `{ type: ${WHOLE_UNITS.has(unit) ? 'count' : 'number'}, unit: ${q(unit)}, label: ${q(label.replace(/（[^（）]+）$/, ''))} }`;
  return `{ type: money, label: ${q(label)} }`;
}

function hash36(s: string): string {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.codePointAt(0)!) % 2_176_782_336;
  return h.toString(36);
}

/** The regions of a base fact between the thresholds its conditions name. */
function baseAtom(fact: string, conds: ClauseCondition[], facts: Map<string, string>): Atom {
  const points = new Set<number>([0]);
  for (const c of conds) if (c.kind === 'base') points.add(c.value);
  const sorted = [...points].sort((a, b) => a - b);
  type Region = { lo: number; loIn: boolean; hi: number; hiIn: boolean; sample: number };
  const regions: Region[] = [];
  sorted.forEach((v, i) => {
    regions.push({ lo: v, loIn: true, hi: v, hiIn: true, sample: v });
    const next = sorted[i + 1];
    regions.push(next === undefined ? { lo: v, loIn: false, hi: Infinity, hiIn: false, sample: v + 1 } : { lo: v, loIn: false, hi: next, hiIn: false, sample: (v + next) / 2 });
  });
  const truth = (c: ClauseCondition, x: number): boolean | undefined => {
    if (c.kind === 'noBase') return x === 0;
    if (c.kind !== 'base') return undefined;
    switch (c.operator) {
      case 'lessThan':
        return x < c.value;
      case 'lessThanInclusive':
        return x <= c.value;
      case 'greaterThan':
        return x > c.value;
      case 'greaterThanInclusive':
        return x >= c.value;
    }
  };
  const leaves = conds.filter((c) => c.kind === 'base' || c.kind === 'noBase');
  // Merge neighbours that every condition treats alike.
  const merged: Region[] = [];
  for (const r of regions) {
    const last = merged[merged.length - 1];
    if (last && leaves.every((c) => truth(c, last.sample) === truth(c, r.sample))) {
      last.hi = r.hi;
      last.hiIn = r.hiIn;
    } else merged.push({ ...r });
  }
  const label = facts.get(fact) ?? fact;
  return {
    key: fact,
    values: merged.map((r) => {
      const parts: string[] = [];
      const words: string[] = [];
      if (r.lo === r.hi) {
        parts.push(`{ fact: ${fact}, operator: equal, value: ${r.lo} }`);
        words.push(r.lo === 0 ? `没有${label}` : `${label}${r.lo}元`);
      } else {
        if (r.lo > 0 || !r.loIn) {
          parts.push(`{ fact: ${fact}, operator: ${r.loIn ? 'greaterThanInclusive' : 'greaterThan'}, value: ${r.lo} }`);
          words.push(`${r.lo}元${r.loIn ? '以上' : '（不含）以上'}`);
        }
        if (r.hi !== Infinity) {
          parts.push(`{ fact: ${fact}, operator: ${r.hiIn ? 'lessThanInclusive' : 'lessThan'}, value: ${r.hi} }`);
          words.push(r.hiIn ? `${r.hi}元以下` : `不足${r.hi}元`);
        }
      }
      const sample = r.sample;
      const has = r.lo === 0 && !r.loIn && r.hi === Infinity;
      return {
        when: parts.join(', '),
        label: has ? `有${label}` : r.lo === r.hi ? words.join('') : `${label}${words.join('、')}`,
        id: `${kebab(fact)}-${r.lo === r.hi ? `eq-${r.lo}` : `${r.loIn ? 'from' : 'over'}-${r.lo}${r.hi === Infinity ? '' : `-${r.hiIn ? 'to' : 'under'}-${r.hi}`}`}`,
        gapPoint: r.lo === r.hi && r.lo > 0,
        test: (c: ClauseCondition) => (c.kind === 'base' || c.kind === 'noBase') && factName(c, facts) === fact ? truth(c, sample) : undefined,
      };
    }),
  };
}

function factName(c: ClauseCondition, facts: Map<string, string>): string | undefined {
  if (c.kind !== 'base' && c.kind !== 'noBase') return undefined;
  return c.base.fact ?? [...facts].find(([, l]) => l === c.base.text)?.[0];
}

/** A combination that sits on a single point no base condition names (一万元 between 超过 and 不足). */
function gap(atoms: Atom[], combo: number[]): boolean {
  return atoms.some((a, i) => (a.values[combo[i]!] as { gapPoint?: boolean }).gapPoint === true);
}

function outcomeOf(groups: PenaltyProvision['groups'], facts: Map<string, string>): Outcome {
  const kinds = new Set<string>();
  const choices: string[] = [];
  let fine: { s: Sanction; when: readonly ClauseCondition[] } | undefined;
  let person: Sanction | undefined;
  let organization: Sanction | undefined;
  let responsible: { s: Sanction; when: readonly ClauseCondition[] } | undefined;
  let optional = false;
  const persons: string[] = [];
  // A fine of a group with conditions replaces a fine of a group whose conditions it includes
  // (the unconditional one, or the clause it refines); two fines of unrelated groups are not read.
  const refines = (a: readonly ClauseCondition[], b: readonly ClauseCondition[]): boolean =>
    b.every((c) => a.some((x) => x.text === c.text)) && a.length > b.length;
  for (const g of groups) {
    for (const s of g.sanctions) {
      const list = 'anyOf' in s ? s.anyOf : [s];
      if ('anyOf' in s) choices.push(s.anyOf.map((x) => x.kind).join('/'));
      for (const x of list) {
        if (x.kind !== 'fine') {
          if (x.target === 'named') throw new Refused(`a ${x.kind} on a party the clause names (${x.targetText ?? ''}): whose penalty it is is not read`);
          if (x.target === 'responsible' || x.target === 'legalRepresentative') {
            // 可以由公安机关对其直接负责的主管人员…处拘留: not a penalty on the party; stated on the item.
            // 暂扣或者吊销导游证: a choice is stated in its own words, once.
            const words = 'anyOf' in s ? s.text : x.text;
            if (!persons.includes(words)) persons.push(words);
            continue;
          }
          kinds.add(x.kind);
          continue;
        }
        if (x.target === 'named') throw new Refused(`a fine on a party the clause names (${x.targetText ?? ''}): whose fine it is is not read`);
        const chosen = 'anyOf' in s || !x.mandatory;
        if (x.target === 'responsible' || x.target === 'legalRepresentative') {
          if (!responsible || refines(g.when, responsible.when)) responsible = { s: x, when: g.when };
          else if (!refines(responsible.when, g.when)) throw new Refused('two fines on the responsible persons that can apply together');
          continue;
        }
        if (x.target === 'person' || x.target === 'organization') {
          if (x.target === 'person') person = x;
          else organization = x;
          optional ||= chosen;
          continue;
        }
        if (!fine || refines(g.when, fine.when)) {
          fine = { s: x, when: g.when };
          optional = chosen;
        } else if (!refines(fine.when, g.when))
          throw new Refused(fine.when.length === 0 && g.when.length === 0 ? 'two fines on the party in one clause' : 'two conditional fines that can apply together');
      }
    }
  }
  let fineOut: FineOut | undefined;
  if (person || organization) {
    if (!person || !organization || fine) throw new Refused('fines for persons and organisations that do not pair up');
    fineOut = { person: fineModel(person.fine!, facts), organization: fineModel(organization.fine!, facts) };
  } else if (fine) fineOut = fineModel(fine.s.fine!, facts);
  if (fineOut) kinds.add('fine');
  if (kinds.size === 0 && (responsible || persons.length > 0))
    throw new Refused('only the responsible persons are penalised: the rule-set language models the penalty on the party');
  const out: Outcome = {
    kinds: PENALTY_KIND_ORDER.filter((k) => kinds.has(k)),
    optional: fineOut !== undefined && optional,
    choices,
  };
  if (fineOut) out.fine = fineOut;
  if (responsible) out.responsibleFine = fineModel(responsible.s.fine!, facts);
  if (responsible?.s.target === 'legalRepresentative') out.responsibleWho = '法定代表人或者主要负责人';
  else if (responsible?.s.targetText !== undefined) out.responsibleWho = responsible.s.targetText;
  if (persons.length > 0) out.persons = persons;
  return out;
}

function fineModel(f: ReadFine, facts: Map<string, string>): FineOut {
  switch (f.kind) {
    case 'range':
      return { amount: [f.min, f.max] };
    case 'upTo':
      return { upTo: f.max };
    case 'atLeast':
      throw new Refused('a fine with a minimum and no maximum (N元以上) is not in the rule-set language');
    case 'unspecified':
      return { unspecified: true };
    case 'perUnit': {
      // 每平方米…元: a number fact (面积, 体积, 重量) or a count (株数, 人数), with its unit.
      const of = unitFactOf(f.unit, f.counted, facts);
      return { perUnit: f.min === 0 ? { of, upTo: f.max } : { of, range: [f.min, f.max] } };
    }
    case 'multiple': {
      const of = factOf(f.base, facts);
      const limits = { ...(f.baseFloor !== undefined ? { floor: f.baseFloor } : {}), ...(f.cap !== undefined ? { cap: f.cap } : {}) };
      return { multiple: f.min === undefined ? { of, upTo: f.max, ...limits } : { of, range: [f.min, f.max], ...limits } };
    }
  }
}

function key(o: Outcome | undefined): string {
  return JSON.stringify(o ?? null);
}

/** What a provision's text sets, as the statutory models of its combinations, or why it cannot be said. */
export type ExpectedModel =
  | { readonly ok: true; readonly outcomes: readonly ExpectedOutcome[]; readonly facts: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly reason: string };

export interface ExpectedOutcome {
  readonly kinds: readonly string[];
  readonly fine?: FineOut;
  readonly responsibleFine?: FineOut;
  readonly optional: boolean;
  /** Branch label, when the text branches. */
  readonly label?: string;
}

/** The statutory model a provision's text sets, for checking a rule file against it (verify --statutes). */
export function expectedModel(p: PenaltyProvision): ExpectedModel {
  const facts = new Map<string, string>();
  try {
    const m = modelOf(p, facts, new Map());
    const outcomes = m.flat ? [m.flat] : m.branches!.map((b) => ({ ...b.outcome, label: b.label }));
    return { ok: true, outcomes, facts };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    return { ok: false, reason: e.message };
  }
}

export type { FineOut };

// ── YAML text ────────────────────────────────────────────────────────────

/** An item's code: the prefix and the place in the law, e.g. SPAQF-124-1-5. */
function itemCode(opts: LayerOptions, ref: StatuteRef): string {
  return `${opts.prefix}-${ref.article}${ref.suffix ? `-${ref.suffix}` : ''}-${ref.paragraph ?? 1}${ref.item !== undefined ? `-${ref.item}` : ''}`;
}

function itemYaml(p: PenaltyProvision, ref: StatuteRef, text: string, model: Model, opts: LayerOptions, split: readonly [number, number]): string {
  const cite = citeYaml(opts.lawKey, ref);
  // 依照前款规定处罚 / 除依照前款规定处罚外: the penalty rests on the provision it refers to as well.
  const referred = p.refersTo ? `, ${citeYaml(opts.lawKey, p.refersTo)}` : '';
  const paraCite = citeYaml(opts.lawKey, p.ref) + referred;
  const code = itemCode(opts, ref);
  const violates =
    p.violates.length > 0
      ? p.violates.map((r) => citeYaml(opts.lawKey, r)).join(', ')
      : `${cite.slice(0, -2)}, note: "条文未写明所违反的条款，以处罚条款为依据" }`;
  // 情节严重的，…十年直至终身禁止从事…: sanctions on the persons in some branches only say which.
  const personBranches = model.branches?.filter((b) => (b.outcome.persons ?? []).length > 0) ?? [];
  const persons = model.flat
    ? [...new Set(model.flat.persons ?? [])]
    : personBranches.length === model.branches!.length
      ? [...new Set(model.branches!.flatMap((b) => b.outcome.persons ?? []))]
      : personSanctionsByCondition(personBranches);
  const who = [...new Set((model.flat ? [model.flat] : model.branches!.map((b) => b.outcome)).flatMap((o) => (o.responsibleWho !== undefined ? [o.responsibleWho] : [])))];
  // What the paragraph sets beside the item's own penalty, said where the officer reads the item.
  const notes = [
    ...(persons.length > 0 ? [`对直接负责的主管人员和其他直接责任人员（不在本事项的处罚种类中）：${persons.join('；')}`] : []),
    ...(p.elsewhere.length > 0 ? [`另由其他法律规定的处罚（不在本事项的处罚种类中）：${p.elsewhere.join('；')}`] : []),
    ...who.map((w) => `条文规定的对人员的罚款对象为：${w}`),
  ];
  const lines = [
    `  - code: ${code}  # ${citationText(ref)}`,
    `    name: ${q(violationName(text))}`,
    ...(opts.field ? [`    field: ${q(opts.field)}`] : []),
    ...(notes.length > 0 ? [`    description: ${q(notes.join('。'))}`] : []),
    ...(opts.formerly?.has(code) ? [`    formerly: [${opts.formerly.get(code)!.join(', ')}]`] : []),
    `    violates: [${violates}]`,
    `    penalizedBy: [${cite}${referred}]`,
    '    statutory:',
  ];
  const tiers: string[] = [];
  const grades = [
    ['lighter', '从轻', 0, split[0]],
    ['general', '一般', split[0], split[1]],
    ['heavier', '从重', split[1], 1],
  ] as const;
  const tiersFor = (branch: string | undefined, o: Outcome): void => {
    const prefix = branch ? `${branch}-` : '';
    const b = branch ? `, branch: ${branch}` : '';
    // Grades are shares of the statutory range: a fine with no amount (处以罚款) has none to share.
    if (o.fine && !('unspecified' in o.fine)) for (const [id, label, a, z] of grades) tiers.push(`      - { id: ${prefix}${id}, label: ${label}, grade: ${id}${b}, share: [${a}, ${z}], cites: [${paraCite}] }`);
    else tiers.push(`      - { id: ${prefix}general, label: 一般, grade: general${b}, cites: [${paraCite}] }`);
  };
  const outcomeLines = (o: Outcome, indent: string): string[] => {
    const out = [`${indent}kinds: [${o.kinds.join(', ')}]`];
    if (o.fine) out.push(`${indent}fine: ${fineYaml(o.fine)}`);
    if (o.optional) out.push(`${indent}optional: true`);
    if (o.responsibleFine) out.push(`${indent}responsibleFine: ${fineYaml(o.responsibleFine)}`);
    if (o.fineOnlyIf) out.push(`${indent}fineOnlyIf: ${o.fineOnlyIf}`);
    return out;
  };
  if (model.flat) {
    if (model.flat.choices.length > 0) lines.push(`      # 择一: ${model.flat.choices.join('; ')}`);
    lines.push(...outcomeLines(model.flat, '      '), `      cites: [${paraCite}]`);
    tiersFor(undefined, model.flat);
  } else {
    lines.push(`      cites: [${paraCite}]`, '      branches:');
    for (const br of model.branches!) {
      lines.push(`        - id: ${br.id}`, `          label: ${q(br.label)}`, `          when: ${br.when}`);
      if (br.outcome.choices.length > 0) lines.push(`          # 择一: ${br.outcome.choices.join('; ')}`);
      lines.push(...outcomeLines(br.outcome, '          '));
      tiersFor(br.id, br.outcome);
    }
  }
  lines.push('    tiers:', ...tiers);
  return lines.join('\n');
}

/** 违反本法规定，未取得食品生产经营许可从事食品生产经营活动的 → 未取得食品生产经营许可从事食品生产经营活动. */
export function violationName(text: string): string {
  let t = text
    .replace(/^违反本(?:法|条例|规定|办法|细则)(?:[^，]*?)规定[，,]/, '')
    .replace(/[，,](?:尚不构成犯罪|尚不够刑事处罚)的?$/, '')
    .replace(/^有下列(?:情形|行为)之一的?$/, '')
    .replace(/[；;。，,：:]+$/, '')
    .replace(/的$/, '')
    .trim();
  if (t === '') t = text.trim();
  return t.length > 300 ? t.slice(0, 300) + '…' : t;
}

function fineYaml(f: FineOut): string {
  if ('amount' in f) return `{ amount: [${f.amount[0]}, ${f.amount[1]}] }`;
  if ('upTo' in f) return `{ upTo: ${f.upTo} }`;
  if ('perUnit' in f)
    return f.perUnit.range
      ? `{ perUnit: { of: ${f.perUnit.of}, range: [${f.perUnit.range[0]}, ${f.perUnit.range[1]}] } }`
      : `{ perUnit: { of: ${f.perUnit.of}, upTo: ${f.perUnit.upTo} } }`;
  if ('multiple' in f) {
    const limits = (f.multiple.floor !== undefined ? `, floor: ${f.multiple.floor}` : '') + (f.multiple.cap !== undefined ? `, cap: ${f.multiple.cap}` : '');
    return f.multiple.range
      ? `{ multiple: { of: ${f.multiple.of}, range: [${f.multiple.range[0]}, ${f.multiple.range[1]}]${limits} } }`
      : `{ multiple: { of: ${f.multiple.of}, upTo: ${f.multiple.upTo}${limits} } }`;
  }
  if ('unspecified' in f) return '{ unspecified: true }';
  return `{ person: ${fineYaml(f.person)}, organization: ${fineYaml(f.organization)} }`;
}

function citeYaml(law: string, r: StatuteRef): string {
  // Citations have no place for 第X条之一; such articles are not imported (see the caller).
  return `{ law: ${law}, article: ${r.article}${r.paragraph !== undefined ? `, paragraph: ${r.paragraph}` : ''}${r.item !== undefined ? `, item: ${r.item}` : ''} }`;
}

function indexYaml(reading: LawReading, opts: LayerOptions, split: readonly [number, number]): string {
  const region = opts.region ?? { code: '000000', name: '全国' };
  const articles = reading.law.articles.filter((a) => a.suffix === undefined).reduce((n, a) => Math.max(n, a.number), 0);
  return [
    '# yaml-language-server: $schema=../schema/index.schema.json',
    '#',
    `# ${reading.law.title}：法定层（statutory layer）`,
    '#',
    `# Generated by \`cailiang statute import\` from ${opts.source} (the text as amended on ${opts.version}).`,
    '# The statutory models are read from the text; the tiers are DERIVED by the split below and transcribe',
    '# no regional benchmark. A region layers its own benchmark on top of this one (extends:).',
    `id: ${opts.id}`,
    'layer: statutory',
    `region: { code: ${q(region.code)}, name: ${q(region.name)} }`,
    `title: ${q(`${reading.law.title}法定处罚（据法律文本生成）`)}`,
    'issuer: "cailiang statute import（据法律文本生成，非官方发布）"',
    'document: null',
    'method:',
    '  kind: derived',
    `  description: ${q(`按法定罚款幅度的 ${pct(split[0])}%/${pct(split[1] - split[0])}%/${pct(1 - split[1])}% 划分从轻、一般、从重阶次，阶次按从轻、从重情节确定，不设金额门槛；无罚款的条款只设一般阶次。`)}`,
    '  source: "划分方法参照国家市场监督管理总局《关于规范市场监督管理行政处罚裁量权的指导意见》（国市监法规〔2022〕2号）"',
    `version: ${q(opts.version)}`,
    `effective: { from: ${opts.version}, to: ${opts.effectiveTo ?? 'null'} }`,
    'laws:',
    `  ${opts.lawKey}:`,
    `    title: ${q(reading.law.title)}`,
    `    version: ${opts.version}`,
    `    articles: ${articles}`,
    `    source: ${q(`statutes/${opts.source}`)}`,
    'policy:',
    `  split: [${split[0]}, ${split[1]}]`,
    '  hearing: null',
    'ignore:',
    '  - code: FINE_RANGE_TOO_WIDE',
    '    reason: "The statute’s own range: a statutory layer transcribes it; the regional benchmark that extends this layer narrows it."',
    '  - code: TIER_NOT_EXERCISED',
    '    reason: "A generated statutory layer: its fixtures check a sample of items (each branch and condition kind the text uses), not every tier of the mechanical split."',
    'unverified:',
    `  - ${q(`effective.from is the date of the text (${opts.version}); the date it came into force was not read from the amending decision.`)}`,
    '',
  ].join('\n');
}

function pct(x: number): string {
  return String(Math.round(x * 100));
}

function reviewMarkdown(reading: LawReading, opts: LayerOptions, review: readonly ReviewEntry[]): string {
  const out = [`# ${reading.law.title}：needs review`, '', `Paragraphs of ${opts.source} that set a penalty but were not imported, with the reason and the text.`, ''];
  if (review.length === 0) out.push('None: every penalty paragraph was read and imported.');
  const byRef = new Map<string, ReviewEntry[]>();
  for (const r of review) {
    const k = citationText(r.ref);
    byRef.set(k, [...(byRef.get(k) ?? []), r]);
  }
  for (const [k, rs] of byRef) {
    out.push(`## ${k} (line ${rs[0]!.line})`, '');
    for (const r of rs) out.push(`- ${r.reason}: ${r.text.replace(/\n/g, ' ')}`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function q(s: string): string {
  return JSON.stringify(s);
}

function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function byKey(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
