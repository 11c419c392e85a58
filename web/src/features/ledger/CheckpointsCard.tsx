/**
 * 检查点: signed Merkle roots over the log of stream heads, each downloadable
 * as JSON for a justice bureau to keep; signing on demand (audit administrator);
 * the deployment's public key, with which anyone can check an export.
 */
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { type Loaded, useLoader } from '../../app/use-loader';
import { type Checkpoint, type CheckpointList, checkpointExportUrl, ledgerApi } from './api';
import { ConsistencyCheck } from './ConsistencyCheck';
import { HashText } from './HashText';

function PublicKey({ value, error }: { value: string | undefined; error: unknown }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text strong>本平台签名公钥（SM2）</Typography.Text>
      </Typography.Paragraph>
      {value ? (
        <Typography.Paragraph
          code
          copyable={{ text: value, tooltips: ['复制公钥', '已复制'] }}
          data-testid="ledger-public-key"
          style={{ wordBreak: 'break-all', fontSize: 12, marginBottom: 4 }}
        >
          {value}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">
          {error ? `无法载入公钥：${errorMessage(error)}` : '正在载入…'}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        任何人都可以用此公钥独立校验导出的检查点：签名覆盖 treeSize、root、createdAt 等字段的规范化
        JSON（SM2-SM3，用户标识 1234567812345678），无需访问本平台。
      </Typography.Paragraph>
    </div>
  );
}

interface Props {
  loaded: Loaded<CheckpointList>;
  /** After a checkpoint is signed: the verification counts change too. */
  onSigned(): void;
}

export function CheckpointsCard({ loaded, onSigned }: Props) {
  const { message } = App.useApp();
  const key = useLoader(() => ledgerApi.publicKey(), []);
  const [signing, setSigning] = useState(false);
  const items = loaded.data?.items ?? [];

  const sign = async () => {
    setSigning(true);
    try {
      const result = await ledgerApi.sign();
      if (result.created) message.success(`已签名检查点 #${result.id}（${result.treeSize} 个叶子）`);
      else message.info(result.message);
      await loaded.reload();
      onSigned();
    } catch (caught) {
      message.error(`签名失败：${errorMessage(caught)}`);
    } finally {
      setSigning(false);
    }
  };

  const columns: TableColumnsType<Checkpoint> = [
    { title: '编号', dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
    { title: '叶子数', dataIndex: 'treeSize', width: 90, align: 'right' },
    {
      title: '根哈希',
      dataIndex: 'root',
      render: (root: string) => <HashText value={root} head={16} />,
    },
    {
      title: '签名时间',
      dataIndex: 'createdAt',
      width: 180,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: '签名公钥',
      dataIndex: 'publicKey',
      width: 110,
      render: (publicKey: string) =>
        !key.data || publicKey === key.data.publicKey ? (
          <Tag color="green">本平台</Tag>
        ) : (
          <Tag color="orange">其他公钥</Tag>
        ),
    },
    {
      title: '操作',
      key: 'download',
      width: 100,
      render: (_, checkpoint) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          icon={<DownloadOutlined />}
          href={checkpointExportUrl(checkpoint.id)}
          download={`zhifa-checkpoint-${checkpoint.id}.json`}
        >
          下载
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="检查点"
      extra={
        loaded.data?.actions.create ? (
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={signing} onClick={sign}>
            立即签名检查点
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        检查点把各记录流的最新哈希汇总为一个 Merkle 根，并用本平台的 SM2
        私钥签名；系统每隔一段时间自动签名一次。导出的检查点可交司法行政机关留存，日后任何改动都会与之不符。
      </Typography.Paragraph>
      {loaded.error ? (
        <Alert type="error" showIcon title={`无法载入检查点：${errorMessage(loaded.error)}`} />
      ) : (
        <Table<Checkpoint>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={loaded.loading}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个检查点` }}
          locale={{ emptyText: '尚未签名检查点' }}
        />
      )}
      {items.length >= 2 ? <ConsistencyCheck key={items[0]?.id} checkpoints={items} /> : null}
      <PublicKey value={key.data?.publicKey} error={key.error} />
    </Card>
  );
}
