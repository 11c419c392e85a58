/**
 * Public pages of the 事前公开 lists (P2, P12): 服务指南 (P5, each printable on
 * its own page), 随机抽查事项清单 (P4), 行政处罚裁量基准 (X4) and 免罚清单 (Q8).
 * Plain GET search forms, tables with captions and header cells, no JavaScript.
 */
import { shanghaiDateOf } from '@zhifa/core';
import type { ReactNode } from 'react';
import type { ListContent } from '../modules/lists/kinds.js';
import { type PublishedEntry, publicPageSize } from '../modules/lists/public.js';

export interface ListPageProps {
  q: string;
  page: number;
  total: number;
  items: PublishedEntry[];
}

function SearchForm({ action, q, label, id }: { action: string; q: string; label: string; id: string }) {
  return (
    <search aria-label={`查询${label}`}>
      <form method="get" action={action} className="search no-print">
        <label htmlFor={id}>关键词</label>
        <input id={id} name="q" type="search" maxLength={50} defaultValue={q} />
        <button type="submit">查询</button>
      </form>
    </search>
  );
}

function Summary({ q, total, page, noun }: { q: string; total: number; page: number; noun: string }) {
  const pages = Math.max(1, Math.ceil(total / publicPageSize));
  return (
    <p role="status">
      {q ? `“${q}”的查询结果：` : ''}共 {total} 项{noun}
      {pages > 1 ? `，第 ${page} / ${pages} 页` : ''}。
    </p>
  );
}

function Pager({ path, q, page, total }: { path: string; q: string; page: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / publicPageSize));
  if (pages <= 1) return null;
  const link = (target: number) =>
    `${path}?${new URLSearchParams({ ...(q && { q }), page: String(target) })}`;
  return (
    <nav aria-label="分页" className="pager no-print">
      {page > 1 ? <a href={link(page - 1)}>上一页</a> : null}
      {page < pages ? <a href={link(page + 1)}>下一页</a> : null}
    </nav>
  );
}

function Empty({ q, noun }: { q: string; noun: string }) {
  return <p>{q ? `没有找到符合条件的${noun}，请换个关键词。` : `暂无公示的${noun}。`}</p>;
}

const publishedOn = (entry: PublishedEntry) => (entry.publishedAt ? shanghaiDateOf(entry.publishedAt) : '');

/** The text basis as published, then the cited articles of the law library. */
function Basis({ text, citations }: { text: string; citations: string }) {
  return (
    <>
      <Paragraphs text={text} />
      {citations ? <p className="citations">引用条文：{citations}</p> : null}
    </>
  );
}

/** Line breaks in a field are paragraphs. */
function Paragraphs({ text }: { text: string }) {
  const lines = text.split(/\n+/).filter((line) => line.trim());
  if (lines.length <= 1) return <>{text}</>;
  return (
    <>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered.
        <p key={index}>{line}</p>
      ))}
    </>
  );
}

function Correction({ entry }: { entry: PublishedEntry }) {
  return (
    <p className="meta">
      {entry.agency} · 第 {entry.version} 版 · {publishedOn(entry)} 发布
      {entry.correctionNote ? `（更正：${entry.correctionNote}）` : ''}
    </p>
  );
}

/** A list page: its introduction, search, count, the entries (or why there are none) and the pager. */
function ListFrame({
  list: { q, page, total, items },
  title,
  intro,
  path,
  noun,
  search,
  children,
}: {
  list: ListPageProps;
  title: string;
  intro: string;
  path: string;
  noun: string;
  search: { label: string; id: string };
  children: ReactNode;
}) {
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      <SearchForm action={path} q={q} label={search.label} id={search.id} />
      <Summary q={q} total={total} page={page} noun={noun} />
      {items.length === 0 ? <Empty q={q} noun={noun} /> : children}
      <Pager path={path} q={q} page={page} total={total} />
    </>
  );
}

// 服务指南 (P5)

export function GuidesPage(list: ListPageProps) {
  return (
    <ListFrame
      list={list}
      title="服务指南"
      intro="行政许可等依申请办理事项的办事指南：办理依据、受理和决定机构、申请条件、申请材料、办理流程、办理时限、收费、监督和救济途径。每份指南可单独打印。"
      path="/guides"
      noun="服务指南"
      search={{ label: '服务指南', id: 'guide-search' }}
    >
      <ul className="cards">
        {list.items.map((entry) => {
          const c = entry.content as ListContent<'serviceGuide'>;
          return (
            <li className="card" key={entry.id}>
              <h2 className="card-title">
                <a href={`/guides/${entry.id}`}>{entry.title}</a>
              </h2>
              <dl>
                <dt>实施机关</dt>
                <dd>{entry.agency}</dd>
                <dt>受理机构</dt>
                <dd>{c.acceptingBody}</dd>
                <dt>承诺时限</dt>
                <dd>{c.promisedLimitDays} 个工作日</dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </ListFrame>
  );
}

export function GuidePage({ entry }: { entry: PublishedEntry }) {
  const c = entry.content as ListContent<'serviceGuide'>;
  return (
    <article className="guide">
      <p className="crumbs no-print">
        <a href="/guides">服务指南</a> › {entry.title}
      </p>
      <h1>{entry.title}服务指南</h1>
      <Correction entry={entry} />
      <dl className="facts">
        <dt>事项名称</dt>
        <dd>
          {entry.title}
          {entry.enforcementItem ? `（权责清单事项 ${entry.enforcementItem.code}）` : ''}
        </dd>
        <dt>实施机关</dt>
        <dd>{entry.agency}</dd>
        <dt>设定依据</dt>
        <dd>
          <Basis text={c.basis} citations={entry.citations} />
        </dd>
        <dt>受理机构</dt>
        <dd>{c.acceptingBody}</dd>
        <dt>决定机构</dt>
        <dd>{c.approvingBody}</dd>
        <dt>申请条件</dt>
        <dd>
          <Paragraphs text={c.conditions} />
        </dd>
      </dl>
      <h2 id="materials-heading">申请材料</h2>
      <div className="table-wrap">
        <table aria-labelledby="materials-heading">
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">材料名称</th>
              <th scope="col">原件</th>
              <th scope="col">复印件</th>
              <th scope="col">备注</th>
            </tr>
          </thead>
          <tbody>
            {c.materials.map((material, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a published version never changes.
              <tr key={`${index}-${material.name}`}>
                <td>{index + 1}</td>
                <th scope="row">{material.name}</th>
                <td>{material.originals ? `${material.originals} 份` : '—'}</td>
                <td>{material.copies ? `${material.copies} 份` : '—'}</td>
                <td>{material.note || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>办理流程</h2>
      <ol className="steps">
        {c.steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a published version never changes.
          <li key={`${index}-${step.name}`}>
            <strong>{step.name}</strong>
            {step.description ? `：${step.description}` : ''}
          </li>
        ))}
      </ol>
      <h2>办理时限、收费与联系方式</h2>
      <dl className="facts">
        <dt>法定办结时限</dt>
        <dd>{c.statutoryLimitDays} 个工作日</dd>
        <dt>承诺办结时限</dt>
        <dd>
          {c.promisedLimitDays} 个工作日{c.limitNote ? `（${c.limitNote}）` : ''}
        </dd>
        <dt>收费标准</dt>
        <dd>{c.fees}</dd>
        <dt>办公时间</dt>
        <dd>{c.officeHours}</dd>
        <dt>办公地址</dt>
        <dd>{c.address}</dd>
        <dt>咨询电话</dt>
        <dd className="code">{c.phone}</dd>
      </dl>
      <h2>监督与救济</h2>
      <dl className="facts">
        <dt>监督投诉</dt>
        <dd>
          <Paragraphs text={c.supervision} />
        </dd>
        <dt>责任追究</dt>
        <dd>
          <Paragraphs text={c.accountability} />
        </dd>
        <dt>救济途径</dt>
        <dd>
          <Paragraphs text={c.remedies} />
        </dd>
      </dl>
      <p className="no-print hint">本页可直接使用浏览器的“打印”功能打印，打印时不含导航栏。</p>
    </article>
  );
}

// 随机抽查事项清单 (P4, Q9)

export function InspectionsPage(list: ListPageProps) {
  return (
    <ListFrame
      list={list}
      title="随机抽查事项清单"
      intro="“双随机、一公开”：随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。下列为各执法机关的随机抽查事项，包括检查主体、依据、对象、内容、抽查比例、方式和频次。"
      path="/inspections"
      noun="随机抽查事项"
      search={{ label: '随机抽查事项', id: 'inspection-search' }}
    >
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">随机抽查事项清单</caption>
          <thead>
            <tr>
              <th scope="col">抽查事项</th>
              <th scope="col">检查主体</th>
              <th scope="col">抽查依据</th>
              <th scope="col">检查对象</th>
              <th scope="col">检查内容</th>
              <th scope="col">抽查比例</th>
              <th scope="col">检查方式</th>
              <th scope="col">抽查频次</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((entry) => {
              const c = entry.content as ListContent<'inspectionItem'>;
              return (
                <tr key={entry.id} id={`item-${entry.id}`}>
                  <th scope="row">
                    {entry.title}
                    <span className="meta">
                      {' '}
                      第 {entry.version} 版 · {publishedOn(entry)} 发布
                    </span>
                  </th>
                  <td>{c.inspectingBody}</td>
                  <td>
                    <Basis text={c.basis} citations={entry.citations} />
                  </td>
                  <td>{c.targets}</td>
                  <td>
                    <Paragraphs text={c.inspectionContent} />
                  </td>
                  <td className="code">{c.samplingRatioPercent}%</td>
                  <td>{(entry.labels.methodLabels ?? []).join('、')}</td>
                  <td>{c.frequency}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ListFrame>
  );
}

// 行政处罚裁量基准 (X4)

export function BenchmarksPage(list: ListPageProps) {
  return (
    <ListFrame
      list={list}
      title="行政处罚裁量基准"
      intro="依据《中华人民共和国行政处罚法》第三十四条公布的行政处罚裁量基准：按违法行为的情节（轻微、一般、较重、严重）细化处罚幅度。执法人员办理案件时按认定的情节在对应幅度内裁量。"
      path="/benchmarks"
      noun="裁量基准"
      search={{ label: '裁量基准', id: 'benchmark-search' }}
    >
      {list.items.map((entry) => {
        const c = entry.content as ListContent<'discretionBenchmark'>;
        const headingId = `benchmark-${entry.id}`;
        return (
          <section key={entry.id} className="entry" aria-labelledby={headingId}>
            <h2 id={headingId}>{entry.title}</h2>
            <Correction entry={entry} />
            <dl className="facts">
              <dt>违反条款</dt>
              <dd>{c.violatedProvision}</dd>
              <dt>处罚依据</dt>
              <dd>
                <Basis text={c.penaltyProvision} citations={entry.citations} />
              </dd>
              <dt>法定处罚</dt>
              <dd>{c.statutoryPenalty}</dd>
            </dl>
            <div className="table-wrap">
              <table>
                <caption>{entry.title}：裁量幅度</caption>
                <thead>
                  <tr>
                    <th scope="col">情节</th>
                    <th scope="col">适用情形</th>
                    <th scope="col">罚款幅度</th>
                    <th scope="col">其他处罚或措施</th>
                  </tr>
                </thead>
                <tbody>
                  {c.circumstances.map((circumstance, index) => (
                    <tr key={circumstance.level}>
                      <th scope="row">{entry.labels.circumstanceLabels?.[index]?.label}</th>
                      <td>{circumstance.description}</td>
                      <td>{entry.labels.circumstanceLabels?.[index]?.fineRange}</td>
                      <td>{circumstance.otherMeasures || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {c.note ? <p>说明：{c.note}</p> : null}
          </section>
        );
      })}
    </ListFrame>
  );
}

// 免罚清单 (Q8)

export function ExemptionsPage(list: ListPageProps) {
  return (
    <ListFrame
      list={list}
      title="轻微违法行为免罚清单"
      intro="依据《中华人民共和国行政处罚法》第三十三条：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚；当事人有证据足以证明没有主观过错的，不予行政处罚。对依法不予行政处罚的当事人，行政机关应当进行教育。"
      path="/exemptions"
      noun="免罚事项"
      search={{ label: '免罚清单事项', id: 'exemption-search' }}
    >
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">轻微违法行为免罚清单</caption>
          <thead>
            <tr>
              <th scope="col">违法行为</th>
              <th scope="col">违反条款</th>
              <th scope="col">不予处罚类型</th>
              <th scope="col">适用条件</th>
              <th scope="col">不予处罚依据</th>
              <th scope="col">配套措施</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((entry) => {
              const c = entry.content as ListContent<'exemption'>;
              return (
                <tr key={entry.id} id={`exemption-${entry.id}`}>
                  <th scope="row">{entry.title}</th>
                  <td>{c.violatedProvision}</td>
                  <td>{entry.labels.exemptionKindLabel}</td>
                  <td>
                    <Paragraphs text={c.conditions} />
                  </td>
                  <td>
                    <Basis text={c.exemptionBasis} citations={entry.citations} />
                  </td>
                  <td>{c.measures}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ListFrame>
  );
}
