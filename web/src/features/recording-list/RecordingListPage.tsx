/**
 * 音像记录事项清单 (R5): for every stage of every case process, what the law
 * asks by default (R4) and what this agency asks. The agency may raise a
 * requirement or choose the kinds of recording; it cannot lower one the law
 * makes mandatory (those rows are locked). Saved whole, as a new version.
 */
import {
  type RecordingKind,
  type RecordingRequirement,
  recordingKindLabels,
  recordingKinds,
  recordingRequirementLabels,
  recordingRequirements,
} from '@zhifa/core';
import { Alert, App, Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { type RecordingLine, type RecordingListView, recordingListApi } from './api';

type Stage = RecordingListView['processes'][number]['stages'][number];
const keyOf = (processKind: string, stage: string) => `${processKind}/${stage}`;

function describe(need: { requirement: RecordingRequirement; kinds: readonly RecordingKind[] }) {
  const label = recordingRequirementLabels[need.requirement];
  if (need.requirement === 'none' || need.kinds.length === 0) return label;
  return `${label}（${need.kinds.map((k) => recordingKindLabels[k]).join('、')}）`;
}

const requirementColour: Record<RecordingRequirement, string> = {
  mandatory: 'red',
  asNeeded: 'blue',
  none: 'default',
};

function ListEditor({ view, onSaved }: { view: RecordingListView; onSaved(): Promise<void> }) {
  const { message } = App.useApp();
  const initial = useMemo(() => {
    const lines = new Map<string, RecordingLine>();
    for (const process of view.processes)
      for (const stage of process.stages)
        if (stage.line) lines.set(keyOf(process.processKind, stage.stage), stage.line);
    return lines;
  }, [view]);
  const [lines, setLines] = useState(initial);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = lines !== initial;
  const editable = view.actions.edit;

  const setLine = (processKind: RecordingLine['processKind'], stage: Stage, line: RecordingLine | null) => {
    const next = new Map(lines);
    if (line) next.set(keyOf(processKind, stage.stage), line);
    else next.delete(keyOf(processKind, stage.stage));
    setLines(next);
  };

  const save = async () => {
    if (!note.trim()) {
      setFailure('请填写修改说明（例如依据的文件）');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await recordingListApi.save(view.version, note.trim(), [...lines.values()]);
      message.success('音像记录事项清单已保存为新版本');
      setNote('');
      await onSaved();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {view.processes.map((process) => (
        <Card key={process.processKind} title={process.title} size="small">
          <Table<Stage>
            rowKey="stage"
            size="small"
            pagination={false}
            dataSource={process.stages}
            scroll={{ x: 760 }}
            columns={[
              { title: '环节', dataIndex: 'label', width: 160 },
              {
                title: '法定默认（R4）',
                width: 200,
                render: (_, stage) => (
                  <Tag color={requirementColour[stage.default.requirement]}>{describe(stage.default)}</Tag>
                ),
              },
              {
                title: '本机关要求',
                render: (_, stage) => {
                  const line = lines.get(keyOf(process.processKind, stage.stage)) ?? null;
                  const locked = stage.default.requirement === 'mandatory';
                  return (
                    <Space wrap>
                      <Select<RecordingRequirement | 'default'>
                        aria-label={`${stage.label}的音像记录要求`}
                        style={{ width: 210 }}
                        disabled={!editable}
                        value={line?.requirement ?? 'default'}
                        options={[
                          { value: 'default', label: '采用法定默认' },
                          ...recordingRequirements.map((r) => ({
                            value: r,
                            label: recordingRequirementLabels[r],
                            disabled: locked && r !== 'mandatory',
                          })),
                        ]}
                        onChange={(value) =>
                          setLine(
                            process.processKind,
                            stage,
                            value === 'default'
                              ? null
                              : {
                                  processKind: process.processKind,
                                  stage: stage.stage,
                                  requirement: value,
                                  kinds: value === 'none' ? [] : (line?.kinds ?? [...stage.default.kinds]),
                                },
                          )
                        }
                      />
                      {line && line.requirement !== 'none' ? (
                        <Checkbox.Group<RecordingKind>
                          aria-label={`${stage.label}的记录方式`}
                          disabled={!editable}
                          value={line.kinds}
                          options={recordingKinds.map((k) => ({ value: k, label: recordingKindLabels[k] }))}
                          onChange={(kinds) => setLine(process.processKind, stage, { ...line, kinds })}
                        />
                      ) : null}
                    </Space>
                  );
                },
              },
              {
                title: '现行要求',
                width: 220,
                render: (_, stage) => (
                  <Tag color={requirementColour[stage.effective.requirement]}>
                    {describe(stage.effective)}
                  </Tag>
                ),
              },
            ]}
          />
        </Card>
      ))}
      {editable ? (
        <Card size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {failure ? <Alert type="error" showIcon title={failure} /> : null}
            <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
              <Input
                aria-label="修改说明"
                placeholder="修改说明（例如：依据本局音像记录事项清单〔2026〕1号）"
                maxLength={200}
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
              <Button type="primary" loading={busy} disabled={!changed} onClick={save}>
                保存为新版本
              </Button>
            </Space.Compact>
            <Typography.Text type="secondary">
              未勾选记录方式时采用法定默认的方式。保存后对本机关所有未归档案件立即生效。
            </Typography.Text>
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}

export default function RecordingListPage() {
  usePageTitle('音像记录事项清单');
  const list = useLoader(() => recordingListApi.view(), []);
  const view = list.data;
  if (!view) {
    if (list.error)
      return (
        <Alert
          type="error"
          showIcon
          title="无法载入音像记录事项清单"
          description={errorMessage(list.error)}
        />
      );
    return <PageLoading />;
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          音像记录事项清单
          <Typography.Text
            type="secondary"
            style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 12 }}
          >
            {view.version === 0 ? '尚未制定，适用法定默认' : `当前第 ${view.version} 版`}
          </Typography.Text>
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          各执法环节应当如何音像记录。查封扣押、强制拆除等法定应当全程音像记录的环节不能降低要求；
          要求“全程音像记录”的环节，未关联相应的录像、录音或照片前不能办结（R4、R5）。
          {view.actions.edit ? '' : '您可以查看清单，修改由法制审核人员或机关负责人进行。'}
        </Typography.Paragraph>
      </Card>
      <ListEditor key={view.version} view={view} onSaved={list.reload} />
    </Space>
  );
}
