/**
 * Public pages of 行政执法人员 (P7) and the certificate check (P8). Status is
 * always words and a symbol, never colour alone; forms are plain GET forms.
 */
import {
  officersPageSize,
  type PublishedOfficer,
  type VerifiedCertificate,
} from '../modules/certificates/public.js';

const statusSymbols: Record<VerifiedCertificate['status'], string> = {
  valid: '✔',
  notYetValid: '✖',
  expired: '✖',
  suspended: '✖',
  revoked: '✖',
};

export function CertificateCheckForm({ value = '' }: { value?: string }) {
  return (
    <form method="get" action="/certificates" className="search">
      <label htmlFor="certificate-number">证件编号</label>
      <input
        id="certificate-number"
        name="number"
        type="text"
        inputMode="text"
        autoComplete="off"
        maxLength={40}
        defaultValue={value}
        required
        aria-describedby="certificate-number-hint"
      />
      <button type="submit">核验证件</button>
      <p id="certificate-number-hint" className="hint">
        输入执法人员出示的行政执法证件上的编号，或用手机扫描证件上的二维码。
      </p>
    </form>
  );
}

export function OfficersPage({
  q,
  page,
  total,
  items,
  today,
}: {
  q: string;
  page: number;
  total: number;
  items: PublishedOfficer[];
  today: string;
}) {
  const pages = Math.max(1, Math.ceil(total / officersPageSize));
  const link = (target: number) =>
    `/officers?${new URLSearchParams({ ...(q && { q }), page: String(target) })}`;
  return (
    <>
      <h1>行政执法人员</h1>
      <p className="lead">
        以下是截至 {today}{' '}
        持有有效行政执法证件的执法人员。执法人员执法时应主动出示证件；您可以核验证件真伪和状态。
      </p>
      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">证件核验</h2>
        <CertificateCheckForm />
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">执法人员名单</h2>
        <search aria-label="查询执法人员">
          <form method="get" action="/officers" className="search">
            <label htmlFor="officer-search">姓名、单位或证件编号</label>
            <input id="officer-search" name="q" type="search" maxLength={50} defaultValue={q} />
            <button type="submit">查询</button>
          </form>
        </search>
        <p role="status">
          {q ? `“${q}”的查询结果：` : ''}共 {total} 名执法人员
          {pages > 1 ? `，第 ${page} / ${pages} 页` : ''}。
        </p>
        {items.length === 0 ? (
          <p>
            {q
              ? '没有找到符合条件的执法人员，请换个关键词，或直接输入证件编号核验。'
              : '暂无公示的执法人员。'}
          </p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">持有有效行政执法证件的执法人员</caption>
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">执法机关及机构</th>
                  <th scope="col">职务</th>
                  <th scope="col">证件编号</th>
                  <th scope="col">执法类别</th>
                  <th scope="col">执法区域</th>
                </tr>
              </thead>
              <tbody>
                {items.map((officer) => (
                  <tr key={officer.number}>
                    <th scope="row">{officer.name}</th>
                    <td>
                      {officer.agency}
                      {officer.unit ? ` ${officer.unit}` : ''}
                    </td>
                    <td>{officer.position || '—'}</td>
                    <td className="code">
                      <a href={`/certificates/${encodeURIComponent(officer.number)}`}>{officer.number}</a>
                    </td>
                    <td>{officer.categories.join('、')}</td>
                    <td>{officer.region}</td>
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
      </section>
    </>
  );
}

const statusExplanations: Record<VerifiedCertificate['statusReason'], string> = {
  valid: '该证件有效：持证人可以在证件载明的执法类别和区域内从事行政执法活动。',
  notYetValid: '该证件尚未生效，目前不能用于执法。',
  expired: '该证件已超过有效期，不能用于执法。',
  annualCheckOverdue: '该证件逾期未通过年审，暂停使用，不能用于执法。',
  suspended: '该证件已被暂扣，持证人暂停执法资格，不能用于执法。',
  revoked: '该证件已被吊销，不能用于执法。',
  cancelled: '该证件已注销，持证人已不在执法岗位，不能用于执法。',
};

export function CertificatePage({
  certificate,
  checkedAt,
}: {
  certificate: VerifiedCertificate;
  checkedAt: string;
}) {
  const valid = certificate.status === 'valid';
  return (
    <>
      <h1>行政执法证件核验</h1>
      <div className={`verdict ${valid ? 'verdict-valid' : 'verdict-invalid'}`} role="status">
        <p className="verdict-label">
          <span aria-hidden="true">{statusSymbols[certificate.status]} </span>
          证件状态：<strong>{certificate.statusLabel}</strong>
        </p>
        <p>{statusExplanations[certificate.statusReason]}</p>
      </div>
      <dl className="facts">
        <dt>证件编号</dt>
        <dd className="code">{certificate.number}</dd>
        <dt>姓名</dt>
        <dd>{certificate.name}</dd>
        <dt>执法机关</dt>
        <dd>
          {certificate.agency}
          {certificate.unit ? ` ${certificate.unit}` : ''}
        </dd>
        <dt>执法类别</dt>
        <dd>{certificate.categories.join('、')}</dd>
        <dt>执法区域</dt>
        <dd>{certificate.region}</dd>
        <dt>有效期</dt>
        <dd>
          {certificate.validFrom} 至 {certificate.validTo}
        </dd>
        <dt>发证机关</dt>
        <dd>{certificate.issuingAuthority}</dd>
        <dt>核验时间</dt>
        <dd>{checkedAt}</dd>
      </dl>
      <p>
        如对执法人员的证件或执法行为有疑问，可向其所属执法机关或上级司法行政部门反映。
        <a href="/officers">查看全部执法人员</a>
      </p>
      <h2 id="verify-heading">核验其他证件</h2>
      <CertificateCheckForm />
    </>
  );
}

export function CertificateNotFoundPage({ number }: { number: string }) {
  return (
    <>
      <h1>行政执法证件核验</h1>
      <div className="verdict verdict-invalid" role="status">
        <p className="verdict-label">
          <span aria-hidden="true">✖ </span>
          <strong>未查询到该证件</strong>
        </p>
        <p>
          {number ? (
            <>
              没有编号为 <span className="code">{number}</span> 的行政执法证件。
            </>
          ) : (
            '请输入证件编号。'
          )}
          请核对编号后重试；如有人持无法核验的证件执法，可向当地司法行政部门反映。
        </p>
      </div>
      <h2 id="verify-heading">重新核验</h2>
      <CertificateCheckForm value={number} />
    </>
  );
}
