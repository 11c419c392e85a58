/**
 * 导入日历: reads a JSON or CSV file in the browser and posts its text. The
 * server replaces all data of every year the file touches.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Modal, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../app/api';
import { calendarApi, toldText } from './api';

const maxChars = 200_000;

const csvSample = `date,kind,name
2027-01-01,holiday,元旦
2027-02-06,workday,春节调休
2027-02-07,holiday,春节`;

const jsonSample = `{
  "years": [2027],
  "days": [
    { "date": "2027-01-01", "kind": "holiday", "name": "元旦" },
    { "date": "2027-02-06", "kind": "workday", "name": "春节调休" }
  ]
}`;

interface Picked {
  name: string;
  format: 'json' | 'csv';
  content: string;
}

interface Props {
  open: boolean;
  onClose(): void;
  onImported(years: number[]): void;
}

function detectFormat(name: string, content: string): 'json' | 'csv' {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return /^\s*[[{]/.test(content) ? 'json' : 'csv';
}

export function ImportModal({ open, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [problem, setProblem] = useState<{ message: string; details: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File) => {
    setProblem(null);
    const content = await file.text();
    if (content.length > maxChars) {
      setPicked(null);
      setProblem({ message: `文件过大：最多 ${maxChars.toLocaleString('zh-CN')} 个字符`, details: [] });
      return;
    }
    setPicked({ name: file.name, format: detectFormat(file.name, content), content });
  };

  const submit = async () => {
    if (!picked) {
      setProblem({ message: '请先选择要导入的文件', details: [] });
      return;
    }
    setBusy(true);
    try {
      const result = await calendarApi.importFile(picked.format, picked.content, picked.name);
      message.success(
        `已导入 ${result.years.join('、')} 年度，共 ${result.days} 个节假日或调休上班日${toldText(result.told)}`,
      );
      setPicked(null);
      onImported(result.years);
    } catch (error) {
      const details = error instanceof ApiError ? error.details.map((d) => `${d.field}：${d.message}`) : [];
      setProblem({ message: errorMessage(error), details: details.length > 1 ? details : [] });
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setPicked(null);
    setProblem(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title="导入日历文件"
      okText="导入"
      cancelText="取消"
      okButtonProps={{ disabled: !picked }}
      confirmLoading={busy}
      onOk={submit}
      onCancel={close}
      width={640}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="导入将替换文件所涉年度的全部节假日和调休上班日"
      />
      <Typography.Paragraph>
        支持 CSV 或 JSON。CSV 首行为表头 <Typography.Text code>date,kind,name</Typography.Text>，每行一天；
        <Typography.Text code>kind</Typography.Text> 为 <Typography.Text code>holiday</Typography.Text>
        （休）或 <Typography.Text code>workday</Typography.Text>（班，须为周六或周日）；日期格式
        YYYY-MM-DD。JSON 可为上述对象的数组，或{' '}
        <Typography.Text code>{'{ "years": [...], "days": [...] }'}</Typography.Text>
        （years 可声明没有特殊日期的年度）。
      </Typography.Paragraph>
      <Tabs
        size="small"
        items={[
          { key: 'csv', label: 'CSV 示例', children: <pre style={preStyle}>{csvSample}</pre> },
          { key: 'json', label: 'JSON 示例', children: <pre style={preStyle}>{jsonSample}</pre> },
        ]}
      />
      <Upload.Dragger
        accept=".csv,.json,text/csv,application/json"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void pick(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入文件（.csv 或 .json）</p>
        <p className="ant-upload-hint">
          {picked
            ? `已选择：${picked.name}（${picked.format.toUpperCase()}，${picked.content.length.toLocaleString('zh-CN')} 个字符）`
            : '文件只在浏览器中读取，导入时以文本提交'}
        </p>
      </Upload.Dragger>
      {problem ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={problem.message}
          description={
            problem.details.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problem.details.slice(0, 10).map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
    </Modal>
  );
}

const preStyle = {
  background: '#f6f8fa',
  padding: '8px 12px',
  borderRadius: 4,
  fontSize: 12,
  margin: 0,
  overflowX: 'auto',
} as const;
