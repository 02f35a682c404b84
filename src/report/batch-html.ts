import type { Outcome } from '../evaluate/types.js';
import { BASIS_TEXT, GRADE_TEXT } from './labels.js';
import {
  batchHeadline,
  CHANNEL_SHORT,
  exemptionText,
  OUTCOME_TEXT,
  OUTCOMES,
  problemLines,
  type BatchSummary,
  type ChannelGroup,
} from './batch.js';
import { formatYuan } from './format.js';
import { escapeHtml, htmlPage } from './html.js';

/** Colours that stay apart in print and for common colour-vision deficiencies. */
// Dark enough for white counts on the bars: at least 4.5:1 against #fff (WCAG AA).
const OUTCOME_COLOUR: Record<Outcome, string> = { none: '#1a7f37', penalty: '#b35900', undetermined: '#7a5cc7' };
const CHANNEL_COLOUR = { service: '#1a7f37', supervision: '#3b73b9', penalty: '#b35900' } as const;

/** Rough width of a label in px at `size` (CJK glyphs are square, Latin about 0.6 em). */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFFF]/.test(ch) ? size : size * 0.62;
  return w;
}

function n(x: number): string {
  // Fixed precision keeps the SVG bytes the same on every platform.
  return (Math.round(x * 10) / 10).toString();
}

function pctText(permille: number): string {
  return `${(permille / 10).toFixed(1)}%`;
}

/**
 * 721 shares of one rule set as horizontal bars, each with its target marked:
 * a glance shows which side of the target each share falls.
 */
export function channelChart(g: ChannelGroup): string {
  const W = 720;
  const left = 70;
  const right = 190;
  const plot = W - left - right;
  const top = 26;
  const row = 42;
  const H = top + row * g.shares.length + 8;
  const x = (permille: number) => left + (plot * Math.min(permille, 1000)) / 1000;
  const out: string[] = [];
  const title = `“721”占比与目标：${g.title}（${g.ruleSet}）`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}" font-size="13">`,
    `<title>${escapeHtml(title)}</title>`,
  );
  for (const t of [0, 250, 500, 750, 1000]) {
    out.push(`<line x1="${n(x(t))}" y1="${top - 6}" x2="${n(x(t))}" y2="${H - 8}" stroke="#d0d7de" stroke-width="1"/>`);
    out.push(`<text x="${n(x(t))}" y="${top - 10}" text-anchor="middle" fill="#57606a" font-size="11">${t / 10}%</text>`);
  }
  g.shares.forEach((s, i) => {
    const y = top + i * row;
    const barY = y + 8;
    out.push(`<text x="${left - 8}" y="${barY + 14}" text-anchor="end" fill="#1b1f24">${CHANNEL_SHORT[s.channel]}</text>`);
    out.push(`<rect x="${left}" y="${barY}" width="${n(x(s.permille) - left)}" height="20" fill="${CHANNEL_COLOUR[s.channel]}"><title>${escapeHtml(s.text)}</title></rect>`);
    const tx = x(s.targetPermille);
    out.push(`<line x1="${n(tx)}" y1="${barY - 5}" x2="${n(tx)}" y2="${barY + 25}" stroke="#1b1f24" stroke-width="2" stroke-dasharray="4 3"/>`);
    out.push(
      `<text x="${left + plot + 8}" y="${barY + 14}" fill="#1b1f24">${pctText(s.permille)}（${s.count} 件）<tspan fill="#57606a"> 目标 ${s.targetPermille / 10}%</tspan></text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

/**
 * Outcomes by item as stacked bars (不予处罚 / 给予处罚 / 待定), one row per item,
 * grouped by rule set; bar length is the number of cases.
 */
export function outcomeChart(s: BatchSummary): string {
  const size = 12;
  const W = 720;
  const labelW = Math.ceil(Math.max(80, ...s.items.map((r) => textWidth(r.item, size))) + 12);
  const right = 48;
  const plot = W - labelW - right;
  const row = 24;
  const groups = [...new Set(s.items.map((r) => r.ruleSet))];
  const top = 30;
  const H = top + (s.items.length + groups.length) * row + 6;
  const max = Math.max(1, ...s.items.map((r) => r.total));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="按裁量事项的处理结果" font-size="${size}">`,
    '<title>按裁量事项的处理结果</title>',
  );
  // Legend.
  let lx = labelW;
  for (const o of OUTCOMES) {
    out.push(`<rect x="${n(lx)}" y="6" width="12" height="12" fill="${OUTCOME_COLOUR[o]}"/>`);
    out.push(`<text x="${n(lx + 16)}" y="16.5" fill="#1b1f24">${OUTCOME_TEXT[o]}</text>`);
    lx += 16 + textWidth(OUTCOME_TEXT[o], size) + 18;
  }
  let y = top;
  for (const g of groups) {
    out.push(`<text x="0" y="${y + 16}" font-weight="700" fill="#1b1f24">${escapeHtml(g)}</text>`);
    y += row;
    for (const r of s.items.filter((x) => x.ruleSet === g)) {
      out.push(`<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" fill="#1b1f24"><title>${escapeHtml(r.name)}</title>${escapeHtml(r.item)}</text>`);
      let x = labelW;
      for (const o of OUTCOMES) {
        const count = r[o];
        if (count === 0) continue;
        const w = (plot * count) / max;
        out.push(`<rect x="${n(x)}" y="${y + 4}" width="${n(w)}" height="16" fill="${OUTCOME_COLOUR[o]}"><title>${escapeHtml(`${r.item} ${OUTCOME_TEXT[o]} ${count} 件`)}</title></rect>`);
        if (w >= textWidth(String(count), 11) + 6)
          out.push(`<text x="${n(x + w / 2)}" y="${y + 16}" text-anchor="middle" fill="#fff" font-size="11">${count}</text>`);
        x += w;
      }
      out.push(`<text x="${n(x + 6)}" y="${y + 16}" fill="#57606a">${r.total}</text>`);
      y += row;
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

const CSS = `
.headline { font-size: 1.05rem; }
.gaps { margin-top: 0.2rem; }
.problems code { display: block; white-space: pre-wrap; overflow-wrap: anywhere; }
.table-scroll { overflow-x: auto; max-width: 100%; }
/* Cells keep whole words and codes (SPAQF-124-1-5): a narrow screen scrolls the table instead of
   squeezing a column to one character a line. */
.table-scroll td, .table-scroll th { overflow-wrap: normal; word-break: normal; }
.table-scroll td:not(.num) { min-width: 10em; }
.table-scroll td:first-child { white-space: nowrap; }
figure.chart { overflow-x: auto; }
figure.chart svg { max-width: none; }
@media (max-width: 40rem) { main { padding: 1rem 0.75rem 1.5rem; } }
@media print {
  .table-scroll { overflow: visible; }
  .table-scroll td, .table-scroll th { overflow-wrap: anywhere; word-break: normal; min-width: 0; }
  .table-scroll td:first-child { white-space: normal; }
  figure.chart svg { max-width: 100%; }
}
`;

/** A table; cells are HTML already escaped. A row given as a string is a group heading spanning the table. */
function table(head: readonly string[], rows: readonly (readonly string[] | string)[], numeric: readonly number[] = [], compact = true): string {
  const th = head.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) =>
      typeof r === 'string'
        ? `<tr class="group"><th scope="colgroup" colspan="${head.length}">${r}</th></tr>`
        : `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`,
    )
    .join('\n');
  // In a box of its own: on a narrow screen a wide table scrolls there, and the page does not.
  return `<div class="table-scroll"><table${compact ? ' class="compact"' : ''}>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/**
 * The batch summary as one self-contained HTML page with inline SVG charts:
 * the 721 shares against the target, and outcomes by item. Same summary, same
 * bytes.
 *
 * @example
 * writeFileSync('batch.html', renderBatchHtml(tally.summary('cases.ndjson')));
 */
export function renderBatchHtml(s: BatchSummary): string {
  const out: string[] = [];
  const pct = (x: number, of: number) => (of === 0 ? '—' : `${((x * 100) / of).toFixed(1)}%`);
  out.push(
    '<header>',
    '<p class="kicker">执法监督</p>',
    '<h1>批量裁量统计</h1>',
    `<p class="meta">案件来源 <span class="mono">${escapeHtml(s.source)}</span></p>`,
    `<p class="headline">${escapeHtml(batchHeadline(s))}</p>`,
    '</header>',
  );

  out.push('<section class="outcomes">', '<h2>处理结果</h2>');
  out.push(table(['结果', '件数', '占比'], OUTCOMES.map((o) => [escapeHtml(OUTCOME_TEXT[o]), String(s.outcomes[o]), pct(s.outcomes[o], s.evaluated)]), [1, 2]));
  if (s.bases.length > 0) out.push('<h3>不予处罚的理由</h3>', table(['理由', '件数'], s.bases.map((b) => [escapeHtml(BASIS_TEXT[b.basis]), String(b.count)]), [1]));
  if (s.grades.length > 0) out.push('<h3>给予处罚的裁量等级</h3>', table(['等级', '件数'], s.grades.map((g) => [escapeHtml(GRADE_TEXT[g.grade]), String(g.count)]), [1]));
  if (s.fines.cases + s.fines.withoutAmount > 0)
    out.push(`<p>给予处罚的案件中，${s.fines.cases} 件有建议罚款，合计 <strong>${escapeHtml(formatYuan(s.fines.total))}</strong>${s.fines.withoutAmount ? `；${s.fines.withoutAmount} 件罚款数额由执法人员确定` : ''}。</p>`);
  out.push('</section>');

  out.push('<section class="channels">', '<h2>“721”工作法占比</h2>');
  if (s.channels.length === 0) out.push('<p>没有可归类的案件。</p>');
  for (const g of s.channels) {
    out.push(`<h3>${escapeHtml(g.title)}（<span class="mono">${escapeHtml(g.ruleSet)}</span>${g.versions.length ? ` 版本 ${escapeHtml(g.versions.join('、'))}` : ''}）</h3>`);
    out.push(`<figure class="chart">\n${channelChart(g)}\n<figcaption>计入 ${g.cases} 件（不予处罚和给予处罚的案件；待定案件不计入）。虚线为目标。</figcaption>\n</figure>`);
    out.push(`<ul class="gaps">\n${g.shares.map((x) => `<li>${escapeHtml(x.text)}</li>`).join('\n')}\n</ul>`);
  }
  out.push('<p class="note">“721”是工作目标比例（服务、管理、执法手段），不是对单个案件的要求。</p>', '</section>');

  out.push('<section class="exemptions">', '<h2>免罚统计</h2>', `<p>${escapeHtml(exemptionText(s))}</p>`, '</section>');

  out.push('<section class="items">', '<h2>按裁量事项</h2>');
  if (s.items.length > 0) out.push(`<figure class="chart">\n${outcomeChart(s)}\n<figcaption>每行一个裁量事项，条长为案件数。</figcaption>\n</figure>`);
  const rows: (string[] | string)[] = [];
  for (const g of [...new Set(s.items.map((r) => r.ruleSet))]) {
    rows.push(`<span class="mono">${escapeHtml(g)}</span>`);
    for (const r of s.items.filter((x) => x.ruleSet === g))
      rows.push([`<span class="mono nowrap">${escapeHtml(r.item)}</span>`, escapeHtml(r.name), String(r.total), String(r.none), String(r.penalty), String(r.undetermined)]);
  }
  out.push(
    table(['事项', '名称', '件数', '不予处罚', '给予处罚', '待定'], rows, [2, 3, 4, 5], false),
    '</section>',
  );

  if (s.undetermined.cases > 0) {
    out.push('<section class="undetermined">', '<h2>待定案件</h2>', `<p>${s.undetermined.cases} 件无法确定处罚，需补充事实或核查基准。</p>`);
    if (s.undetermined.missingFacts.length > 0)
      out.push(`<p>缺少的事实：${s.undetermined.missingFacts.map((m) => `<span class="mono">${escapeHtml(m.fact)}</span>（${m.count} 件）`).join('、')}。</p>`);
    out.push(
      '<ul>',
      ...s.undetermined.list.map(
        (u) => `<li>第 ${u.line} 行 <span class="mono">${escapeHtml(u.caseId)}</span>（${escapeHtml(u.item)}）：${escapeHtml(u.missingFacts.length ? `缺少 ${u.missingFacts.join('、')}` : u.warnings.join('；') || '无法确定')}</li>`,
      ),
      ...(s.undetermined.omitted > 0 ? [`<li>另有 ${s.undetermined.omitted} 件未列出</li>`] : []),
      '</ul>',
      '</section>',
    );
  }

  if (s.warnings.length > 0)
    out.push('<section class="warnings">', '<h2>提示统计</h2>', table(['提示', '件数'], s.warnings.map((w) => [`<span class="mono">${escapeHtml(w.code)}</span>`, String(w.count)]), [1]), '</section>');

  out.push('<section class="problems">', '<h2>无法评估的案件</h2>');
  if (s.invalid === 0) out.push('<p>无。</p>');
  else {
    out.push(`<p>${s.invalid} 件无法评估（其余案件照常统计）：</p>`, '<ul>');
    for (const p of s.problems.list)
      out.push(`<li>第 ${p.line} 行${p.caseId !== undefined ? ` <span class="mono">${escapeHtml(p.caseId)}</span>` : ''}${problemLines(p).map((t) => `<code>${escapeHtml(t)}</code>`).join('')}</li>`);
    if (s.problems.omitted > 0) out.push(`<li>另有 ${s.problems.omitted} 件未列出</li>`);
    out.push('</ul>');
  }
  out.push('</section>');

  out.push('<footer>', '<p class="closing">本统计依据已公布的裁量基准对每件案件的建议生成，供执法监督参考。</p>', `<p class="note">${escapeHtml(s.generator)}</p>`, '</footer>');
  return htmlPage(`批量裁量统计：${s.source}`, out.join('\n'), CSS);
}
