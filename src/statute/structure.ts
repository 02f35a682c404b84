import { parseOrdinal } from './numerals.js';
import type { LawArticle, LawText, ListItem, LawParagraph, TextPosition } from './types.js';

/**
 * A law text (the Markdown of the statute collection: `# title`, history
 * lines, `<!-- INFO END -->`, `##` chapters, `###` sections, one paragraph per
 * block) split into articles (条), paragraphs (款) and enumerated items (项),
 * each with its position. Pure: the caller reads the file.
 *
 * An article starts a block with 第X条 and a space (ASCII or full-width); its
 * further blocks are its next paragraphs, except blocks starting （一）, （二）…,
 * which are items of the paragraph before them.
 */
export function parseLawText(text: string): LawText {
  const lines = text.split('\n');
  let title = '';
  const history: string[] = [];
  const articles: LawArticle[] = [];
  let inHeader = text.includes('<!-- INFO END -->');
  let chapter: string | undefined;
  let section: string | undefined;
  let offset = 0;
  let article: { number: number; suffix?: number; chapter?: string; section?: string; paragraphs: LawParagraph[]; at: TextPosition } | undefined;
  let lastParagraph: LawParagraph | undefined;

  const flush = (): void => {
    if (article) articles.push(article);
    article = undefined;
    lastParagraph = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineOffset = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const at: TextPosition = { offset: lineOffset + (line.length - line.trimStart().length), line: i + 1, column: line.length - line.trimStart().length + 1 };
    if (trimmed === '<!-- INFO END -->') {
      inHeader = false;
      continue;
    }
    if (/^#\s/.test(trimmed) && title === '') {
      title = trimmed.replace(/^#\s+/, '').trim();
      continue;
    }
    if (inHeader) {
      history.push(trimmed);
      continue;
    }
    const heading = /^(#{2,6})\s+(.*)$/.exec(trimmed);
    if (heading) {
      flush();
      const name = heading[2]!.replace(/\s+/g, ' ').trim();
      if (heading[1] === '##') {
        chapter = name;
        section = undefined;
      } else section = name;
      continue;
    }
    if (trimmed.startsWith('<!--')) continue;
    const start = /^第([零〇一二两三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?[\s\u3000]+/.exec(trimmed);
    if (start) {
      const number = parseOrdinal(start[1]!);
      if (number !== undefined) {
        flush();
        const body = trimmed.slice(start[0].length).trim();
        const suffix = start[2] ? parseOrdinal(start[2]) : undefined;
        const bodyAt = { ...at, offset: at.offset + start[0].length, column: at.column + start[0].length };
        lastParagraph = { number: 1, text: body, items: [], at: bodyAt };
        article = {
          number,
          ...(suffix !== undefined ? { suffix } : {}),
          ...(chapter !== undefined ? { chapter } : {}),
          ...(section !== undefined ? { section } : {}),
          paragraphs: [lastParagraph],
          at,
        };
        continue;
      }
    }
    if (!article) continue; // preamble (序言) or text outside articles
    const item = /^[（(]([一二三四五六七八九十]+)[）)]\s*/.exec(trimmed);
    if (item && lastParagraph) {
      const n = parseOrdinal(item[1]!)!;
      const itemAt = { ...at, offset: at.offset + item[0].length, column: at.column + item[0].length };
      (lastParagraph.items as ListItem[]).push({ number: n, text: trimmed.slice(item[0].length).trim(), at: itemAt });
      continue;
    }
    lastParagraph = { number: article.paragraphs.length + 1, text: trimmed, items: [], at };
    article.paragraphs.push(lastParagraph);
  }
  flush();
  return { title, history, articles };
}

/** 第一百二十四条第一款第（五）项, the way citations are written. */
export function citationText(c: { article: number; suffix?: number; paragraph?: number; item?: number }): string {
  let s = `第${chineseNumeral(c.article)}条`;
  if (c.suffix !== undefined) s += `之${chineseNumeral(c.suffix)}`;
  if (c.paragraph !== undefined) s += `第${chineseNumeral(c.paragraph)}款`;
  if (c.item !== undefined) s += `第（${chineseNumeral(c.item)}）项`;
  return s;
}

/** 124 → 一百二十四; 10 → 十; 15 → 十五; 105 → 一百零五. For numbers below 10,000. */
export function chineseNumeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n]!;
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let zero = false;
  let started = false;
  digits.forEach((v, i) => {
    if (v === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) parts.push('零');
    zero = false;
    started = true;
    parts.push(d[v]! + units[i]!);
  });
  return parts.join('');
}
