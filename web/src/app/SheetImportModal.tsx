/**
 * Importing a list from an .xlsx sheet, the same way for every list: choose a
 * file, check it (the server's dry run writes nothing), then import. A sheet
 * with problems is refused whole; each problem is listed with its row and
 * column (the server names them `第3行/列名`).
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, errorMessage } from './api';

interface Problem {
  key: number;
  row: string;
  column: string;
  message: string;
}

function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.map((d, key) => {
    const match = /^第(\d+)行\/(.+)$/.exec(d.field);
    return match
      ? { key, row: match[1]!, column: match[2]!, message: d.message }
      : { key, row: '—', column: '—', message: d.message };
  });
}

/** A file's bytes as base64, for a JSON body (uploads share the API's limits and CSRF check). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

/** The names a check would add and change, for its description (新增：…；修改：…). */
export function changedNames(outcome: { created: string[]; updated: string[] }): string | undefined {
  return (
    [
      outcome.created.length ? `新增：${outcome.created.join('、')}` : '',
      outcome.updated.length ? `修改：${outcome.updated.join('、')}` : '',
    ]
      .filter(Boolean)
      .join('；') || undefined
  );
}

/** What a register's import did (or, on a check, would do), counted. */
export interface SheetCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

/** The check and import messages of a register of people (辅助人员, 法制审核人员). */
export const personCounts = {
  checked: (outcome: SheetCounts) => ({
    title: `检查通过：共 ${outcome.rows} 行，将新登记 ${outcome.created} 人、更新 ${outcome.updated} 人，${outcome.unchanged} 人无变化。`,
  }),
  imported: (outcome: SheetCounts) =>
    `已导入：新登记 ${outcome.created} 人，更新 ${outcome.updated} 人，${outcome.unchanged} 人无变化`,
};

export interface SheetImportModalProps<O> {
  open: boolean;
  title: string;
  /** The export whose layout the sheet follows; the intro then starts 使用与导出相同格式的 .xlsx 表格. */
  exportUrl?: string;
  /** What the sheet must look like and what an import does. */
  intro: ReactNode;
  /** Sends the file; `dryRun` only checks it. */
  send(file: { name: string; content: string }, dryRun: boolean): Promise<O>;
  /** The result of a check, shown before importing. */
  checked(outcome: O): { title: string; description?: string };
  /** The message after the import. */
  imported(outcome: O): string;
  onClose(): void;
  onDone(): Promise<void>;
}

export function SheetImportModal<O>({
  open,
  title,
  exportUrl,
  intro,
  send,
  checked: describeCheck,
  imported,
  onClose,
  onDone,
}: SheetImportModalProps<O>) {
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [checked, setChecked] = useState<O | null>(null);
  const [failure, setFailure] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await send(file, dryRun);
      if (dryRun) setChecked(outcome);
      else {
        message.success(imported(outcome));
        onClose();
        await onDone();
      }
    } catch (error) {
      setChecked(null);
      setFailure({ message: errorMessage(error), problems: problemsOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const summary = checked === null ? null : describeCheck(checked);

  return (
    <Modal
      open={open}
      title={title}
      width={820}
      okText={checked ? '导入' : '检查文件'}
      okButtonProps={{ disabled: !file || (failure !== null && !checked) }}
      confirmLoading={busy}
      onOk={() => run(!checked)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {exportUrl ? (
            <>
              使用与<Typography.Link href={exportUrl}>导出</Typography.Link>相同格式的 .xlsx 表格
            </>
          ) : null}
          {intro}
        </Typography.Text>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          beforeUpload={async (chosen) => {
            setChecked(null);
            setFailure(null);
            setFile({ name: chosen.name, content: await fileToBase64(chosen) });
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setChecked(null);
            setFailure(null);
          }}
        >
          <Button icon={<UploadOutlined />}>选择 .xlsx 文件</Button>
        </Upload>
        {summary ? (
          <Alert type="success" showIcon title={summary.title} description={summary.description} />
        ) : null}
        {failure ? (
          <>
            <Alert type="error" showIcon title={failure.message} />
            {failure.problems.length ? (
              <Table<Problem>
                size="small"
                rowKey="key"
                aria-label="导入问题清单"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={failure.problems}
                columns={[
                  { title: '行', dataIndex: 'row', width: 70 },
                  { title: '列', dataIndex: 'column', width: 160 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
