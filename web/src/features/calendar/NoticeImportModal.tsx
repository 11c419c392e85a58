/**
 * 从国务院通知导入: paste the notice's text (or pick a .txt), 预览 shows the
 * year as it would be and what differs from the stored data, 确认导入 saves.
 * Nothing is written until confirmed.
 */
import { FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { calendarApi, type NoticePreview, toldText } from './api';
import { NoticePreviewView } from './NoticePreview';

const maxChars = 200_000;

interface Props {
  open: boolean;
  onClose(): void;
  onImported(years: number[]): void;
}

export function NoticeImportModal({ open, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const [content, setContent] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'confirm' | null>(null);

  const edit = (text: string, name?: string) => {
    setContent(text);
    setFileName(name);
    setPreview(null);
    setProblem(text.length > maxChars ? `文本过长：最多 ${maxChars.toLocaleString('zh-CN')} 个字符` : null);
  };

  const send = async (confirm: boolean) => {
    setBusy(confirm ? 'confirm' : 'preview');
    setProblem(null);
    try {
      const result = await calendarApi.importNotice(content, fileName, confirm);
      if (!confirm) {
        setPreview(result);
        return;
      }
      // The notice's own year first: the page shows it (a previous year may have been touched too).
      const years = [result.year, ...(result.imported?.years ?? []).filter((y) => y !== result.year)];
      message.success(
        `已按国务院通知导入 ${years.join('、')} 年度，共 ${result.imported?.days ?? 0} 个特殊日期${toldText(result.told)}`,
      );
      edit('');
      onImported(years);
    } catch (error) {
      setPreview(null);
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const close = () => {
    edit('');
    onClose();
  };

  return (
    <Modal
      open={open}
      title="从国务院通知导入"
      width={900}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button
            onClick={() => send(false)}
            loading={busy === 'preview'}
            disabled={!content.trim() || content.length > maxChars}
          >
            预览
          </Button>
          <Button type="primary" onClick={() => send(true)} loading={busy === 'confirm'} disabled={!preview}>
            确认导入
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        粘贴《国务院办公厅关于 N 年部分节假日安排的通知》全文（含标题），或选择保存为 .txt 的通知。
        也可导入调整或延长假期的通知（须先有该年度数据）。预览无误后确认导入，将替换该年度的节假日和调休上班日。
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Upload
          accept=".txt,text/plain"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => edit(text, file.name));
            return false;
          }}
        >
          <Button icon={<FileTextOutlined />}>选择 .txt 文件</Button>
        </Upload>
        {fileName ? <Typography.Text type="secondary">已读取：{fileName}</Typography.Text> : null}
        <Input.TextArea
          aria-label="通知全文"
          value={content}
          onChange={(event) => edit(event.target.value)}
          autoSize={{ minRows: 6, maxRows: 12 }}
          placeholder={
            '国务院办公厅关于2027年部分节假日安排的通知\n……\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n……'
          }
        />
        {problem ? <Alert type="error" showIcon title={problem} /> : null}
        {preview ? <NoticePreviewView preview={preview} /> : null}
      </Space>
    </Modal>
  );
}
