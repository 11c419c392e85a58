/**
 * Evidence of the case: upload (with a progress bar; on a phone the camera
 * through `capture`), linked to the current stage with its recording kind
 * (R4), and each file shown inline — photos, video and audio play in place.
 */
import { CameraOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { errorMessage } from '../../app/api';
import { useMe } from '../../app/auth';
import { type CaseDetail, type CaseEvidence, casesApi, uploadEvidence } from './api';
import { dateTime, fileSize, recordingKindLabels, stagesOf } from './labels';
import { nowLocal, shanghai } from './RecordModal';

function Media({ e }: { e: CaseEvidence }) {
  if (e.mediaType.startsWith('image/'))
    return (
      <img
        className="case-evidence-media image"
        src={e.contentUrl}
        alt={e.description || e.originalName || '证据照片'}
        loading="lazy"
      />
    );
  if (e.mediaType.startsWith('video/'))
    // biome-ignore lint/a11y/useMediaCaption: field recordings have no captions.
    return <video className="case-evidence-media" src={e.contentUrl} controls preload="none" />;
  if (e.mediaType.startsWith('audio/'))
    // biome-ignore lint/a11y/useMediaCaption: field recordings have no captions.
    return <audio src={e.contentUrl} controls preload="none" style={{ width: '100%', marginTop: 8 }} />;
  return null;
}

const guessKind = (file: File | undefined) =>
  file?.type.startsWith('video/')
    ? 'video'
    : file?.type.startsWith('audio/')
      ? 'audio'
      : file?.type.startsWith('image/')
        ? 'photo'
        : undefined;

/** What each kind of recording must be, as the server checks it. */
const mediaPrefix = { video: 'video/', audio: 'audio/', photo: 'image/' } as const;

function UploadForm({ c, onChanged }: { c: CaseDetail; onChanged(): Promise<void> }) {
  const me = useMe();
  const [form] = Form.useForm();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [percent, setPercent] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (v: Record<string, string | undefined>) => {
    if (!file) return setFailure('请选择或拍摄文件');
    // Checked before the upload, so a file the case will refuse to link is not stored (the server
    // checks again from the file's content).
    const kind = v.recordingKind as keyof typeof mediaPrefix | undefined;
    if (kind && !file.type.startsWith(mediaPrefix[kind]))
      return setFailure(
        `所选文件类型为 ${file.type || '未知'}，不能作为${recordingKindLabels[kind]}关联：请更正“音像记录种类”或另选文件`,
      );
    setFailure(null);
    setPercent(0);
    try {
      const stored = await uploadEvidence(
        file,
        {
          capturedBy: v.capturedBy ?? me.displayName,
          capturedAt: shanghai(v.capturedAt ?? nowLocal()),
          location: v.location ?? '',
        },
        setPercent,
      );
      await casesApi.linkEvidence(c.id, {
        evidenceId: stored.id,
        ...(v.recordingKind && { recordingKind: v.recordingKind }),
        ...(v.description?.trim() && { description: v.description.trim() }),
      });
      setFile(undefined);
      if (input.current) input.current.value = '';
      form.resetFields();
      await onChanged();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPercent(null);
    }
  };
  return (
    <Card size="small" title="上传证据" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        name="evidenceUpload"
        layout="vertical"
        onFinish={submit}
        initialValues={{ capturedBy: me.displayName, capturedAt: nowLocal() }}
      >
        <Form.Item label="文件（手机上可直接拍照或录像）" required>
          <input
            ref={input}
            type="file"
            accept="image/*,video/*,audio/*,application/pdf"
            capture="environment"
            aria-label="选择证据文件"
            data-testid="evidence-file"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              setFile(chosen);
              const kind = guessKind(chosen);
              if (kind) form.setFieldValue('recordingKind', kind);
            }}
            style={{ maxWidth: '100%' }}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="recordingKind" label="音像记录种类（R4）">
            <Select
              allowClear
              style={{ width: 160 }}
              options={Object.entries(recordingKindLabels).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="capturedBy" label="采集人" rules={[{ required: true, message: '请填写采集人' }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="capturedAt"
            label="采集时间"
            rules={[{ required: true, message: '请填写采集时间' }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
        </Space>
        <Form.Item name="location" label="采集地点">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input maxLength={500} />
        </Form.Item>
        {percent !== null ? <Progress percent={percent} status="active" aria-label="上传进度" /> : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" icon={<CameraOutlined />} loading={percent !== null}>
          上传并关联到本环节
        </Button>
      </Form>
    </Card>
  );
}

export function EvidenceTab({ c, onChanged }: { c: CaseDetail; onChanged(): Promise<void> }) {
  const stageLabel = (id: string) => stagesOf(c.processKind).find((s) => s.id === id)?.label ?? id;
  return (
    <>
      {c.actions.assist ? <UploadForm c={c} onChanged={onChanged} /> : null}
      {c.evidence.length ? (
        <List
          data-testid="evidence-list"
          dataSource={c.evidence}
          renderItem={(e) => (
            <List.Item style={{ display: 'block' }}>
              <Space wrap size={4}>
                <Typography.Text strong>{e.originalName ?? e.evidenceId.slice(0, 8)}</Typography.Text>
                {e.recordingKind ? <Tag color="purple">{recordingKindLabels[e.recordingKind]}</Tag> : null}
                <Tag>{stageLabel(e.stage)}</Tag>
                <Typography.Text type="secondary">
                  {fileSize(e.size)} · {dateTime(e.capturedAt)} 采集 · {e.linkedBy} 关联
                </Typography.Text>
                <Button
                  size="small"
                  type="link"
                  icon={<DownloadOutlined />}
                  href={`${e.contentUrl}?disposition=attachment`}
                >
                  下载
                </Button>
              </Space>
              {e.description ? <div>{e.description}</div> : null}
              <Typography.Text type="secondary" className="case-hash">
                SHA-256 {e.sha256.slice(0, 16)}…
              </Typography.Text>
              <Media e={e} />
            </List.Item>
          )}
        />
      ) : (
        <Empty description="尚无证据" />
      )}
    </>
  );
}
