import type { listAgencies } from '../modules/agencies/service.js';
import { CertificateCheckForm } from './officers.js';

type Agency = Awaited<ReturnType<typeof listAgencies>>[number];

const levelLabels: Record<string, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇',
};

/** Agencies in tree order: each followed by the agencies below it. */
function treeOrder(agencies: Agency[]): { agency: Agency; depth: number }[] {
  const children = new Map<string | null, Agency[]>();
  for (const agency of agencies) {
    const key = agencies.some((a) => a.id === agency.parentId) ? agency.parentId : null;
    children.set(key, [...(children.get(key) ?? []), agency]);
  }
  const ordered: { agency: Agency; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const agency of children.get(parent) ?? []) {
      ordered.push({ agency, depth });
      visit(agency.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

export function HomePage({ agencies }: { agencies: Agency[] }) {
  return (
    <>
      <h1>行政执法公示</h1>
      <p className="lead">公开行政执法主体、人员、职责、依据、程序和结果，接受社会监督。谁执法谁公示。</p>
      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">执法人员与证件核验</h2>
        <p>
          <a href="/officers">行政执法人员名单</a>
          ：按姓名、单位或证件编号查询持有有效行政执法证件的执法人员。
        </p>
        <CertificateCheckForm />
      </section>
      <section aria-labelledby="prior-heading">
        <h2 id="prior-heading">事前公开</h2>
        <ul className="link-list">
          <li>
            <a href="/items">行政执法事项清单（权责清单）</a>
            ：各执法机关的执法事项、类型、设定和实施依据、职责及承办机构，可按名称、编码或依据查询。
          </li>
          <li>
            <a href="/laws">法律法规</a>：执法依据的法律、法规、规章及其条文。
          </li>
          <li>
            <a href="/guides">服务指南</a>
            ：行政许可等依申请事项的依据、条件、材料、流程、时限、收费和联系方式。
          </li>
          <li>
            <a href="/flowcharts">执法流程图</a>：行政许可、行政处罚、行政强制、行政检查、行政征收的办理流程。
          </li>
          <li>
            <a href="/inspections">随机抽查事项清单</a>
            ：“双随机、一公开”的检查主体、依据、对象、内容、比例、方式和频次。
          </li>
          <li>
            <a href="/benchmarks">行政处罚裁量基准</a>：按违法情节细化的处罚幅度。
          </li>
          <li>
            <a href="/exemptions">轻微违法行为免罚清单</a>：首违不罚、轻微不罚、无主观过错不罚的情形和条件。
          </li>
        </ul>
      </section>
      <h2 id="agencies-heading">行政执法主体</h2>
      {agencies.length === 0 ? (
        <p>暂无公示的行政执法主体。</p>
      ) : (
        <ul className="cards" aria-labelledby="agencies-heading">
          {treeOrder(agencies).map(({ agency }) => (
            <li className="card" key={agency.id}>
              <h3>
                <a href={`/agencies/${agency.id}`}>{agency.name}</a>
                <span className="tag">{levelLabels[agency.level] ?? agency.level}</span>
              </h3>
              <dl>
                <dt>信用代码</dt>
                <dd className="code">{agency.creditCode}</dd>
                <dt>行政区划代码</dt>
                <dd>{agency.regionCode}</dd>
                <dt>执法领域</dt>
                <dd>{agency.domain}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
