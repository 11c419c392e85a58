/**
 * The frame of the drawers that record one row per officer for a course or an
 * exam (出勤登记, 成绩登记): the table, the save button for those who manage
 * it, and the save itself — nothing set is said so, a refusal shows above the
 * table, a success is counted and closes the drawer.
 */
import { Alert, App, Button, Drawer, Space, Table, type TableColumnsType } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { errorMessage } from '../../app/api';

export function RosterDrawer<Row extends { personId: string }, Entry>({
  open,
  title,
  size,
  manage,
  error,
  loading,
  summary,
  rows,
  columns,
  emptyText,
  tools,
  what,
  entries,
  send,
  onClose,
  onSaved,
}: {
  open: boolean;
  title: string;
  size: number;
  manage: boolean;
  error: unknown;
  loading: boolean;
  /** The line above the table, once loaded. */
  summary: ReactNode;
  rows: Row[] | undefined;
  columns: TableColumnsType<Row>;
  emptyText?: string;
  /** More buttons before 保存. */
  tools?: ReactNode;
  /** What is recorded (出勤, 成绩), for the button and the messages. */
  what: string;
  /** The rows that are set, as the request sends them. */
  entries(): Entry[];
  send(entries: Entry[]): Promise<{ recorded: number }>;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh load clears the last refusal.
  useEffect(() => setFailure(null), [rows]);

  const save = async () => {
    const chosen = entries();
    if (chosen.length === 0) {
      message.info(`没有登记任何${what}`);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const result = await send(chosen);
      message.success(`已登记 ${result.recorded} 人的${what}`);
      await onSaved();
      onClose();
    } catch (caught) {
      setFailure(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      title={title}
      extra={
        manage ? (
          <Space>
            {tools}
            <Button type="primary" loading={saving} onClick={save}>
              保存{what}
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      {summary}
      <Table<Row>
        rowKey="personId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows ?? []}
        pagination={false}
        locale={emptyText ? { emptyText } : undefined}
      />
    </Drawer>
  );
}
