/**
 * 法律法规库: kinds of legal norms, the status of a text on a date, article
 * numbers (第四十四条 → a sortable ordinal and a page anchor), splitting pasted
 * text into articles, and citations as text (《道路运输条例》第六十三条).
 *
 * A law row is one text (one revision). Its status on a date is derived from
 * its dates, first match wins:
 *   1. repealed        — on or after repealed_on (已废止)
 *   2. amended         — on or after amended_on: a newer revision replaced this text (已被修改)
 *   3. notYetEffective — before effective_on (尚未施行)
 *   4. inForce         — 现行有效
 * An enforcement item citing an article whose text is repealed or amended needs
 * revision (待修订): the article may have moved or changed.
 */
import type { IsoDate } from './dates.js';

export const lawKinds = [
  'law',
  'administrativeRegulation',
  'localRegulation',
  'departmentalRule',
  'localGovernmentRule',
  'normativeDocument',
] as const;
export type LawKind = (typeof lawKinds)[number];

export const lawKindLabels: Record<LawKind, string> = {
  law: '法律',
  administrativeRegulation: '行政法规',
  localRegulation: '地方性法规',
  departmentalRule: '部门规章',
  localGovernmentRule: '地方政府规章',
  normativeDocument: '规范性文件',
};

export const lawStatuses = ['inForce', 'notYetEffective', 'amended', 'repealed'] as const;
export type LawStatus = (typeof lawStatuses)[number];

export const lawStatusLabels: Record<LawStatus, string> = {
  inForce: '现行有效',
  notYetEffective: '尚未施行',
  amended: '已被修改',
  repealed: '已废止',
};

export interface LawDates {
  effectiveOn: IsoDate;
  amendedOn: IsoDate | null;
  repealedOn: IsoDate | null;
}

/** ISO dates compare correctly as strings. */
export function lawStatus(law: LawDates, on: IsoDate): LawStatus {
  if (law.repealedOn !== null && on >= law.repealedOn) return 'repealed';
  if (law.amendedOn !== null && on >= law.amendedOn) return 'amended';
  if (on < law.effectiveOn) return 'notYetEffective';
  return 'inForce';
}

/** Whether an item citing this text needs revision on the date: the text was repealed or replaced. */
export function citationOutdated(law: LawDates, on: IsoDate): boolean {
  const status = lawStatus(law, on);
  return status === 'repealed' || status === 'amended';
}

/** 《中华人民共和国道路运输条例》 is cited as 《道路运输条例》, as lawyers do. */
export function defaultShortTitle(title: string): string {
  const short = title.replace(/^中华人民共和国/, '');
  return short.length > 0 ? short : title;
}

const digitValues: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const unitValues: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 四十四 → 44, 一百零一 → 101, 十 → 10, 1234 → 1234; null when it is not a number below 10 000. */
export function chineseNumber(text: string): number | null {
  if (/^\d{1,4}$/.test(text)) return Number(text);
  if (text.length === 0) return null;
  let total = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char in digitValues) {
      if (digit !== null && digit !== 0) return null; // two digits in a row: 四四
      digit = digitValues[char]!;
    } else if (char in unitValues) {
      total += (digit ?? 1) * unitValues[char]!;
      digit = null;
    } else return null;
  }
  total += digit ?? 0;
  return total > 0 ? total : null;
}

const numeral = '[零〇一二两三四五六七八九十百千0-9]+';
/** 第四十四条, 第一百二十条之一. */
export const articleNumberPattern = new RegExp(`^第(${numeral})条(?:之(${numeral}))?$`);

/**
 * The ordinal that sorts articles: the article number × 100 plus the 之N
 * sub-number (第十条之一 sorts between 第十条 and 第十一条). Null if the
 * number is not written 第…条.
 */
export function articleOrdinal(number: string): number | null {
  const match = articleNumberPattern.exec(number.trim());
  if (!match) return null;
  const main = chineseNumber(match[1]!);
  const sub = match[2] === undefined ? 0 : chineseNumber(match[2]);
  if (main === null || sub === null || sub > 99) return null;
  return main * 100 + sub;
}

/** The page anchor of an article: article-44, article-120-1 (for 第一百二十条之一). */
export function articleAnchor(ordinal: number): string {
  const main = Math.floor(ordinal / 100);
  const sub = ordinal % 100;
  return sub === 0 ? `article-${main}` : `article-${main}-${sub}`;
}

export interface ParsedArticle {
  number: string;
  ordinal: number;
  text: string;
}

export interface SplitArticles {
  articles: ParsedArticle[];
  /** Lines that belong to no article: the title, 目录, chapter and section headings. */
  skipped: string[];
  /** Problems that stop the import, e.g. a number given twice. */
  problems: string[];
}

const articleHeading = new RegExp(`^(第${numeral}条(?:之${numeral})?)(?:[\\s\\u3000]+|$)(.*)$`);
const chapterHeading = new RegExp(`^第${numeral}[编章节]`);

/**
 * Splits pasted statute text at each line that starts with 第…条. The text of an
 * article runs to the next such line; chapter headings (第一章 总则) and lines
 * before the first article are skipped and reported, as are blank lines.
 */
export function splitArticles(text: string): SplitArticles {
  const articles: ParsedArticle[] = [];
  const skipped: string[] = [];
  const problems: string[] = [];
  let current: { number: string; ordinal: number; lines: string[] } | null = null;
  const close = () => {
    if (!current) return;
    const body = current.lines.join('\n').trim();
    if (body.length === 0) problems.push(`${current.number}没有条文内容`);
    else articles.push({ number: current.number, ordinal: current.ordinal, text: body });
    current = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (line.length === 0) continue;
    const heading = articleHeading.exec(line);
    if (heading) {
      close();
      const ordinal = articleOrdinal(heading[1]!);
      if (ordinal === null) {
        problems.push(`无法识别条号：${heading[1]}`);
        continue;
      }
      current = { number: heading[1]!, ordinal, lines: heading[2] ? [heading[2]] : [] };
    } else if (chapterHeading.test(line)) {
      close();
      skipped.push(line);
    } else if (current) {
      (current as { lines: string[] }).lines.push(line);
    } else skipped.push(line);
  }
  close();
  const seen = new Set<number>();
  for (const article of articles) {
    if (seen.has(article.ordinal)) problems.push(`条号重复：${article.number}`);
    seen.add(article.ordinal);
  }
  return { articles, skipped, problems };
}

export interface CitationGroup {
  /** As written between 《 and 》. */
  title: string;
  /** The effective date written after the title, （2022-05-01施行）, when the title alone is ambiguous. */
  effectiveOn: IsoDate | null;
  numbers: string[];
}

export interface ParsedCitations {
  groups: CitationGroup[];
  problems: string[];
}

export const citationHint = '应写作《法规名称》第…条，如《道路运输条例》第六十三条';

const citationGroup = /《([^《》]+)》([^《》]*)/g;
const editionPattern = /^[（(](\d{4}-\d{2}-\d{2})施行[）)]/;
const numberInTail = new RegExp(`第${numeral}条(?:之${numeral})?`, 'g');

/**
 * Reads citations written as text: 《道路运输条例》第五十九条、第六十条；《行政强制法》第二十五条.
 * Each title is followed by one or more article numbers; groups are separated by
 * ；, ; or line breaks. Anything else is a problem, named in Chinese.
 */
export function parseCitations(text: string): ParsedCitations {
  const groups: CitationGroup[] = [];
  const problems: string[] = [];
  const source = text.trim();
  if (source.length === 0) return { groups, problems: ['未填写依据'] };
  let consumed = 0;
  for (const match of source.matchAll(citationGroup)) {
    const between = source.slice(consumed, match.index).trim();
    if (between.replace(/[；;，,、\s]/g, '').length > 0) problems.push(`无法识别：“${between}”`);
    consumed = match.index + match[0].length;
    const title = match[1]!.trim();
    let tail = match[2]!.trim();
    let effectiveOn: IsoDate | null = null;
    const edition = editionPattern.exec(tail);
    if (edition) {
      effectiveOn = edition[1]!;
      tail = tail.slice(edition[0].length);
    }
    const numbers = [...tail.matchAll(numberInTail)].map((m) => m[0]);
    const rest = tail.replace(numberInTail, '').replace(/[；;，,、\s]/g, '');
    if (numbers.length === 0) problems.push(`《${title}》后缺少条号（如：第六十三条）`);
    else if (rest.length > 0) problems.push(`《${title}》后有无法识别的内容：“${rest}”`);
    groups.push({ title, effectiveOn, numbers });
  }
  if (groups.length === 0) return { groups, problems: [citationHint] };
  const trailing = source.slice(consumed).trim();
  if (trailing.replace(/[；;，,、\s]/g, '').length > 0) problems.push(`无法识别：“${trailing}”`);
  return { groups, problems };
}

export interface CitedArticle {
  shortTitle: string;
  number: string;
  /** Set when the title alone does not say which text (several revisions in the library). */
  effectiveOn?: IsoDate | null;
}

/** The inverse of parseCitations: consecutive articles of one text share the title. */
export function formatCitations(cited: readonly CitedArticle[]): string {
  const parts: string[] = [];
  let previous: string | null = null;
  for (const article of cited) {
    const title = `《${article.shortTitle}》${article.effectiveOn ? `（${article.effectiveOn}施行）` : ''}`;
    if (title === previous) parts[parts.length - 1] += `、${article.number}`;
    else parts.push(`${title}${article.number}`);
    previous = title;
  }
  return parts.join('；');
}
