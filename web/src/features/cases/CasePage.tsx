/**
 * One case: its header, team, the moves out of its stage with what forbids
 * each, the fact steps the stage needs, 笔录, evidence, documents, the ledger
 * timeline and the running clocks. On a phone the columns stack.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { ArchiveCheckCard } from './ArchiveCheckCard';
import { type CaseDetail, casesApi } from './api';
import { DeadlineBadge } from './DeadlineBadge';
import { DeadlinesTab } from './DeadlinesTab';
import { DocumentsTab } from './DocumentsTab';
import { EvidenceTab } from './EvidenceTab';
import { ItemCard } from './ItemCard';
import { sourceLabel } from './labels';
import { MovesCard } from './MovesCard';
import { OfficersCard } from './OfficersCard';
import { PartyCard } from './PartyCard';
import { RecordsTab } from './RecordsTab';
import { StepsCard } from './StepsCard';
import { TimelineTab } from './TimelineTab';
import './cases.css';

function Header({ c }: { c: CaseDetail }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} className="case-header">
      <Descriptions.Item label="案件编号">{c.caseNumber ?? '尚未立案编号'}</Descriptions.Item>
      <Descriptions.Item label="当事人">
        {c.party.name}
        {c.party.idNumberMasked ? `（${c.party.idNumberMasked}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="流程">{c.processTitle.replace(/流程$/, '')}</Descriptions.Item>
      <Descriptions.Item label="当前环节">
        <Space size={4} wrap>
          <Tag color={c.archivedAt ? 'default' : 'blue'} data-testid="case-stage">
            {c.stageLabel}
          </Tag>
          {c.major ? <Tag color="volcano">重大案件</Tag> : null}
          {c.archivedAt ? <Tag>已归档（只读）</Tag> : null}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="案件来源">{sourceLabel(c.processKind, c.source)}</Descriptions.Item>
      <Descriptions.Item label="最近期限">
        {c.archivedAt ? '—' : <DeadlineBadge clock={c.deadlines.clocks[0] ?? null} />}
      </Descriptions.Item>
    </Descriptions>
  );
}

export default function CasePage() {
  const { id = '' } = useParams();
  const loaded = useLoader(() => casesApi.get(id), [id]);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const c = loaded.data;
  usePageTitle(c ? c.title : '案件');

  if (!c) {
    if (loaded.error)
      return <Alert type="error" showIcon title="无法载入案件" description={errorMessage(loaded.error)} />;
    return <PageLoading />;
  }
  /** After any change: the case and its timeline are read again. */
  const changed = async () => {
    await loaded.reload();
    setTimelineVersion((v) => v + 1);
  };

  return (
    <div className="case-page">
      <Card
        title={
          <Space wrap>
            <Link to="/cases" aria-label="返回案件列表">
              <ArrowLeftOutlined />
            </Link>
            <Typography.Text strong className="case-title">
              {c.title}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space size="small">
            <Button
              size="small"
              href={`/api/cases/${c.id}/package`}
              title="下载 zip：案件全过程记录、证据、文书、签名检查点与包含证明，可用 zhifa verify-package 或通用工具离线校验；导出记入全过程记录"
            >
              导出校验包
            </Button>
            <Button size="small" onClick={() => void changed()} loading={loaded.loading}>
              刷新
            </Button>
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Header c={c} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card className="case-tabs">
            <Tabs
              items={[
                {
                  key: 'handle',
                  label: '办理',
                  children: (
                    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
                      <MovesCard c={c} onChanged={changed} />
                      <StepsCard c={c} onChanged={changed} />
                      {c.stage === 'close' || c.stage === 'archive' ? (
                        <ArchiveCheckCard id={c.id} version={timelineVersion} />
                      ) : null}
                    </Space>
                  ),
                },
                {
                  key: 'records',
                  label: `笔录（${c.records.length}）`,
                  children: <RecordsTab c={c} onChanged={changed} />,
                },
                {
                  key: 'evidence',
                  label: `证据（${c.evidence.length}）`,
                  children: <EvidenceTab c={c} onChanged={changed} />,
                },
                {
                  key: 'documents',
                  label: '文书',
                  children: <DocumentsTab c={c} version={timelineVersion} onChanged={changed} />,
                },
                {
                  key: 'timeline',
                  label: '时间线',
                  children: <TimelineTab id={c.id} processKind={c.processKind} version={timelineVersion} />,
                },
                { key: 'deadlines', label: '期限', children: <DeadlinesTab c={c} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <PartyCard c={c} onChanged={changed} />
          <ItemCard c={c} onChanged={changed} />
          <OfficersCard c={c} onChanged={changed} />
        </Col>
      </Row>
    </div>
  );
}
