/**
 * The moves out of the current stage. The server judges each before anyone
 * presses it: a blocked move lists its refusals (rule ID and message), and a
 * move the server still refuses shows why — nothing fails silently. A move is
 * on the record for good, so it is confirmed first; a move back asks why.
 */

import { recordingKindLabels } from '@zhifa/core';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../app/api';
import { type CaseDetail, casesApi, type Move, type Refusal } from './api';

const whoActs: Record<string, string> = {
  'case.handle': '执法人员',
  'case.approve': '承办机构负责人或机关负责人',
  'case.decide': '机关负责人',
  'case.review': '法制审核人员',
  'case.archive': '档案管理员',
};

const refusalKey = (r: Refusal) => `${r.rule}-${r.code}-${r.message}`;
/** Rules without a requirement ID of their own are named in words. */
const ruleLabels: Record<string, string> = { PROCESS: '流程', ARCHIVE: '归档标准' };

export function RefusalList({ refusals, testId }: { refusals: Refusal[]; testId?: string }) {
  return (
    <ul className="case-refusals" data-testid={testId} style={{ margin: 0, paddingLeft: 18 }}>
      {refusals.map((r) => (
        <li key={refusalKey(r)}>
          <Tag color="red" style={{ marginRight: 6 }}>
            {ruleLabels[r.rule] ?? r.rule}
          </Tag>
          {r.message}
        </li>
      ))}
    </ul>
  );
}

/** The refusal the server answered: its message, and each blocking rule in its details. */
function serverRefusal(error: unknown): { title: string; items: string[] } {
  if (error instanceof ApiError) {
    const items = error.details.map((d) => d.message).filter((m) => m !== error.message);
    return { title: error.message, items };
  }
  return { title: errorMessage(error), items: [] };
}

function MoveItem({ c, move, onChanged }: { c: CaseDetail; move: Move; onChanged(): Promise<void> }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ title: string; items: string[] } | null>(null);
  // What the server refused no longer stands once the judgement of the move changes
  // (a recording linked, a fact recorded): the list above says what still blocks it.
  const judgement = `${move.allowed}:${move.refusals.map((r) => r.message).join('|')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared when the judgement changes.
  useEffect(() => setRefused(null), [judgement]);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const go = async () => {
    setBusy(true);
    setRefused(null);
    try {
      const outcome = move.back ? undefined : (c.stageOutcome ?? move.outcomes?.[0]);
      await casesApi.move(c.id, {
        to: move.to,
        version: c.version,
        ...(outcome && { outcome }),
        ...(move.back && { reason: reason.trim() }),
      });
      message.success(move.back ? `已退回“${move.label}”` : `已进入“${move.label}”`);
      setAsking(false);
      await onChanged();
    } catch (error) {
      setRefused(serverRefusal(error));
      setAsking(false);
      if (error instanceof ApiError && error.status === 409) await onChanged();
    } finally {
      setBusy(false);
    }
  };
  const label = move.back ? `退回：${move.label}` : `进入：${move.label}`;
  const button = move.back ? (
    <Button disabled={!move.mayAct} loading={busy} onClick={() => setAsking(true)}>
      {label}
    </Button>
  ) : (
    <Popconfirm
      title={`确认进入“${move.label}”？`}
      description="环节变更记入执法全过程记录，不能撤销"
      okText="确认进入"
      cancelText="取消"
      disabled={!move.mayAct}
      onConfirm={() => go()}
    >
      <Button
        type={move.allowed ? 'primary' : 'default'}
        danger={!move.allowed}
        disabled={!move.mayAct}
        loading={busy}
      >
        {label}
      </Button>
    </Popconfirm>
  );
  return (
    <List.Item style={{ display: 'block' }} data-testid={`move-${move.to}`}>
      <Space wrap>
        {move.mayAct ? (
          button
        ) : (
          <Tooltip title={`须由${whoActs[move.action] ?? move.action}办理`}>{button}</Tooltip>
        )}
        {move.allowed ? <Tag color="green">条件已满足</Tag> : <Tag color="red">尚不能进入</Tag>}
        {!move.mayAct ? (
          <Typography.Text type="secondary">须由{whoActs[move.action] ?? move.action}办理</Typography.Text>
        ) : null}
      </Space>
      <Modal
        open={asking}
        title={`退回“${move.label}”`}
        okText="确认退回"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim(), loading: busy }}
        onOk={() => go()}
        onCancel={() => setAsking(false)}
      >
        <Typography.Paragraph>
          {c.stage === 'decide' ? '已记录的决定一并撤回（尚未送达，未生效）。' : ''}
          退回理由记入执法全过程记录。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="退回理由"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="例如：标记为重大案件，送法制审核"
        />
      </Modal>
      {move.refusals.length ? (
        <div style={{ marginTop: 8 }}>
          <RefusalList refusals={move.refusals} />
        </div>
      ) : null}
      {move.lateness.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title="可以办理，但将记录为逾期"
          description={<RefusalList refusals={move.lateness} />}
        />
      ) : null}
      {refused ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefused(null)}
          style={{ marginTop: 8 }}
          data-testid="move-refused"
          title={`不能进入“${move.label}”：${refused.title}`}
          description={
            refused.items.length ? (
              <ul style={{ margin: 0 }}>
                {refused.items.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
    </List.Item>
  );
}

/** R4/R5: the recording this stage needs, so the officer knows before a move is refused. */
function StageRecording({ c }: { c: CaseDetail }) {
  const need = c.stageRecording;
  if (c.archivedAt || need.requirement === 'none') return null;
  const kinds = need.kinds.map((k) => recordingKindLabels[k]).join('或');
  const source = need.source === 'list' ? '本机关音像记录事项清单' : '法定默认';
  return (
    <Alert
      type={need.requirement === 'mandatory' ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="stage-recording"
      title={
        need.requirement === 'mandatory'
          ? `本环节应当全程音像记录：请在“证据”中关联${kinds}后再办结（${source}）`
          : `本环节根据实际情况音像记录（${kinds}，${source}）`
      }
    />
  );
}

/** A stage entered only under a condition that does not hold (听证 without a request…) is not offered. */
const offered = (move: Move) => !move.refusals.some((r) => r.code === 'STAGE_CONDITION_NOT_MET');

export function MovesCard({ c, onChanged }: { c: CaseDetail; onChanged(): Promise<void> }) {
  const moves = c.moves.filter(offered);
  return (
    <Card size="small" title="下一环节">
      <StageRecording c={c} />
      {moves.length ? (
        <List
          dataSource={moves}
          renderItem={(move) => <MoveItem key={move.to} c={c} move={move} onChanged={onChanged} />}
        />
      ) : (
        <Empty description={c.archivedAt ? '案件已归档，只读' : '没有可进入的环节'} />
      )}
    </Card>
  );
}
