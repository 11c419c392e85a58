/**
 * 文书: generate a document of a kind the case may produce now. The server's
 * plan says, for each kind, what the case fills (shown read-only, never typed
 * again) and what is still needed (the only inputs); the server renders from
 * the case. Below, every document rendered on the case's stream (from its
 * ledger events), each downloadable.
 */
import { DownloadOutlined, FileAddOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { formFailure } from '../../app/form-errors';
import { useLoader } from '../../app/use-loader';
import {
  type CaseDetail,
  casesApi,
  type DocumentPlanKind,
  documentPlan,
  documentUrl,
  renderCaseDocument,
} from './api';
import { dateTime } from './labels';
import { RecordDocumentCard } from './RecordDocumentCard';

/** What the case fills for the kind: shown as the document will show it, not editable here. */
function FilledFields({ spec }: { spec: DocumentPlanKind }) {
  if (!spec.filled.length) return null;
  return (
    <div data-testid="document-filled" style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        以下内容取自案件，不可在此修改
      </Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={spec.filled.map((f) => ({ key: f.name, label: f.label, children: f.value }))}
      />
    </div>
  );
}

function GenerateForm({
  c,
  kinds,
  made,
  onDone,
}: {
  c: CaseDetail;
  kinds: DocumentPlanKind[];
  /** Kinds the case already has a document of: offered again, but not first. */
  made: ReadonlySet<string>;
  onDone(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [kind, setKind] = useState((kinds.find((k) => !made.has(k.kind)) ?? kinds[0])?.kind);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const spec = kinds.find((k) => k.kind === kind);
  const submit = async (data: Record<string, unknown>) => {
    if (!spec) return;
    setBusy(true);
    setFailure(null);
    try {
      const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== ''));
      const doc = await renderCaseDocument(c.id, spec.kind, clean);
      message.success(`已生成${doc.title}${doc.number ? ` ${doc.number}` : ''}`);
      await onDone();
    } catch (error) {
      setFailure(formFailure(form, error, () => true, ['body.data']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="生成文书" style={{ marginBottom: 16 }}>
      <Select
        aria-label="文书种类"
        style={{ width: '100%', maxWidth: 320, marginBottom: 12 }}
        value={kind}
        options={kinds.map((k) => ({
          value: k.kind,
          label: made.has(k.kind) ? `${k.title}（已生成）` : k.title,
        }))}
        onChange={(value) => {
          setKind(value);
          setFailure(null);
        }}
      />
      {spec ? (
        <>
          <FilledFields spec={spec} />
          <Form
            key={spec.kind}
            form={form}
            name="caseDocument"
            layout="vertical"
            preserve={false}
            onFinish={submit}
          >
            {spec.needed.map((f) => (
              <Form.Item
                key={f.name}
                name={f.name}
                label={f.label}
                rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}
              >
                {f.max > 200 ? <Input.TextArea rows={2} maxLength={f.max} /> : <Input maxLength={f.max} />}
              </Form.Item>
            ))}
            {spec.neededLists.map((list) => (
              <Form.List key={list.name} name={list.name} initialValue={list.required ? [{}] : []}>
                {(rows, { add, remove }) => (
                  <Form.Item label={list.label}>
                    {rows.map((row) => (
                      <Space key={row.key} wrap align="start">
                        {list.items.map((item) => (
                          <Form.Item key={item.name} name={[row.name, item.name]}>
                            <Input placeholder={item.label} />
                          </Form.Item>
                        ))}
                        <MinusCircleOutlined onClick={() => remove(row.name)} aria-label="删除" />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                      增加一行
                    </Button>
                  </Form.Item>
                )}
              </Form.List>
            ))}
            {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
            <Button type="primary" htmlType="submit" icon={<FileAddOutlined />} loading={busy}>
              生成并签署
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}

export function DocumentsTab({
  c,
  version,
  onChanged,
}: {
  c: CaseDetail;
  version: number;
  onChanged(): Promise<void>;
}) {
  // The plan is for those who render documents (the same roles as case.handle).
  const plan = useLoader(
    () => (c.actions.handle ? documentPlan(c.id) : Promise.resolve({ caseId: c.id, kinds: [] })),
    [c.id, c.version, c.actions.handle, version],
  );
  const timeline = useLoader(() => casesApi.timeline(c.id), [c.id, version]);
  // A PDF copy only where the server has LibreOffice; the signed record is the .docx.
  const kindsInfo = useLoader(() => casesApi.documentKinds(), []);
  const pdf = kindsInfo.data?.pdf === 'available';
  const producible = plan.data?.kinds ?? [];
  // Only the kinds the viewer may sign: a notice or decision is signed by a head.
  const available = producible.filter((k) => k.maySign);
  const fromRecords = available.filter((k) => k.recordKind);
  const typed = available.filter((k) => !k.recordKind);
  const othersSign = producible.filter((k) => !k.maySign).map((k) => k.title);
  const documents = (timeline.data?.items ?? []).filter((e) => e.kind === 'document.rendered');
  const made = new Set(documents.map((e) => (e.payload as { kind: string }).kind));
  const error = plan.error ?? timeline.error;
  return (
    <>
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />
      ) : null}
      {c.actions.handle && fromRecords.length ? (
        <RecordDocumentCard
          key={`${c.stage}-${c.records.length}`}
          c={c}
          kinds={fromRecords}
          onDone={onChanged}
        />
      ) : null}
      {c.actions.handle && typed.length && timeline.data ? (
        <GenerateForm
          key={`${typed.map((k) => k.kind).join()}|${[...made].join()}`}
          c={c}
          kinds={typed}
          made={made}
          onDone={onChanged}
        />
      ) : (
        <Typography.Paragraph type="secondary">
          {c.actions.handle && plan.data && !producible.length ? '案件已到达的环节不制作文书。' : ''}
        </Typography.Paragraph>
      )}
      {othersSign.length ? (
        <Typography.Paragraph type="secondary">
          {othersSign.join('、')}须由机关负责人或承办机构负责人签署生成。
        </Typography.Paragraph>
      ) : null}
      <List
        header={<Typography.Text strong>本案文书</Typography.Text>}
        data-testid="document-list"
        dataSource={documents}
        locale={{ emptyText: <Empty description="尚未生成文书" /> }}
        renderItem={(e) => {
          const p = e.payload as {
            documentId: string;
            title: string;
            number: string | null;
            signerName: string;
          };
          // A document names the party fully: only the case team, the heads, the legal reviewers
          // and the archivists download it (SEC-14); the others see that it exists.
          const downloadable = c.documents.some((d) => d.id === p.documentId && d.contentUrl);
          return (
            <List.Item
              actions={
                downloadable
                  ? [
                      <Button
                        key="docx"
                        size="small"
                        icon={<DownloadOutlined />}
                        href={documentUrl(p.documentId)}
                      >
                        下载 .docx
                      </Button>,
                      ...(pdf
                        ? [
                            <Button
                              key="pdf"
                              size="small"
                              icon={<DownloadOutlined />}
                              href={documentUrl(p.documentId, 'pdf')}
                            >
                              下载 PDF
                            </Button>,
                          ]
                        : []),
                    ]
                  : [
                      <Typography.Text key="restricted" type="secondary" data-testid="document-restricted">
                        仅限办案人员、负责人、法制审核人员和档案管理员下载
                      </Typography.Text>,
                    ]
              }
            >
              <Space wrap size={4}>
                <Typography.Text strong>{p.title}</Typography.Text>
                {p.number ? <Tag color="blue">{p.number}</Tag> : <Tag>不编号</Tag>}
                <Typography.Text type="secondary">
                  {p.signerName} 签署 · {dateTime(e.occurredAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          );
        }}
      />
    </>
  );
}
