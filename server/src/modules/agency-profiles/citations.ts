/**
 * The legal basis of an agency (P2) is free text, one citation per line; where a
 * cited text is in the law library its title links to /laws/<id>, and each cited
 * article the library holds to /laws/<id>#article-N. Anything not found stays
 * plain text: the profile never fails because the library is incomplete.
 */
import { articleAnchor, articleNumberPattern, defaultShortTitle, type IsoDate, lawStatus } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface Segment {
  text: string;
  href?: string;
}

const titlePattern = /《([^《》]+)》(?:[（(](\d{4}-\d{2}-\d{2})施行[）)])?/g;
// The article number pattern of core, unanchored, to find numbers inside a line.
const numberPattern = new RegExp(articleNumberPattern.source.replace(/^\^/, '').replace(/\$$/, ''), 'g');

/** Splits each line into plain and linked segments. */
export async function linkCitations(db: Kysely<DB>, text: string, today: IsoDate): Promise<Segment[][]> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0 || !text.includes('《')) return lines.map((line) => [{ text: line }]);
  const laws = await db
    .selectFrom('law')
    .select(['id', 'title', 'short_title', 'effective_on', 'amended_on', 'repealed_on'])
    .execute();
  const articles = laws.length
    ? await db
        .selectFrom('law_article')
        .select(['law_id', 'number', 'ordinal'])
        .where(
          'law_id',
          'in',
          laws.map((l) => l.id),
        )
        .execute()
    : [];
  const lawFor = (title: string, effectiveOn: string | undefined) => {
    let candidates = laws.filter(
      (l) => l.title === title || l.short_title === title || defaultShortTitle(l.title) === title,
    );
    if (effectiveOn) candidates = candidates.filter((l) => l.effective_on === effectiveOn);
    if (candidates.length > 1)
      candidates = candidates.filter(
        (l) =>
          lawStatus(
            { effectiveOn: l.effective_on, amendedOn: l.amended_on, repealedOn: l.repealed_on },
            today,
          ) === 'inForce',
      );
    return candidates.length === 1 ? candidates[0] : undefined;
  };

  return lines.map((line) => {
    const segments: Segment[] = [];
    const push = (segment: Segment) => {
      const last = segments.at(-1);
      if (!segment.href && last && !last.href) last.text += segment.text;
      else if (segment.text) segments.push(segment);
    };
    const matches = [...line.matchAll(titlePattern)];
    let at = 0;
    matches.forEach((match, i) => {
      push({ text: line.slice(at, match.index) });
      const law = lawFor(match[1]!.trim(), match[2]);
      push(law ? { text: match[0], href: `/laws/${law.id}` } : { text: match[0] });
      const tailEnd = matches[i + 1]?.index ?? line.length;
      const tail = line.slice(match.index + match[0].length, tailEnd);
      let inTail = 0;
      for (const number of tail.matchAll(numberPattern)) {
        push({ text: tail.slice(inTail, number.index) });
        const article = law && articles.find((a) => a.law_id === law.id && a.number === number[0]);
        push(
          article
            ? { text: number[0], href: `/laws/${law.id}#${articleAnchor(article.ordinal)}` }
            : { text: number[0] },
        );
        inTail = number.index + number[0].length;
      }
      push({ text: tail.slice(inTail) });
      at = tailEnd;
    });
    push({ text: line.slice(at) });
    return segments;
  });
}
