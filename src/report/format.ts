import { own } from '../load/dict.js';
import { isoOfDay } from '../load/units.js';
import type { Citation, FactDef, FineModel, Law, ScalarValue, TierRange } from '../load/model.js';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 124 → 一百二十四, 1005 → 一千零五 (for article numbers, 1–9999). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + unit;
  });
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** 第一百二十四条第一款第五项 (第二句). */
export function articleText(c: Pick<Citation, 'article' | 'paragraph' | 'item' | 'sentence'>): string {
  let s = `第${chineseNumber(c.article)}条`;
  if (c.paragraph !== undefined) s += `第${chineseNumber(c.paragraph)}款`;
  if (c.item !== undefined) s += `第（${chineseNumber(c.item)}）项`;
  if (c.sentence !== undefined) s += `第${chineseNumber(c.sentence)}句`;
  return s;
}

/** 《中华人民共和国食品安全法》第一百二十四条第一款第（五）项. */
export function citationText(c: Citation, laws: Readonly<Record<string, Law>>): string {
  const law = own(laws, c.law);
  return `《${law ? law.title : c.law}》${articleText(c)}`;
}

function groupThousands(s: string): string {
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fen as yuan for people: 5万元, 2,000元, 74.47元. */
export function formatYuan(fen: number): string {
  const yuan = fen / 100;
  if (yuan >= 10000 && fen % 100 === 0) {
    const wan = yuan / 10000;
    const text = Number.isInteger(wan) ? String(wan) : wan.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
    return `${text}万元`;
  }
  const whole = Math.trunc(fen / 100);
  const cents = fen % 100;
  return `${groupThousands(String(whole))}${cents ? '.' + String(cents).padStart(2, '0') : ''}元`;
}

const FACT_LABELS: Record<string, string> = { goodsValue: '货值金额', illegalGains: '违法所得' };

function trimNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** 5万元至10万元 / 2,000元以下 / 货值金额10倍至20倍. */
export function fineText(f: FineModel, label: (fact: string) => string = (x) => FACT_LABELS[x] ?? x): string {
  switch (f.kind) {
    case 'range':
      return `${formatYuan(f.min)}至${formatYuan(f.max)}`;
    case 'upTo':
      return `${formatYuan(f.max)}以下`;
    case 'multiple':
      return (
        (f.min === 0 ? `${label(f.of)}${trimNumber(f.max)}倍以下` : `${label(f.of)}${trimNumber(f.min)}倍至${trimNumber(f.max)}倍`) +
        (f.floor !== undefined ? `（${label(f.of)}不足${formatYuan(f.floor)}的，按${formatYuan(f.floor)}计算）` : '') +
        (f.cap !== undefined ? `，最高不超过${formatYuan(f.cap)}` : '')
      );
    case 'perUnit':
      return f.min === 0 ? `按${label(f.of)}每${f.unit ?? '单位'}${formatYuan(f.max)}以下` : `按${label(f.of)}每${f.unit ?? '单位'}${formatYuan(f.min)}至${formatYuan(f.max)}`;
    case 'unspecified':
      return '（法律条文未规定数额）';
    case 'byParty':
      return `个人${fineText(f.person, label)}；单位${fineText(f.organization, label)}`;
  }
}

/** A tier's range for people: 法定幅度的0%–30% / 2,000元至1万元 / 10倍至13倍. */
export function tierRangeText(r: TierRange): string {
  switch (r.kind) {
    case 'share':
      return `法定幅度的${trimNumber(r.from * 100)}%至${trimNumber(r.to * 100)}%`;
    case 'amount':
      return `${formatYuan(r.min)}至${formatYuan(r.max)}`;
    case 'multiple':
      return `${trimNumber(r.min)}倍至${trimNumber(r.max)}倍`;
  }
}

/** A fact value for people, in the unit it was written in. */
export function factValueText(def: FactDef | undefined, v: ScalarValue): string {
  if (!def) return String(v);
  switch (def.type) {
    case 'money':
      return formatYuan(v as number);
    case 'boolean':
      return v ? '是' : '否';
    case 'enum':
      return own(def.valueLabels, v as string) ?? String(v);
    case 'ratio':
      return `${Math.round((v as number) * 10000) / 100}%`;
    case 'date':
      return isoOfDay(v as number);
    case 'duration': {
      const m = v as number;
      return m % 1440 === 0 ? `${m / 1440}日` : m % 60 === 0 ? `${m / 60}小时` : `${m}分钟`;
    }
    default:
      return `${v}${def.unit ?? ''}`;
  }
}
