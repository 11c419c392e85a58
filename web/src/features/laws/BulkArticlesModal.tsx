/**
 * Pastes a statute's text and splits it into articles at each line that starts
 * with 第…条: a preview first (what is added, what already exists, what is
 * skipped — the title and chapter headings), then the write.
 */
import { Alert, App, Checkbox, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { type BulkResult, lawsApi } from './api';

export function BulkArticlesModal({
  open,
  lawId,
  lawTitle,
  onClose,
  onSaved,
}: {
  open: boolean;
  lawId: string;
  lawTitle: string;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [preview, setPreview] = useState<BulkResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await lawsApi.bulk(lawId, { text, overwrite, dryRun });
      if (dryRun) setPreview(result);
      else {
        message.success(`已录入 ${result.added.length} 条，更新 ${result.updated.length} 条`);
        onClose();
        await onSaved();
      }
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`粘贴录入《${lawTitle}》条文`}
      width={760}
      okText={preview ? '录入' : '预览拆分结果'}
      okButtonProps={{ disabled: text.trim().length === 0 }}
      confirmLoading={busy}
      onOk={() => run(!preview)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {failure ? <Alert type="error" showIcon title={failure} /> : null}
        <Typography.Text type="secondary">
          从正式文本复制粘贴。以“第…条”开头的行开始一条新条文，直到下一条；标题、目录和“第…章”等行不录入。
        </Typography.Text>
        <Input.TextArea
          aria-label="条文文本"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPreview(null);
          }}
          autoSize={{ minRows: 8, maxRows: 16 }}
          maxLength={500_000}
        />
        <Checkbox
          checked={overwrite}
          onChange={(event) => {
            setOverwrite(event.target.checked);
            setPreview(null);
          }}
        >
          覆盖已有条文（以粘贴的文本替换同条号的条文）
        </Checkbox>
        {preview ? (
          <>
            <Alert
              type={preview.existing.length && !overwrite ? 'warning' : 'info'}
              showIcon
              title={`拆分出 ${preview.articles.length} 条：新增 ${preview.added.length} 条${
                preview.existing.length
                  ? `，已有 ${preview.existing.length} 条（${overwrite ? `将更新 ${preview.updated.length} 条` : '勾选“覆盖已有条文”才能录入'}）`
                  : ''
              }`}
              description={preview.skipped.length ? `未录入的行：${preview.skipped.join('；')}` : undefined}
            />
            <Table
              size="small"
              rowKey="ordinal"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={preview.articles}
              columns={[
                { title: '条号', dataIndex: 'number', width: 140 },
                {
                  title: '条文',
                  dataIndex: 'text',
                  render: (value: string) => (
                    <Typography.Paragraph ellipsis={{ rows: 2 }}>{value}</Typography.Paragraph>
                  ),
                },
                {
                  title: '',
                  key: 'state',
                  width: 80,
                  render: (_, a) => (preview.existing.includes(a.number) ? '已有' : '新增'),
                },
              ]}
            />
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
