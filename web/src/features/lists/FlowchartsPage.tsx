/**
 * 执法流程图 (P6) for staff, read-only: the charts the portal publishes, drawn
 * from the process definitions case handling enforces.
 */
import { Alert, Card, Descriptions, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { flowchartsApi } from './api';

export default function FlowchartsPage() {
  usePageTitle('执法流程图');
  const index = useLoader(() => flowchartsApi.index(), []);
  const [kind, setKind] = useState('penaltyGeneral');
  const chart = useLoader(() => flowchartsApi.get(kind), [kind]);
  if (!index.data) {
    if (index.error)
      return <Alert type="error" showIcon title={`无法载入流程图：${errorMessage(index.error)}`} />;
    return <PageLoading />;
  }
  const options = index.data.items
    .filter((group) => group.flowcharts.length > 0)
    .map((group) => ({
      label: group.label,
      options: group.flowcharts.map((f) => ({ value: f.kind, label: f.title })),
    }));
  const flowchart = chart.data?.kind === kind ? chart.data : undefined;
  return (
    <Card
      title="执法流程图"
      extra={
        <Typography.Link href={`/flowcharts/${kind}`} target="_blank">
          公示页面
        </Typography.Link>
      }
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap>
          <label htmlFor="flowchart-kind">程序</label>
          <Select
            id="flowchart-kind"
            value={kind}
            onChange={setKind}
            options={options}
            style={{ width: 320 }}
          />
          <Typography.Text type="secondary">流程图由系统执行的程序定义生成，只读。</Typography.Text>
        </Space>
        {chart.error ? <Alert type="error" showIcon title={errorMessage(chart.error)} /> : null}
        {flowchart ? (
          <>
            <Typography.Paragraph>{flowchart.summary}</Typography.Paragraph>
            <div
              style={{ overflowX: 'auto', border: '1px solid #f0f0f0', borderRadius: 6 }}
              // biome-ignore lint/security/noDangerouslySetInnerHtml: the server draws this SVG from code, every text escaped.
              dangerouslySetInnerHTML={{ __html: flowchart.svg }}
            />
            <Descriptions
              column={1}
              size="small"
              bordered
              items={flowchart.stages.map((stage, index) => ({
                key: stage.id,
                label: (
                  <Space size={4}>
                    {index + 1}. {stage.label}
                    {stage.conditional ? <Tag>条件环节</Tag> : null}
                  </Space>
                ),
                children: (
                  <>
                    {stage.condition ? <div>进入条件：{stage.condition}</div> : null}
                    <div>
                      承办：{stage.actors.join('、')}
                      {stage.approvers.length ? `；审批：${stage.approvers.join(' → ')}` : ''}
                    </div>
                    {stage.documents.length ? <div>文书：{stage.documents.join('、')}</div> : null}
                    <div>记录方式：{stage.recording}</div>
                    <div>依据：{stage.legalBasis.join('；')}</div>
                    {stage.note ? <div>说明：{stage.note}</div> : null}
                  </>
                ),
              }))}
            />
          </>
        ) : (
          <PageLoading />
        )}
      </Space>
    </Card>
  );
}
