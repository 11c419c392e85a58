import type { listAgencies } from '../modules/agencies/service.js';

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
      <h2 id="agencies-heading">行政执法主体</h2>
      {agencies.length === 0 ? (
        <p>暂无公示的行政执法主体。</p>
      ) : (
        <ul className="cards" aria-labelledby="agencies-heading">
          {treeOrder(agencies).map(({ agency }) => (
            <li className="card" key={agency.id}>
              <h3>
                {agency.name}
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
