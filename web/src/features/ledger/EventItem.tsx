/**
 * One ledger event on the timeline: sequence, time, actor, kind, its hash and
 * the hash it links to, the payload (expandable), and its inclusion proof as a
 * file that can be checked offline against a signed checkpoint.
 */
import { FileProtectOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../app/api';
import { downloadJson, fileSafe, type LedgerEvent, ledgerApi } from './api';
import { HashText } from './HashText';
import { genesisHash, kindLabel } from './labels';

function Actor({ actor }: { actor: LedgerEvent['actor'] }) {
  if (!actor) return <Typography.Text type="secondary">系统</Typography.Text>;
  return (
    <span>
      {actor.displayName || actor.username}
      {actor.displayName ? <Typography.Text type="secondary">（{actor.username}）</Typography.Text> : null}
    </span>
  );
}

function Payload({ payload }: { payload: unknown }) {
  const [open, setOpen] = useState(false);
  const text = JSON.stringify(payload) ?? 'null';
  return (
    <div style={{ marginTop: 6 }}>
      <Space size={8} align="baseline">
        <Typography.Link onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? '收起内容' : '展开内容'}
        </Typography.Link>
        {open ? null : (
          <Typography.Text
            type="secondary"
            ellipsis
            style={{ fontFamily: 'monospace', fontSize: 12, maxWidth: 600 }}
          >
            {text}
          </Typography.Text>
        )}
      </Space>
      {open ? (
        <pre
          style={{
            margin: '6px 0 0',
            padding: '8px 12px',
            background: '#f6f8fa',
            borderRadius: 6,
            fontSize: 12,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
          }}
        >
          {JSON.stringify(payload, null, 2)}
        </pre>
      ) : null}
    </div>
  );
}

export function EventItem({ event, broken }: { event: LedgerEvent; broken: boolean }) {
  const { message } = App.useApp();
  const [fetching, setFetching] = useState(false);
  const label = kindLabel(event.kind);

  const downloadProof = async () => {
    setFetching(true);
    try {
      const bundle = await ledgerApi.proof(event.id);
      downloadJson(bundle, `zhifa-proof-${fileSafe(event.streamId)}-${event.seq}.json`);
      message.success(`已下载第 ${event.seq} 号事件的包含证明`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) {
        message.warning('尚无检查点覆盖此事件，请先签名检查点');
      } else {
        message.error(`无法生成包含证明：${errorMessage(caught)}`);
      }
    } finally {
      setFetching(false);
    }
  };

  return (
    <div data-testid="ledger-event">
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 12 }}>
        <Space wrap size={[10, 4]} style={{ flex: 1 }}>
          <Typography.Text strong>#{event.seq}</Typography.Text>
          <Tag color="blue" style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>
            {event.kind}
          </Tag>
          {label ? <span>{label}</span> : null}
          <Typography.Text type="secondary">
            {dayjs(event.occurredAt).format('YYYY-MM-DD HH:mm:ss')}
          </Typography.Text>
          <Actor actor={event.actor} />
          {broken ? <Tag color="red">断链处</Tag> : null}
        </Space>
        <Button size="small" icon={<FileProtectOutlined />} loading={fetching} onClick={downloadProof}>
          包含证明
        </Button>
      </div>
      <div style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: '4px 20px' }}>
        <span>
          <Typography.Text type="secondary">哈希 </Typography.Text>
          <HashText value={event.hash} />
        </span>
        <span>
          <Typography.Text type="secondary">上一哈希 </Typography.Text>
          {event.prevHash === genesisHash ? (
            <Typography.Text type="secondary">起点（64 个 0）</Typography.Text>
          ) : (
            <HashText value={event.prevHash} />
          )}
        </span>
      </div>
      <Payload payload={event.payload} />
    </div>
  );
}
