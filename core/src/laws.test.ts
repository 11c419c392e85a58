import { describe, expect, it } from 'vitest';
import {
  articleAnchor,
  articleOrdinal,
  chineseNumber,
  citationOutdated,
  defaultShortTitle,
  formatCitations,
  lawStatus,
  parseCitations,
  splitArticles,
} from './laws.js';

describe('P3: law texts and their status on a date', () => {
  const law = { effectiveOn: '2022-05-01', amendedOn: '2023-07-20', repealedOn: null };
  it.each([
    ['2022-04-30', 'notYetEffective'],
    ['2022-05-01', 'inForce'],
    ['2023-07-19', 'inForce'],
    ['2023-07-20', 'amended'],
  ] as const)('P3: on %s the 2022 text is %s', (on, status) => {
    expect(lawStatus(law, on)).toBe(status);
  });
  it('P3: repeal wins over amendment, and both make a citation outdated', () => {
    const repealed = { ...law, repealedOn: '2023-01-01' };
    expect(lawStatus(repealed, '2024-01-01')).toBe('repealed');
    expect(citationOutdated(repealed, '2024-01-01')).toBe(true);
    expect(citationOutdated(law, '2023-07-20')).toBe(true);
    expect(citationOutdated(law, '2023-07-19')).toBe(false);
  });
  it('short titles drop 中华人民共和国', () => {
    expect(defaultShortTitle('中华人民共和国道路运输条例')).toBe('道路运输条例');
    expect(defaultShortTitle('示例省道路运输条例')).toBe('示例省道路运输条例');
  });
});

describe('P3: article numbers', () => {
  it.each([
    ['十', 10],
    ['四十四', 44],
    ['一百零一', 101],
    ['一百二十', 120],
    ['两千零二', 2002],
    ['63', 63],
  ])('%s is %i', (text, value) => {
    expect(chineseNumber(text)).toBe(value);
  });
  it.each(['', '零', '四四', 'abc'])('%s is not a number', (text) => {
    expect(chineseNumber(text)).toBeNull();
  });
  it('ordinals sort 之一 between its neighbours and give page anchors', () => {
    expect(articleOrdinal('第四十四条')).toBe(4400);
    expect(articleOrdinal('第一百二十条之一')).toBe(12001);
    expect(articleOrdinal('第四十四款')).toBeNull();
    expect(articleAnchor(4400)).toBe('article-44');
    expect(articleAnchor(12001)).toBe('article-120-1');
  });
});

describe('P3: splitting pasted statute text into articles', () => {
  it('splits at 第…条, keeps paragraphs, skips title and chapter headings', () => {
    const text = [
      '中华人民共和国行政强制法',
      '第一章　总则',
      '第一条　为了规范行政强制的设定和实施，',
      '保障和监督行政机关依法履行职责。',
      '',
      '第二条 本法所称行政强制。',
      '第二章 行政强制的种类和设定',
      '第二条之一',
      '插入的条文。',
    ].join('\r\n');
    const split = splitArticles(text);
    expect(split.problems).toEqual([]);
    expect(split.articles).toEqual([
      {
        number: '第一条',
        ordinal: 100,
        text: '为了规范行政强制的设定和实施，\n保障和监督行政机关依法履行职责。',
      },
      { number: '第二条', ordinal: 200, text: '本法所称行政强制。' },
      { number: '第二条之一', ordinal: 201, text: '插入的条文。' },
    ]);
    expect(split.skipped).toEqual([
      '中华人民共和国行政强制法',
      '第一章　总则',
      '第二章 行政强制的种类和设定',
    ]);
  });
  it('reports a repeated number and an empty article', () => {
    const split = splitArticles('第一条 甲\n第一条 乙\n第二条');
    expect(split.problems).toEqual(['第二条没有条文内容', '条号重复：第一条']);
  });
});

describe('P3: citations as text', () => {
  it('reads several articles of several texts', () => {
    const parsed = parseCitations('《道路运输条例》第五十九条、第六十条；《行政强制法》第二十五条');
    expect(parsed.problems).toEqual([]);
    expect(parsed.groups).toEqual([
      { title: '道路运输条例', effectiveOn: null, numbers: ['第五十九条', '第六十条'] },
      { title: '行政强制法', effectiveOn: null, numbers: ['第二十五条'] },
    ]);
  });
  it('reads the effective date that picks one revision of a title', () => {
    const parsed = parseCitations('《道路运输条例》（2022-05-01施行）第五十九条');
    expect(parsed.groups[0]).toEqual({
      title: '道路运输条例',
      effectiveOn: '2022-05-01',
      numbers: ['第五十九条'],
    });
  });
  it.each([
    ['', '未填写依据'],
    ['道路运输条例第六十三条', '应写作《法规名称》第…条，如《道路运输条例》第六十三条'],
    ['《道路运输条例》', '《道路运输条例》后缺少条号（如：第六十三条）'],
    ['《道路运输条例》第六十三条第一款', '《道路运输条例》后有无法识别的内容：“第一款”'],
    ['依据《道路运输条例》第六十三条', '无法识别：“依据”'],
  ])('names the problem in %s', (text, problem) => {
    expect(parseCitations(text).problems).toContain(problem);
  });
  it('formats what it reads', () => {
    const text = formatCitations([
      { shortTitle: '道路运输条例', number: '第五十九条' },
      { shortTitle: '道路运输条例', number: '第六十条' },
      { shortTitle: '行政强制法', number: '第二十五条' },
      { shortTitle: '道路运输条例', number: '第五十九条', effectiveOn: '2022-05-01' },
    ]);
    expect(text).toBe(
      '《道路运输条例》第五十九条、第六十条；《行政强制法》第二十五条；《道路运输条例》（2022-05-01施行）第五十九条',
    );
    expect(parseCitations(text).problems).toEqual([]);
  });
});
