/**
 * The playground page: the pure library in the browser. Tab 案件 evaluates a
 * case filled in a form (the same functions and renderers as the CLI); tab
 * 规则检查 loads and verifies a pasted rule file. Only this file touches the DOM.
 */
import { formatDiagnosticsText } from '../report/diagnostics.js';
import { loadRuleSet } from '../load/loadRuleSet.js';
import type { RuleSet } from '../load/model.js';
import { evaluateInCatalog, type CatalogResult } from '../evaluate/versions.js';
import { renderDispositionHtml } from '../report/disposition-html.js';
import { renderDispositionJson } from '../report/disposition-json.js';
import { BASIS_TEXT, GRADE_TEXT } from '../report/labels.js';
import { formatYuan } from '../report/format.js';
import { verifyRuleSet } from '../verify/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Disposition } from '../evaluate/types.js';
import { foldersFor, pickerEntries, searchEntries, type BundledSet, type PickerEntry, type PlaygroundData } from './catalog.js';
import { caseFragment, caseYaml, readFragment, tidyCase, type FormCase } from './case-link.js';
import { factValue, formModel, type FactField, type FormModel } from './form-model.js';

const data = (globalThis as { CAILIANG_PLAYGROUND_DATA?: PlaygroundData }).CAILIANG_PLAYGROUND_DATA ?? { sets: [] };
const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

// ── Loaded rule sets (each folder once, on first use) ──

const loaded = new Map<string, RuleSet | Diagnostic[]>();

function loadFolders(dirs: readonly string[]): { ruleSets: RuleSet[]; problems: Diagnostic[] } {
  const ruleSets: RuleSet[] = [];
  const problems: Diagnostic[] = [];
  for (const dir of dirs) {
    let r = loaded.get(dir);
    if (r === undefined) {
      const set = data.sets.find((s) => s.dir === dir)!;
      const res = loadRuleSet(set.files);
      r = res.ruleSet ?? [...res.diagnostics];
      loaded.set(dir, r);
    }
    if (Array.isArray(r)) problems.push(...r);
    else ruleSets.push(r);
  }
  return { ruleSets, problems };
}

// ── The picker ──

const entries = pickerEntries(data.sets);
const setIds = [...new Set(data.sets.map((s) => s.id))].sort();
const MAX_SHOWN = 200;

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function titleOf(id: string): string {
  return entries.find((e) => e.id === id)?.title ?? id;
}

function fillRuleSetSelects(): void {
  const rs = $<HTMLSelectElement>('ruleset');
  const lint = $<HTMLSelectElement>('lint-context');
  for (const id of setIds) {
    const n = entries.filter((e) => e.id === id).length;
    rs.append(option(id, `${titleOf(id)}（${id}，${n} 项）`));
  }
  for (const s of data.sets) lint.append(option(s.dir, `${s.title}（${s.dir}，版本 ${s.version}）`));
}

let shown: PickerEntry[] = [];

function entryKey(e: Pick<PickerEntry, 'id' | 'code'>): string {
  return `${e.id}|${e.code}`;
}

function refreshItems(keep?: string): void {
  const sel = $<HTMLSelectElement>('item');
  const rs = $<HTMLSelectElement>('ruleset').value || undefined;
  const found = searchEntries(entries, $<HTMLInputElement>('search').value, rs);
  shown = found.slice(0, MAX_SHOWN);
  sel.replaceChildren();
  let group: HTMLOptGroupElement | undefined;
  for (const e of shown) {
    if (!group || group.dataset.id !== e.id) {
      group = document.createElement('optgroup');
      group.label = `${e.title}（${e.id}）`;
      group.dataset.id = e.id;
      sel.append(group);
    }
    group.append(option(entryKey(e), `${e.code}　${e.name}`));
  }
  if (keep !== undefined && shown.some((e) => entryKey(e) === keep)) sel.value = keep;
  $('item-count').textContent =
    found.length === 0 ? '没有符合条件的事项' : found.length > shown.length ? `共 ${found.length} 项，显示前 ${shown.length} 项，请缩小搜索` : `共 ${found.length} 项`;
}

// ── The form of one item ──

interface Current {
  readonly entry: PickerEntry;
  readonly holders: readonly string[];
  readonly ruleSets: readonly RuleSet[];
  readonly model: FormModel;
  readonly problems: readonly Diagnostic[];
  /** Facts and circumstances of a restored case that the form has no input for: kept, so the loader reports them. */
  extraFacts: Record<string, number | boolean | string>;
  extraCircumstances: string[];
}

let current: Current | undefined;

const EFFECT_TEXT: Record<string, string> = {
  exempt: '不予处罚',
  mitigating: '从轻/减轻',
  'mitigating-optional': '可以从轻',
  aggravating: '从重',
  neutral: '',
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function factInput(f: FactField): HTMLElement {
  const wrap = el('div', { class: 'field' });
  const id = `fact-${f.name}`;
  const label = el('label', { for: id });
  label.append(f.label, ' ', el('code', { lang: 'en' }, f.name));
  if (f.unit) label.append(el('span', { class: 'unit' }, `（${f.unit}）`));
  wrap.append(label);
  let input: HTMLInputElement | HTMLSelectElement;
  if (f.type === 'boolean' || f.type === 'enum') {
    input = el('select', { id, 'data-fact': f.name, 'data-type': f.type });
    input.append(option('', '未填写'));
    if (f.type === 'boolean') input.append(option('true', '是'), option('false', '否'));
    else for (const o of f.options ?? []) input.append(option(o.value, o.label === o.value ? o.value : `${o.label}（${o.value}）`));
  } else {
    input = el('input', { id, 'data-fact': f.name, 'data-type': f.type, type: f.type === 'date' ? 'date' : 'text', autocomplete: 'off' });
    if (f.type === 'money' || f.type === 'ratio' || f.type === 'number') input.setAttribute('inputmode', 'decimal');
    if (f.type === 'count') input.setAttribute('inputmode', 'numeric');
  }
  wrap.append(input);
  return wrap;
}

function circInput(c: FormModel['circumstances'][number]): HTMLElement {
  const id = `circ-${c.name}`;
  const wrap = el('div', { class: 'check' });
  const box = el('input', { type: 'checkbox', id, 'data-circumstance': c.name });
  const label = el('label', { for: id });
  label.append(c.label, ' ', el('code', { lang: 'en' }, c.name));
  const effect = EFFECT_TEXT[c.effect];
  if (effect) label.append(el('span', { class: `tag tag-${c.effect}` }, effect));
  wrap.append(box, label);
  return wrap;
}

/** The entries an item uses in `usedId`, the rest of the rule set's in `moreId`, and the count of the rest. */
function fillSplit<T extends { readonly used: boolean }>(usedId: string, moreId: string, countId: string, entries: readonly T[], input: (x: T) => HTMLElement, none: string): number {
  const used = $(usedId);
  const more = $(moreId);
  used.replaceChildren();
  more.replaceChildren();
  const rest = entries.filter((x) => !x.used);
  if (rest.length === entries.length) used.append(el('p', { class: 'muted' }, none));
  for (const x of entries) (x.used ? used : more).append(input(x));
  $(countId).textContent = `（${rest.length}）`;
  return rest.length;
}

function renderForm(m: FormModel): void {
  const moreFacts = fillSplit('facts-used', 'facts-more', 'facts-more-count', m.facts, factInput, '本事项的条件不涉及具体事实。');
  $('facts-more-box').hidden = moreFacts === 0;
  fillSplit('circs-used', 'circs-more', 'circs-more-count', m.circumstances, circInput, '本事项的条件不涉及特定情节；通用情节见下。');
  $('item-title').textContent = `${m.item.code}　${m.item.name}${m.item.field ? `（${m.item.field}）` : ''}`;
}

function fillRuleSetMode(holders: readonly string[], chosen: string): void {
  const sel = $<HTMLSelectElement>('case-ruleset');
  sel.replaceChildren(option('', '自动（按事项与行为日期选择，与命令行相同）'));
  for (const id of holders) sel.append(option(id, `${titleOf(id)}（${id}）`));
  sel.value = holders.includes(chosen) ? chosen : '';
}

/** Shows the form for a picked entry; the rule-set choice is automatic unless the case names one. */
function pick(entry: PickerEntry, ruleSetMode: string | 'default'): void {
  const dirs = foldersFor(data.sets, entry.code);
  const { ruleSets, problems } = loadFolders(dirs);
  const holders = [...new Set(data.sets.filter((s) => s.items.some(([c]) => c === entry.code)).map((s) => s.id))].sort();
  const versions = ruleSets.filter((r) => r.id === entry.id).sort((a, b) => (a.effective.from < b.effective.from ? 1 : -1));
  const model = formModel(versions, entry.code);
  if (!model) {
    showProblems(problems.length ? problems : []);
    return;
  }
  current = { entry, holders, ruleSets, model, problems, extraFacts: {}, extraCircumstances: [] };
  renderForm(model);
  fillRuleSetMode(holders, ruleSetMode === 'default' ? '' : ruleSetMode);
  $('case-fields').hidden = false;
  if (ruleSetMode === 'default') {
    // Automatic when it picks the rule set chosen; else the case names it.
    const r = evaluateNow();
    if (holders.length > 1 && r?.ruleSet?.id !== entry.id) {
      $<HTMLSelectElement>('case-ruleset').value = entry.id;
    }
  }
  update();
}

// ── Earlier violations ──

let historyRows = 0;

function addHistoryRow(entry?: { item?: unknown; date?: unknown; note?: unknown }): HTMLElement {
  const n = ++historyRows;
  const li = el('li');
  const field = (key: string, label: string, type: string, value: unknown): HTMLElement => {
    const id = `history-${n}-${key}`;
    const f = el('div', { class: 'field' });
    const input = el('input', { id, type, 'data-history': key, autocomplete: 'off' });
    input.value = value === undefined ? '' : String(value);
    f.append(el('label', { for: id }, label), input);
    return f;
  };
  li.append(field('item', '事项编号', 'text', entry?.item ?? current?.entry.code), field('date', '日期', 'date', entry?.date), field('note', '说明（可不填）', 'text', entry?.note));
  const remove = el('button', { type: 'button', class: 'secondary' }, '删除');
  remove.setAttribute('aria-label', `删除第 ${$('history').children.length + 1} 条记录`);
  remove.addEventListener('click', () => {
    li.remove();
    $('history-add').focus();
    scheduleUpdate();
  });
  li.append(remove);
  $('history').append(li);
  return li;
}

// ── Form → case ──

function val(id: string): string {
  return ($(id) as HTMLInputElement | HTMLSelectElement).value.trim();
}

function formCase(): FormCase | undefined {
  if (!current) return undefined;
  const kind = ($('party-person') as HTMLInputElement).checked ? 'person' : 'organization';
  const party: FormCase['party'] = { kind };
  if (val('party-name')) party.name = val('party-name');
  const age = val('party-age');
  if (age !== '') party.age = /^\d+$/.test(age) ? Number(age) : (age as unknown as number);
  if (val('party-capacity')) party.capacity = val('party-capacity') as 'full' | 'partial' | 'none';
  const dates: FormCase['dates'] = { act: val('date-act') };
  if (($('date-ongoing') as HTMLInputElement).checked) dates.actEnd = 'ongoing';
  else if (val('date-act-end')) dates.actEnd = val('date-act-end');
  if (val('date-discovered')) dates.discovered = val('date-discovered');
  if (val('date-decision')) dates.decision = val('date-decision');
  const facts: Record<string, number | boolean | string> = { ...current.extraFacts };
  for (const input of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-fact]')) {
    const v = factValue({ type: input.dataset.type as FactField['type'] }, input.value);
    if (v !== undefined) facts[input.dataset.fact!] = v;
  }
  const circumstances = [...document.querySelectorAll<HTMLInputElement>('[data-circumstance]')].filter((b) => b.checked).map((b) => b.dataset.circumstance!);
  circumstances.push(...current.extraCircumstances);
  const history: NonNullable<FormCase['history']> = [];
  for (const row of document.querySelectorAll<HTMLElement>('#history > li')) {
    const item = row.querySelector<HTMLInputElement>('[data-history=item]')!.value.trim();
    const date = row.querySelector<HTMLInputElement>('[data-history=date]')!.value.trim();
    const note = row.querySelector<HTMLInputElement>('[data-history=note]')!.value.trim();
    if (item || date) history.push({ item, date, ...(note ? { note } : {}) });
  }
  const c: FormCase = { id: val('case-id') || 'playground', item: current.entry.code, party, dates, facts, circumstances, history };
  const rs = val('case-ruleset');
  if (rs) c.ruleSet = rs;
  if (val('case-note')) c.note = val('case-note');
  return tidyCase(c);
}

function evaluateNow(): CatalogResult | undefined {
  const c = formCase();
  if (!c || !current) return undefined;
  return evaluateInCatalog(current.ruleSets, { path: 'case', value: c }, { trace: true });
}

// ── Results ──

function place(d: Diagnostic): string {
  return d.pointer !== undefined && d.file === 'case' ? `case${d.pointer}` : `${d.file}:${d.line}:${d.column}`;
}

function diagnosticList(list: readonly Diagnostic[]): HTMLElement {
  const ol = el('ul', { class: 'diagnostics' });
  for (const d of list) {
    const li = el('li', { class: `sev-${d.severity}` });
    li.append(el('span', { class: 'pos' }, place(d)), ' ', el('span', { class: 'sev' }, d.severity === 'error' ? '错误' : d.severity === 'warning' ? '警告' : '提示'), ' ');
    li.append(el('code', {}, d.code), ' ', d.message);
    if (d.hint) li.append(el('div', { class: 'hint' }, d.hint));
    ol.append(li);
  }
  return ol;
}

function showProblems(list: readonly Diagnostic[]): void {
  const box = $('diagnostics');
  box.replaceChildren();
  if (list.length > 0) box.append(el('h3', {}, '案件的问题'), diagnosticList(list));
}

const OUTCOME_TEXT = { penalty: '给予处罚', none: '不予处罚', undetermined: '无法确定' } as const;

function summaryText(d: Disposition): HTMLElement {
  const box = el('div');
  const head = el('p', { class: `outcome outcome-${d.outcome}` });
  head.append(el('strong', {}, OUTCOME_TEXT[d.outcome]));
  if (d.basis) head.append(`（${BASIS_TEXT[d.basis]}${d.mandatory ? '，应当' : '，可以'}）`);
  if (d.grade) head.append(`　${GRADE_TEXT[d.grade]}`);
  box.append(head);
  const fine = (d.penalties.length ? d.penalties : (d.otherwise?.penalties ?? [])).find((p) => p.kind === 'fine' && p.target === 'party');
  if (fine) {
    const parts: string[] = [];
    if (fine.range) parts.push(`幅度 ${formatYuan(fine.range.min)}–${formatYuan(fine.range.max)}`);
    if (fine.recommended !== undefined) parts.push(`建议 ${formatYuan(fine.recommended)}`);
    if (parts.length) box.append(el('p', {}, `${d.penalties.length ? '罚款' : '如予处罚，罚款'}：${parts.join('，')}`));
  }
  box.append(el('p', { class: 'muted' }, `适用：${d.ruleSet.title}（${d.ruleSet.id} ${d.ruleSet.version}）　事项 ${d.item}`));
  if (d.missingFacts.length) box.append(el('p', {}, `待补充的事实：${d.missingFacts.join('、')}`));
  return box;
}

let lastJson = '';

function update(): void {
  const c = formCase();
  const json = $('disposition-json');
  const result = $('result');
  if (!c || !current) return;
  const r = evaluateInCatalog(current.ruleSets, { path: 'case', value: c }, { trace: true });
  showProblems([...current.problems, ...r.diagnostics]);
  const summary = $('summary');
  const frame = $<HTMLIFrameElement>('report');
  if (r.disposition && r.ruleSet && r.case) {
    const text = renderDispositionJson(r.disposition);
    if (text !== lastJson) {
      lastJson = text;
      json.textContent = text;
      summary.replaceChildren(summaryText(r.disposition));
      frame.srcdoc = renderDispositionHtml(r.disposition, r.ruleSet, r.case);
      frame.hidden = false;
    }
    result.dataset.outcome = r.disposition.outcome;
  } else {
    lastJson = '';
    json.textContent = '';
    summary.replaceChildren(el('p', { class: 'outcome outcome-error' }, '案件有错误，无法给出建议：请按下列问题修改。'));
    frame.hidden = true;
    frame.srcdoc = '';
    result.dataset.outcome = 'error';
  }
  const link = new URL(location.href);
  link.hash = caseFragment(c);
  $<HTMLInputElement>('case-link').value = link.href;
  $<HTMLTextAreaElement>('case-yaml').value = caseYaml(c);
  history.replaceState(null, '', link.hash);
}

let timer: ReturnType<typeof setTimeout> | undefined;
function scheduleUpdate(): void {
  if (timer !== undefined) clearTimeout(timer);
  // Marks the result as out of date until it is recomputed (tests wait for it).
  $('result').dataset.pending = 'true';
  timer = setTimeout(() => {
    timer = undefined;
    update();
    delete $('result').dataset.pending;
  }, 120);
}

function fitFrame(): void {
  const frame = $<HTMLIFrameElement>('report');
  const doc = frame.contentDocument;
  if (doc?.documentElement) frame.style.height = `${doc.documentElement.scrollHeight + 4}px`;
}

// ── A case from a link ──

function restore(value: unknown): string[] {
  const notes: string[] = [];
  const c = (value ?? {}) as Partial<FormCase> & Record<string, unknown>;
  const code = typeof c.item === 'string' ? c.item : undefined;
  if (!code) return ['链接中的案件没有事项（item）'];
  const id = typeof c.ruleSet === 'string' ? c.ruleSet : undefined;
  const candidates = entries.filter((e) => e.code === code && (id === undefined || e.id === id));
  if (candidates.length === 0) return [`没有规则集含有事项 ${code}${id ? `（规则集 ${id}）` : ''}`];
  // Without ruleSet: the most specific holder (a benchmark over its layer) is the one shown.
  const holderSets = data.sets.filter((s) => candidates.some((e) => e.id === s.id));
  const entry = candidates.find((e) => holderSets.some((s) => s.id === e.id && s.layer === 'benchmark')) ?? candidates[0]!;
  // The picker shows the item chosen.
  $<HTMLInputElement>('search').value = code;
  $<HTMLSelectElement>('ruleset').value = '';
  refreshItems(entryKey(entry));
  $<HTMLSelectElement>('item').value = entryKey(entry);
  pick(entry, id ?? '');
  const cur = current!;
  for (const k of Object.keys(c)) if (!['id', 'ruleSet', 'item', 'party', 'dates', 'facts', 'circumstances', 'history', 'note'].includes(k)) notes.push(`表单不支持 ${k}，已忽略`);
  $('history').replaceChildren();
  for (const h of Array.isArray(c.history) ? (c.history as unknown[]) : []) addHistoryRow((h ?? {}) as { item?: unknown });
  $<HTMLInputElement>('case-note').value = typeof c.note === 'string' ? c.note : '';
  $<HTMLInputElement>('case-id').value = c.id === undefined ? '' : String(c.id);
  const party = (c.party ?? {}) as FormCase['party'];
  ($(party.kind === 'person' ? 'party-person' : 'party-org') as HTMLInputElement).checked = true;
  $<HTMLInputElement>('party-name').value = party.name ?? '';
  $<HTMLInputElement>('party-age').value = party.age === undefined ? '' : String(party.age);
  $<HTMLSelectElement>('party-capacity').value = party.capacity ?? '';
  const dates = (c.dates ?? {}) as FormCase['dates'];
  $<HTMLInputElement>('date-act').value = dates.act ?? '';
  $<HTMLInputElement>('date-ongoing').checked = dates.actEnd === 'ongoing';
  $<HTMLInputElement>('date-act-end').value = dates.actEnd && dates.actEnd !== 'ongoing' ? dates.actEnd : '';
  $<HTMLInputElement>('date-act-end').disabled = dates.actEnd === 'ongoing';
  $<HTMLInputElement>('date-discovered').value = dates.discovered ?? '';
  $<HTMLInputElement>('date-decision').value = dates.decision ?? '';
  for (const [name, v] of Object.entries((c.facts ?? {}) as Record<string, number | boolean | string>)) {
    const input = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-fact="${CSS.escape(name)}"]`);
    if (input) input.value = String(v);
    else cur.extraFacts[name] = v;
  }
  for (const name of Array.isArray(c.circumstances) ? (c.circumstances as string[]) : []) {
    const box = document.querySelector<HTMLInputElement>(`[data-circumstance="${CSS.escape(String(name))}"]`);
    if (box) box.checked = true;
    else cur.extraCircumstances.push(String(name));
  }
  // A checked box among the other circumstances opens its section.
  if ($('circs-more').querySelector('input:checked')) ($('circs-more-box') as HTMLDetailsElement).open = true;
  if ([...$('facts-more').querySelectorAll<HTMLInputElement>('[data-fact]')].some((i) => i.value !== '')) ($('facts-more-box') as HTMLDetailsElement).open = true;
  update();
  return notes;
}

// ── Tabs ──

function selectTab(tab: HTMLElement, focus: boolean): void {
  for (const t of document.querySelectorAll<HTMLElement>('[role=tab]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')!).hidden = !on;
  }
  if (focus) tab.focus();
}

function setupTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLElement>('[role=tab]')];
  for (const t of tabs) {
    t.addEventListener('click', () => selectTab(t, false));
    t.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(t);
      const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs[tabs.length - 1] : undefined;
      if (next) {
        e.preventDefault();
        selectTab(next, true);
      }
    });
  }
}

// ── Lint ──

function lint(): void {
  const path = val('lint-path') || 'index.yaml';
  const dir = val('lint-context');
  const text = $<HTMLTextAreaElement>('lint-text').value;
  const set: BundledSet | undefined = data.sets.find((s) => s.dir === dir);
  const base = set ? `rules/${set.dir}/` : 'rules/pasted/';
  const name = base + path.replace(/^.*[\\/]/, '');
  const files = [...(set?.files ?? []).filter((f) => f.path !== name), { path: name, text }];
  const r = loadRuleSet(files);
  let list = [...r.diagnostics];
  if (r.ruleSet) {
    // Checks against the parent rule sets (extends:) need those loaded too.
    const parents: RuleSet[] = [];
    let ext = r.ruleSet.extends;
    while (ext !== undefined && !parents.some((p) => p.id === ext)) {
      const dirs = data.sets.filter((s) => s.id === ext).map((s) => s.dir);
      const got = loadFolders(dirs).ruleSets.sort((a, b) => (a.effective.from < b.effective.from ? 1 : -1));
      if (got.length === 0) break;
      parents.push(got[0]!);
      ext = got[0]!.extends;
    }
    // As the CLI verifies: as of today, beside the other versions of the same id.
    const id = r.ruleSet.id;
    const siblings = loadFolders(data.sets.filter((s) => s.id === id && s.dir !== set?.dir).map((s) => s.dir)).ruleSets;
    list.push(...verifyRuleSet(r.ruleSet, { asOf: today(), catalog: [...siblings, r.ruleSet], ...(parents.length ? { parents } : {}) }));
  }
  // The pasted file's problems first; those of the bundled files beside it (or of a missing index) after.
  const own = list.filter((d) => d.file === name);
  const others = list.filter((d) => d.file !== name);
  list = [...own, ...others];
  const errors = own.filter((d) => d.severity === 'error').length;
  const warnings = own.filter((d) => d.severity === 'warning').length;
  const also = others.length ? `；规则集的其他文件 ${others.length} 条` : '';
  $('lint-summary').textContent =
    own.length === 0 && others.length === 0
      ? `${name}：没有发现问题${r.ruleSet ? `（规则集 ${r.ruleSet.id} 载入成功，${r.ruleSet.items.length} 个事项）` : ''}`
      : `${name}：${errors} 个错误，${warnings} 个警告${also}`;
  $('lint-hint').textContent = others.some((d) => d.code === 'RULESET_NO_INDEX')
    ? '专题文件要与它的 index.yaml 一起检查：请在“放入规则集”中选择一个规则集，或粘贴 index.yaml。'
    : '';
  const ol = $('lint-list');
  ol.replaceChildren();
  for (const d of list) {
    const li = el('li', { class: `sev-${d.severity}` });
    if (d.file === name) {
      const go = el('button', { type: 'button', class: 'pos', 'data-line': String(d.line), 'data-column': String(d.column) }, `${d.line}:${d.column}`);
      go.setAttribute('aria-label', `第 ${d.line} 行第 ${d.column} 列，在文本中定位`);
      go.addEventListener('click', () => goTo(d.line, d.column));
      li.append(go);
    } else li.append(el('span', { class: 'pos' }, `${d.file}:${d.line}:${d.column}`));
    li.append(' ', el('span', { class: 'sev' }, d.severity === 'error' ? '错误' : d.severity === 'warning' ? '警告' : '提示'), ' ', el('code', {}, d.code), ' ', d.message);
    if (d.hint) li.append(el('div', { class: 'hint' }, d.hint));
    ol.append(li);
  }
  $('lint-text-out').textContent = formatDiagnosticsText(list);
}

function goTo(line: number, column: number): void {
  const ta = $<HTMLTextAreaElement>('lint-text');
  const lines = ta.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  offset += column - 1;
  ta.focus();
  ta.setSelectionRange(offset, Math.min(ta.value.length, offset + 1));
  // Scroll the line into view: about a line height per line.
  const lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (line - 3) * lh);
}

// ── Copy ──

async function copy(from: string, status: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(from);
  let ok = false;
  try {
    await navigator.clipboard.writeText(input.value);
    ok = true;
  } catch {
    input.select();
    ok = document.execCommand('copy');
  }
  $(status).textContent = ok ? '已复制' : '无法复制：请选中后手动复制';
}

// ── Start ──

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function start(): void {
  fillRuleSetSelects();
  refreshItems();
  setupTabs();
  $('search').addEventListener('input', () => refreshItems($<HTMLSelectElement>('item').value));
  $('ruleset').addEventListener('change', () => refreshItems($<HTMLSelectElement>('item').value));
  $('item').addEventListener('change', () => {
    const e = shown.find((x) => entryKey(x) === $<HTMLSelectElement>('item').value);
    if (e) pick(e, 'default');
  });
  $<HTMLInputElement>('date-act').value = today();
  $('case-form').addEventListener('input', (e) => {
    if ((e.target as HTMLElement).closest('#pick')) return;
    scheduleUpdate();
  });
  $('case-form').addEventListener('change', (e) => {
    if ((e.target as HTMLElement).closest('#pick')) return;
    if ((e.target as HTMLElement).id === 'date-ongoing') $<HTMLInputElement>('date-act-end').disabled = $<HTMLInputElement>('date-ongoing').checked;
    scheduleUpdate();
  });
  $('case-form').addEventListener('submit', (e) => e.preventDefault());
  $('report').addEventListener('load', fitFrame);
  addEventListener('resize', fitFrame);
  $('copy-link').addEventListener('click', () => void copy('case-link', 'copy-link-status'));
  $('copy-yaml').addEventListener('click', () => void copy('case-yaml', 'copy-yaml-status'));
  $('history-add').addEventListener('click', () => {
    addHistoryRow().querySelector<HTMLInputElement>('[data-history=date]')!.focus();
    scheduleUpdate();
  });
  $('lint-form').addEventListener('submit', (e) => {
    e.preventDefault();
    lint();
  });
  const applyHash = (): void => {
    const got = readFragment(location.hash);
    if (!got) return;
    const notes = 'error' in got ? [got.error] : restore(got.value);
    $('link-notes').textContent = notes.join('；');
  };
  addEventListener('hashchange', () => {
    // The page's own updates replace the fragment without this event; a pasted link raises it.
    applyHash();
  });
  applyHash();
  document.documentElement.dataset.ready = 'true';
}

start();
