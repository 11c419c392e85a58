/**
 * Public pages of the power list (P3, P12) and the law library: plain GET
 * search forms that work without JavaScript, citations that link to the
 * article's anchor on the law page, status in words (never colour alone).
 */
import {
  type EnforcementItemType,
  enforcementItemTypeLabels,
  enforcementItemTypes,
  formatFineRange,
  penaltyKindLabels,
} from '@zhifa/core';
import type { PresentedBasis } from '../modules/enforcement-items/presenter.js';
import {
  type PublishedItem,
  type PublishedItemDetail,
  publishedItemsPageSize,
} from '../modules/enforcement-items/public.js';
import type { PresentedArticle, PresentedLaw } from '../modules/laws/presenter.js';

const shanghaiDay = (at: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(at);

/** Paragraphs of an article, keyed by where they start in the text. */
function Paragraphs({ text }: { text: string }) {
  const parts: { at: number; line: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    parts.push({ at, line });
    at += line.length + 1;
  }
  return (
    <>
      {parts.map((part) => (
        <p key={part.at}>{part.line}</p>
      ))}
    </>
  );
}

export const articleHref = (b: { law: { id: string }; anchor: string }) => `/laws/${b.law.id}#${b.anchor}`;

function Citations({ basis }: { basis: PresentedBasis }) {
  return (
    <>
      {basis.map((b, i) => (
        <span key={b.articleId}>
          {i > 0 ? '；' : ''}
          <a href={articleHref(b)}>
            《{b.law.shortTitle}》{b.number}
          </a>
          {b.outdated ? `（${b.law.statusLabel}）` : ''}
        </span>
      ))}
    </>
  );
}

export function ItemsPage({
  q,
  type,
  agencyId,
  agencies,
  page,
  total,
  items,
}: {
  q: string;
  type: EnforcementItemType | undefined;
  agencyId: string | undefined;
  agencies: { id: string; name: string }[];
  page: number;
  total: number;
  items: PublishedItem[];
}) {
  const pages = Math.max(1, Math.ceil(total / publishedItemsPageSize));
  const link = (target: number) =>
    `/items?${new URLSearchParams({
      ...(q && { q }),
      ...(type && { type }),
      ...(agencyId && { agency: agencyId }),
      page: String(target),
    })}`;
  return (
    <>
      <h1>行政执法事项清单（权责清单）</h1>
      <p className="lead">
        各行政执法机关依法公示的执法事项：事项名称、类型、设定和实施依据、职责及实施机构。清单经合法性审核后发布，法律法规修改后及时更新。
      </p>
      <search aria-label="查询执法事项">
        <form method="get" action="/items" className="search">
          <label htmlFor="item-search">事项名称、编码或依据</label>
          <input id="item-search" name="q" type="search" maxLength={50} defaultValue={q} />
          <label htmlFor="item-type">事项类型</label>
          <select id="item-type" name="type" defaultValue={type ?? ''}>
            <option value="">全部</option>
            {enforcementItemTypes.map((t) => (
              <option key={t} value={t}>
                {enforcementItemTypeLabels[t]}
              </option>
            ))}
          </select>
          {agencies.length > 1 ? (
            <>
              <label htmlFor="item-agency">执法机关</label>
              <select id="item-agency" name="agency" defaultValue={agencyId ?? ''}>
                <option value="">全部</option>
                {agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <button type="submit">查询</button>
          <p className="hint">可输入法律法规名称或条号查询，如“道路运输条例”“第六十三条”。</p>
        </form>
      </search>
      <p role="status">
        {q ? `“${q}”的查询结果：` : ''}共 {total} 项执法事项{pages > 1 ? `，第 ${page} / ${pages} 页` : ''}。
      </p>
      {items.length === 0 ? (
        <p>{q || type ? '没有找到符合条件的执法事项，请换个关键词。' : '暂无公示的执法事项。'}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">已公示的行政执法事项</caption>
            <thead>
              <tr>
                <th scope="col">事项编码</th>
                <th scope="col">事项名称</th>
                <th scope="col">类型</th>
                <th scope="col">实施主体及承办机构</th>
                <th scope="col">设定和实施依据</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="code">{item.code}</td>
                  <th scope="row">
                    <a href={`/items/${item.id}`}>{item.name}</a>
                  </th>
                  <td>{enforcementItemTypeLabels[item.type]}</td>
                  <td>
                    {item.agency}
                    {item.unit ? ` ${item.unit}` : ''}
                  </td>
                  <td>
                    <Citations basis={item.basis} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="分页" className="pager">
          {page > 1 ? <a href={link(page - 1)}>上一页</a> : null}
          {page < pages ? <a href={link(page + 1)}>下一页</a> : null}
        </nav>
      ) : null}
    </>
  );
}

export function ItemPage({ item }: { item: PublishedItemDetail }) {
  const fine = formatFineRange(item.fineMinYuan, item.fineMaxYuan);
  return (
    <>
      <p className="crumbs">
        <a href="/items">行政执法事项清单</a> › {item.code}
      </p>
      <h1>{item.name}</h1>
      <dl className="facts">
        <dt>事项编码</dt>
        <dd className="code">{item.code}</dd>
        <dt>事项类型</dt>
        <dd>{enforcementItemTypeLabels[item.type]}</dd>
        <dt>执法类别</dt>
        <dd>{item.category}</dd>
        <dt>实施主体</dt>
        <dd>{item.agency}</dd>
        <dt>承办机构</dt>
        <dd>{item.unit ?? '—'}</dd>
        <dt>版本</dt>
        <dd>
          第 {item.version} 版，{shanghaiDay(item.publishedAt)} 发布
        </dd>
        {item.correctionNote ? (
          <>
            <dt>更正说明</dt>
            <dd>{item.correctionNote}</dd>
          </>
        ) : null}
      </dl>
      <h2 id="duties">职责</h2>
      <p>{item.duties}</p>
      {item.type === 'penalty' ? (
        <>
          <h2 id="penalty">处罚种类和幅度</h2>
          <dl className="facts">
            <dt>处罚种类</dt>
            <dd>{item.penaltyKinds.map((k) => penaltyKindLabels[k]).join('、')}</dd>
            {fine ? (
              <>
                <dt>罚款幅度</dt>
                <dd>{fine}</dd>
              </>
            ) : null}
            {item.penaltyNote ? (
              <>
                <dt>说明</dt>
                <dd>{item.penaltyNote}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
      <h2 id="basis">设定和实施依据</h2>
      <ol className="link-list">
        {item.basis.map((b) => (
          <li key={b.articleId}>
            <a href={articleHref(b)}>
              《{b.law.title}》{b.number}
            </a>
            {b.outdated ? <span className="tag">{b.law.statusLabel}</span> : null}
            <blockquote className="article-text">
              <Paragraphs text={b.text} />
            </blockquote>
          </li>
        ))}
      </ol>
      {item.history.length > 0 ? (
        <>
          <h2 id="history">历次公示</h2>
          <ul>
            {item.history.map((h) => (
              <li key={h.version}>
                第 {h.version} 版：{shanghaiDay(h.publishedAt)} 发布，{shanghaiDay(h.supersededAt)} 被更正
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function ItemNotFoundPage() {
  return (
    <>
      <h1>执法事项不存在</h1>
      <p>
        该执法事项不存在，或已不在公示中。请返回<a href="/items">行政执法事项清单</a>查询。
      </p>
    </>
  );
}

export function LawsPage({ q, laws }: { q: string; laws: PresentedLaw[] }) {
  return (
    <>
      <h1>法律法规</h1>
      <p className="lead">行政执法事项所依据的法律、法规、规章和规范性文件，可按条查阅。</p>
      <search aria-label="查询法律法规">
        <form method="get" action="/laws" className="search">
          <label htmlFor="law-search">名称、制定机关或文号</label>
          <input id="law-search" name="q" type="search" maxLength={50} defaultValue={q} />
          <button type="submit">查询</button>
        </form>
      </search>
      <p role="status">
        {q ? `“${q}”的查询结果：` : ''}共 {laws.length} 部。
      </p>
      {laws.length === 0 ? (
        <p>没有找到符合条件的法律法规。</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">法律法规</caption>
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">效力层级</th>
                <th scope="col">制定机关</th>
                <th scope="col">施行日期</th>
                <th scope="col">时效性</th>
              </tr>
            </thead>
            <tbody>
              {laws.map((law) => (
                <tr key={law.id}>
                  <th scope="row">
                    <a href={`/laws/${law.id}`}>{law.title}</a>
                  </th>
                  <td>{law.kindLabel}</td>
                  <td>{law.issuingBody}</td>
                  <td className="code">{law.effectiveOn}</td>
                  <td>{law.statusLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function LawPage({
  law,
  articles,
  newer,
}: {
  law: PresentedLaw;
  articles: PresentedArticle[];
  newer: { id: string; effectiveOn: string } | null;
}) {
  return (
    <>
      <p className="crumbs">
        <a href="/laws">法律法规</a> › {law.shortTitle}
      </p>
      <h1>{law.title}</h1>
      <dl className="facts">
        <dt>效力层级</dt>
        <dd>{law.kindLabel}</dd>
        <dt>制定机关</dt>
        <dd>{law.issuingBody}</dd>
        {law.documentNumber ? (
          <>
            <dt>文号</dt>
            <dd>{law.documentNumber}</dd>
          </>
        ) : null}
        <dt>公布日期</dt>
        <dd>{law.promulgatedOn}</dd>
        <dt>施行日期</dt>
        <dd>{law.effectiveOn}</dd>
        <dt>时效性</dt>
        <dd>
          <strong>{law.statusLabel}</strong>
          {law.amendedOn ? `（${law.amendedOn} 修改）` : ''}
          {law.repealedOn ? `（${law.repealedOn} 废止）` : ''}
          {newer ? (
            <>
              {' '}
              现行文本见<a href={`/laws/${newer.id}`}>{newer.effectiveOn} 施行的文本</a>。
            </>
          ) : null}
        </dd>
        {law.note ? (
          <>
            <dt>说明</dt>
            <dd>{law.note}</dd>
          </>
        ) : null}
      </dl>
      <h2 id="articles">条文</h2>
      {articles.length === 0 ? <p>尚未收录条文。</p> : null}
      {articles.map((article) => (
        <article
          key={article.id}
          id={article.anchor}
          className="article"
          aria-labelledby={`${article.anchor}-h`}
        >
          <h3 id={`${article.anchor}-h`}>{article.number}</h3>
          <Paragraphs text={article.text} />
        </article>
      ))}
    </>
  );
}

export function LawNotFoundPage() {
  return (
    <>
      <h1>法律法规不存在</h1>
      <p>
        请返回<a href="/laws">法律法规</a>查询。
      </p>
    </>
  );
}
