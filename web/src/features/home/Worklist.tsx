/**
 * 待办 on the 工作台: what waits for the signed-in user — approvals, decisions, reviews, files to
 * archive, the own cases, those near or past their limits, publications to review — each case one
 * click from its page. Every figure comes from the server (`GET /api/me/worklist`).
 */
import { Alert, Badge, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../app/api';
import { useLoader } from '../../app/use-loader';
import type { CaseSummary } from '../cases/api';
import { DeadlineBadge } from '../cases/DeadlineBadge';

interface Section {
  id: string;
  label: string;
  total: number;
  /** Of the total, those that are work today: the rest wait on the party's period. */
  ready: number;
  items: (CaseSummary & { waitingOnParty: boolean })[];
}
interface Worklist {
  today: string;
  sections: Section[];
  publications: { kind: string; count: number }[];
}

/** Where each kind of publication is reviewed and published. */
const publicationPages: Record<string, { label: string; path: string }> = {
  enforcementItem: { label: '权责清单事项', path: '/power-list' },
  serviceGuide: { label: '服务指南', path: '/service-guides' },
  inspectionItem: { label: '随机抽查事项', path: '/inspection-items' },
  discretionBenchmark: { label: '裁量基准', path: '/discretion-benchmarks' },
  exemption: { label: '免罚清单', path: '/exemptions' },
  agencyProfile: { label: '执法主体信息', path: '/organisation' },
  windowBoard: { label: '窗口公示', path: '/window-boards' },
  recordingList: { label: '音像记录清单', path: '/recording-list' },
};

function CaseItem({ c }: { c: CaseSummary & { waitingOnParty: boolean } }) {
  return (
    <List.Item>
      <Space orientation="vertical" size={0} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Link to={`/cases/${c.id}`}>{c.title}</Link>
          {c.major ? <Tag color="volcano">重大</Tag> : null}
          {c.waitingOnParty ? <Tag>等待当事人</Tag> : null}
        </Space>
        <Space wrap size={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.caseNumber ?? '尚未立案编号'} · {c.party.name} · {c.stageLabel}
          </Typography.Text>
          {c.nextDue ? <DeadlineBadge clock={c.nextDue} /> : null}
        </Space>
      </Space>
    </List.Item>
  );
}

function SectionCard({ section }: { section: Section }) {
  const more = section.total - section.items.length;
  return (
    <Card
      size="small"
      data-testid={`worklist-${section.id}`}
      title={
        <Space>
          {section.label}
          <Badge
            count={section.ready}
            showZero
            color={section.ready ? (section.id === 'limits' ? 'red' : 'blue') : 'gray'}
          />
          {section.total > section.ready ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              另 {section.total - section.ready} 件等待当事人期限届满
            </Typography.Text>
          ) : null}
        </Space>
      }
    >
      {section.items.length ? (
        <List size="small" dataSource={section.items} renderItem={(c) => <CaseItem key={c.id} c={c} />} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />
      )}
      {more > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, marginTop: 8 }}>
          另有 {more} 件，请在<Link to="/cases">案件办理</Link>中查看。
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

export function WorklistCards() {
  const { data, error } = useLoader(() => api.get<Worklist>('/api/me/worklist'), []);
  if (error) return <Alert type="error" showIcon title="无法载入待办" description={errorMessage(error)} />;
  if (!data || (data.sections.length === 0 && data.publications.length === 0)) return null;
  return (
    <Card title={`待办（${data.today}）`} data-testid="worklist">
      <Row gutter={[16, 16]}>
        {data.sections.map((section) => (
          <Col key={section.id} xs={24} lg={12}>
            <SectionCard section={section} />
          </Col>
        ))}
        {data.publications.length ? (
          <Col xs={24} lg={12}>
            <Card size="small" title="待审核发布" data-testid="worklist-publications">
              <List
                size="small"
                dataSource={data.publications}
                renderItem={(p) => {
                  const page = publicationPages[p.kind];
                  return (
                    <List.Item>
                      {page ? <Link to={page.path}>{page.label}</Link> : '其他公开事项'}
                      <Badge count={p.count} color="blue" />
                    </List.Item>
                  );
                }}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}
