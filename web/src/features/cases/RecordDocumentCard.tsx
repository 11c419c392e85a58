/**
 * 询问笔录 and 现场笔录 as documents: made on the server from a structured 笔录
 * the case holds (its questions, findings, officers with their certificate
 * numbers), so nothing of the record is typed a second time.
 */
import { FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { type CaseDetail, casesApi, type DocumentPlanKind } from './api';
import { dateTime, recordKindLabels } from './labels';

export function RecordDocumentCard({
  c,
  kinds,
  onDone,
}: {
  c: CaseDetail;
  /** The plan's kinds made from a 笔录: each names its `recordKind`. */
  kinds: DocumentPlanKind[];
  onDone(): Promise<void>;
}) {
  const { message } = App.useApp();
  const options = c.records.flatMap((r) => {
    const kind = kinds.find((k) => k.recordKind === r.kind);
    return kind
      ? [
          {
            value: r.id,
            kind: kind.kind,
            label: `${recordKindLabels[r.kind]} · ${dateTime(r.madeAt)} · ${r.recordedBy} → ${kind.title}`,
          },
        ]
      : [];
  });
  const [chosen, setChosen] = useState(options[0]?.value);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const picked = options.find((o) => o.value === chosen);
  const make = async () => {
    if (!picked) return;
    setBusy(true);
    setFailure(null);
    try {
      const doc = await casesApi.renderFromCase(c.id, { kind: picked.kind, recordId: picked.value });
      message.success(`已生成${doc.title}`);
      await onDone();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="由笔录生成文书" style={{ marginBottom: 16 }} data-testid="record-document">
      {options.length ? (
        <Space wrap>
          <Select
            aria-label="依据的笔录"
            style={{ minWidth: 320 }}
            value={chosen}
            options={options}
            onChange={setChosen}
          />
          <Button type="primary" icon={<FileAddOutlined />} loading={busy} onClick={() => void make()}>
            由笔录生成并签署
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">
          {kinds.map((k) => k.title).join('、')}由笔录生成：请先在“笔录”中制作相应的笔录。
        </Typography.Text>
      )}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}
