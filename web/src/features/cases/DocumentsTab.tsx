/**
 * 文书: generate a document of a kind the current stage produces, its fields
 * filled from the case where the case knows them; and every document rendered
 * on the case's stream (from its ledger events), each downloadable.
 */
import { DownloadOutlined, FileAddOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { useMe } from '../../app/auth';
import { formFailure } from '../../app/form-errors';
import { useLoader } from '../../app/use-loader';
import { type CaseDetail, casesApi, type DocumentKindInfo, documentUrl } from './api';
import { dateTime, penaltyOptions, sourceLabel, stageDocuments, yuan } from './labels';
import { RecordDocumentCard, recordOfDocument } from './RecordDocumentCard';

type Facts = Record<string, Record<string, unknown> | undefined>;

function penaltyText(p: unknown): string | undefined {
  const v = p as { kinds?: string[]; fineFen?: number } | undefined;
  if (!v?.kinds) return undefined;
  const kinds = v.kinds.map((k) => penaltyOptions.find((o) => o.value === k)?.label ?? k).join('、');
  return v.fineFen !== undefined ? `${kinds}${yuan(v.fineFen)}` : kinds;
}

/** What the case already says, by the field names the document kinds use. */
function prefill(c: CaseDetail): Record<string, string | undefined> {
  const facts = c.facts as Facts;
  const reasons = (facts.decision?.reasons ?? {}) as Record<string, string>;
  const handlers = c.officers
    .filter((o) => o.role !== 'assistant')
    .map((o) => o.name)
    .join('、');
  const defence = c.deadlines.clocks.find((k) => k.id === 'defence');
  const paid = (facts.payment?.payments ?? []) as {
    paidOn: string;
    amountFen: number;
    bankReference: string;
  }[];
  return {
    partyName: c.party.name,
    recipient: c.party.name,
    caseTitle: c.title,
    source: sourceLabel(c.processKind, c.source),
    handlers,
    officers: handlers,
    servers: handlers,
    facts: c.title,
    proposedPenalty: penaltyText(facts.proposal),
    penalty: penaltyText(facts.decision?.penalty ?? facts.proposal),
    evidence: reasons.evidence,
    basis: reasons.basis,
    discretion: reasons.discretion,
    replyDeadline: defence ? `${defence.dueOn}前` : undefined,
    defence: facts.defence?.waived ? '当事人明确放弃陈述、申辩。' : undefined,
    outcome: facts.decision ? penaltyText(facts.decision.penalty) : undefined,
    execution:
      paid.map((p) => `${p.paidOn}缴纳${yuan(p.amountFen)}（银行流水号 ${p.bankReference}）`).join('；') ||
      undefined,
  };
}

function GenerateForm({
  c,
  kinds,
  onDone,
}: {
  c: CaseDetail;
  kinds: DocumentKindInfo[];
  onDone(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [kind, setKind] = useState(kinds[0]?.kind);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const spec = kinds.find((k) => k.kind === kind);
  const submit = async (data: Record<string, unknown>) => {
    if (!spec) return;
    setBusy(true);
    setFailure(null);
    try {
      const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== ''));
      const doc = await casesApi.renderDocument(c.id, spec.kind, clean);
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
        options={kinds.map((k) => ({ value: k.kind, label: k.title }))}
        onChange={(value) => {
          setKind(value);
          setFailure(null);
        }}
      />
      {spec ? (
        <Form
          key={spec.kind}
          form={form}
          name="caseDocument"
          layout="vertical"
          preserve={false}
          initialValues={prefill(c)}
          onFinish={submit}
        >
          {spec.fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}
            >
              {f.max > 200 ? <Input.TextArea rows={2} maxLength={f.max} /> : <Input maxLength={f.max} />}
            </Form.Item>
          ))}
          {spec.lists.map((list) => (
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
  const kinds = useLoader(() => casesApi.documentKinds(), []);
  const timeline = useLoader(() => casesApi.timeline(c.id), [c.id, version]);
  const produced = stageDocuments(c.processKind, c.stage);
  const me = useMe();
  const stageKinds = (kinds.data?.kinds ?? []).filter((k) => produced.includes(k.kind as never));
  // Only the kinds the viewer may sign: a notice or decision is signed by a head.
  const mine = new Set(me.roles.map((r) => r.role));
  const available = stageKinds.filter((k) => k.signerRoles.some((r) => mine.has(r)));
  const fromRecords = available.filter((k) => recordOfDocument[k.kind]);
  const typed = available.filter((k) => !recordOfDocument[k.kind]);
  const othersSign = stageKinds.filter((k) => !available.includes(k)).map((k) => k.title);
  const documents = (timeline.data?.items ?? []).filter((e) => e.kind === 'document.rendered');
  const error = kinds.error ?? timeline.error;
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
      {c.actions.handle && typed.length ? (
        <GenerateForm key={c.stage} c={c} kinds={typed} onDone={onChanged} />
      ) : (
        <Typography.Paragraph type="secondary">
          {produced.length || fromRecords.length ? '' : '本环节不制作文书。'}
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
          return (
            <List.Item
              actions={[
                <Button key="docx" size="small" icon={<DownloadOutlined />} href={documentUrl(p.documentId)}>
                  下载 .docx
                </Button>,
              ]}
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
