/**
 * Public pages of 执法主体 (P2 事前公开), their 法制审核人员 (P7, L2) and their
 * 窗口公示牌 (P8). Plain server-rendered HTML; the window boards print one board
 * per A4 page.
 */
import type { ReactNode } from 'react';
import type { Segment } from '../modules/agency-profiles/citations.js';
import type { AgencyProfile } from '../modules/agency-profiles/service.js';
import type { PublishedReviewer } from '../modules/reviewers/service.js';
import type { WindowBoard } from '../modules/window-boards/service.js';

const levelLabels: Record<string, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇',
};

/** Free text as paragraphs: one per line the editor typed. */
function Paragraphs({ text, empty = '未公示' }: { text: string; empty?: string }) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return <p className="hint">{empty}</p>;
  return (
    <>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered.
        <p key={i}>{line}</p>
      ))}
    </>
  );
}

const orNotShown = (value: string): ReactNode => value || <span className="hint">未公示</span>;

export function AgenciesPage({ agencies }: { agencies: AgencyProfile[] }) {
  return (
    <>
      <h1>行政执法主体</h1>
      <p className="lead">
        公开各行政执法主体的名称、职责、执法依据、办公地址和电话，以及监督和救济渠道。点击名称查看详情。
      </p>
      {agencies.length === 0 ? (
        <p>暂无公示的行政执法主体。</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">行政执法主体名单</caption>
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">层级</th>
                <th scope="col">执法领域</th>
                <th scope="col">统一社会信用代码</th>
                <th scope="col">办公电话</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((agency) => (
                <tr key={agency.id}>
                  <th scope="row">
                    <a href={`/agencies/${agency.id}`}>{agency.name}</a>
                  </th>
                  <td>{levelLabels[agency.level] ?? agency.level}</td>
                  <td>{agency.domain}</td>
                  <td className="code">{agency.creditCode}</td>
                  <td>{agency.phone || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The legal basis, a paragraph per line, with citations of texts in the law library linked. */
function Basis({ lines }: { lines: Segment[][] }) {
  if (lines.length === 0) return <p className="hint">未公示</p>;
  return (
    <>
      {lines.map((segments, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered.
        <p key={i}>
          {segments.map((segment, j) =>
            segment.href ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered.
              <a key={j} href={segment.href}>
                {segment.text}
              </a>
            ) : (
              segment.text
            ),
          )}
        </p>
      ))}
    </>
  );
}

export interface AgencyPageProps {
  agency: AgencyProfile;
  /** The legal basis split into lines, citations linked (see linkCitations). */
  basis: Segment[][];
  /** The justice bureau(s) supervising it, from agency_supervision. */
  supervisors: string[];
  reviewers: number;
  windows: number;
}

export function AgencyPage({ agency, basis, supervisors, reviewers, windows }: AgencyPageProps) {
  const officersLink = `/officers?${new URLSearchParams({ q: agency.name })}`;
  return (
    <>
      <p className="crumbs no-print">
        <a href="/agencies">行政执法主体</a> › {agency.name}
      </p>
      <h1>{agency.name}</h1>
      <dl className="facts">
        <dt>统一社会信用代码</dt>
        <dd className="code">{agency.creditCode}</dd>
        <dt>层级</dt>
        <dd>{levelLabels[agency.level] ?? agency.level}</dd>
        <dt>执法领域</dt>
        <dd>{agency.domain}</dd>
        <dt>行政区划代码</dt>
        <dd>{agency.regionCode}</dd>
        {agency.parent ? (
          <>
            <dt>上级机关</dt>
            <dd>
              <a href={`/agencies/${agency.parent.id}`}>{agency.parent.name}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="links-heading" className="no-print">
        <h2 id="links-heading">本机关公示信息</h2>
        <ul className="link-list">
          <li>
            <a href={officersLink}>行政执法人员名单</a>
            <p>本机关持有有效行政执法证件的执法人员，可核验证件。</p>
          </li>
          <li>
            <a href={`/items?${new URLSearchParams({ agency: agency.id })}`}>行政执法事项清单</a>
            <p>本机关的行政执法事项（权责清单）：名称、类型、依据和职责。</p>
          </li>
          <li>
            <a href={`/agencies/${agency.id}/reviewers`}>法制审核人员名单</a>
            <p>负责重大执法决定法制审核的人员（{reviewers} 名）。</p>
          </li>
          <li>
            <a href={`/agencies/${agency.id}/windows`}>窗口公示</a>
            <p>服务窗口的工作人员、服务事项、办公时间和电话（{windows} 个窗口），可打印。</p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="basis-heading">
        <h2 id="basis-heading">执法依据</h2>
        <Basis lines={basis} />
      </section>
      <section aria-labelledby="duties-heading">
        <h2 id="duties-heading">主要职责</h2>
        <Paragraphs text={agency.duties} />
      </section>
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">办公地址和时间</h2>
        <dl className="facts">
          <dt>办公地址</dt>
          <dd>{orNotShown(agency.address)}</dd>
          <dt>办公电话</dt>
          <dd>{orNotShown(agency.phone)}</dd>
          <dt>办公时间</dt>
          <dd>{orNotShown(agency.officeHours)}</dd>
        </dl>
      </section>
      <section aria-labelledby="supervision-heading">
        <h2 id="supervision-heading">监督渠道</h2>
        <p>对本机关及其执法人员的执法行为有意见或投诉举报，可通过以下渠道反映：</p>
        <dl className="facts">
          <dt>监督电话</dt>
          <dd>{orNotShown(agency.supervisionPhone)}</dd>
          <dt>监督邮箱</dt>
          <dd>
            {agency.supervisionEmail ? (
              <a href={`mailto:${agency.supervisionEmail}`}>{agency.supervisionEmail}</a>
            ) : (
              orNotShown('')
            )}
          </dd>
          {supervisors.length ? (
            <>
              <dt>行政执法监督机关</dt>
              <dd>{supervisors.join('、')}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="remedy-heading">
        <h2 id="remedy-heading">救济渠道</h2>
        <p>
          {
            '公民、法人或者其他组织认为本机关的行政行为侵犯其合法权益的，可以自知道该行政行为之日起六十日内申请行政复议，或者自知道或者应当知道作出行政行为之日起六个月内提起行政诉讼（法律另有规定的除外）。'
          }
        </p>
        <dl className="facts">
          <dt>行政复议机关</dt>
          <dd>{orNotShown(agency.reconsiderationBody)}</dd>
          <dt>行政诉讼管辖法院</dt>
          <dd>{orNotShown(agency.litigationCourt)}</dd>
        </dl>
      </section>
    </>
  );
}

export function ReviewersPage({
  agency,
  reviewers,
}: {
  agency: AgencyProfile;
  reviewers: PublishedReviewer[];
}) {
  return (
    <>
      <p className="crumbs no-print">
        <a href="/agencies">行政执法主体</a> › <a href={`/agencies/${agency.id}`}>{agency.name}</a> ›
        法制审核人员
      </p>
      <h1>{agency.name}法制审核人员</h1>
      <p className="lead">
        重大执法决定作出前须经法制审核。以下人员负责本机关的法制审核工作（法律顾问、公职律师可参与审核）。
      </p>
      {reviewers.length === 0 ? (
        <p>暂无公示的法制审核人员。</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{agency.name}法制审核人员名单</caption>
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">单位</th>
                <th scope="col">职务</th>
                <th scope="col">类别</th>
                <th scope="col">资格</th>
              </tr>
            </thead>
            <tbody>
              {reviewers.map((r) => (
                <tr key={`${r.name}-${r.unit}-${r.position}`}>
                  <th scope="row">{r.name}</th>
                  <td>
                    {agency.name}
                    {r.unit ? ` ${r.unit}` : ''}
                  </td>
                  <td>{r.position || '—'}</td>
                  <td>{r.membership}</td>
                  <td>{r.qualification || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** A4 portrait, one board per page; type sizes in points so the printout reads from a step away. */
export const windowBoardPrintCss = `
.board{background:#fff;border:2px solid var(--brand);border-radius:6px;padding:1rem 1.25rem;margin:0 0 1.5rem}
.board h2{border:0;padding:0;margin:0 0 .25rem;font-size:1.5em;color:var(--brand)}
.board .board-agency{margin:0;color:var(--muted)}
.board h3{font-size:1.1em;margin:1rem 0 .4rem}
.board .services{margin:0;padding-left:1.4rem}
.board .board-facts{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem;margin:0}
.board .board-facts dd{margin:0}
.board .board-phone{font-size:1.2em;font-weight:700}
@page{size:A4 portrait;margin:12mm}
@media print{
  .board{border:3px solid #000;border-radius:0;margin:0;padding:10mm;min-height:272mm;break-after:page;page-break-after:always;font-size:14pt;box-shadow:none}
  .board:last-of-type{break-after:auto;page-break-after:auto}
  .board h2{font-size:26pt;color:#000}
  .board h3{font-size:16pt}
  .board table{font-size:13pt}
  .board th,.board td{border-color:#000}
  .board .board-phone{font-size:18pt}
  h1,.lead{display:none}
}
`;

export function WindowsPage({ agency, boards }: { agency: AgencyProfile; boards: WindowBoard[] }) {
  return (
    <>
      <p className="crumbs no-print">
        <a href="/agencies">行政执法主体</a> › <a href={`/agencies/${agency.id}`}>{agency.name}</a> › 窗口公示
      </p>
      <h1>{agency.name}窗口公示</h1>
      <p className="lead">
        各服务窗口的工作人员、执法类别、服务事项、办公时间和咨询电话。
        <span className="no-print">本页可直接使用浏览器的“打印”功能打印，每个窗口一页（A4）。</span>
      </p>
      {boards.length === 0 ? <p>暂无公示的服务窗口。</p> : null}
      {boards.map((board) => (
        <section className="board" key={board.id} aria-labelledby={`board-${board.id}`}>
          <h2 id={`board-${board.id}`}>{board.name}</h2>
          <p className="board-agency">
            {agency.name}
            {board.unit ? ` · ${board.unit.name}` : ''}
          </p>
          <dl className="board-facts">
            <dt>执法类别</dt>
            <dd>{board.enforcementTypeLabels.join('、')}</dd>
            <dt>办公时间</dt>
            <dd>{board.officeHours}</dd>
            <dt>咨询电话</dt>
            <dd className="board-phone">{board.phone}</dd>
            {board.location ? (
              <>
                <dt>窗口位置</dt>
                <dd>{board.location}</dd>
              </>
            ) : null}
          </dl>
          <h3>服务事项</h3>
          <ol className="services">
            {board.services.map((service) => (
              <li key={service}>{service}</li>
            ))}
          </ol>
          <h3>在岗工作人员</h3>
          {board.staff.length === 0 ? (
            <p>—</p>
          ) : (
            <table>
              <caption className="visually-hidden">{board.name}在岗工作人员</caption>
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">职务</th>
                  <th scope="col">岗位</th>
                </tr>
              </thead>
              <tbody>
                {board.staff.map((s) => (
                  <tr key={s.personId}>
                    <th scope="row">{s.name}</th>
                    <td>{s.position || '—'}</td>
                    <td>{s.duty || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {agency.supervisionPhone ? (
            <p>
              监督电话：<strong>{agency.supervisionPhone}</strong>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
