/**
 * One enforcement item: the actions the viewer may take now, the current
 * version (and the published one when a newer draft waits), the version
 * history (any old version opens as it was), the legality reviews and the
 * publication record.
 */
import { Alert, Button, Descriptions, Drawer, List, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { historyLabels } from '../../app/publication';
import { useLoader } from '../../app/use-loader';
import { articleUrl } from '../laws/api';
import type { ItemAction } from './ActionModal';
import { type Item, type ItemVersion, powerListApi, versionStateColors } from './api';

const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

export function VersionView({ version }: { version: ItemVersion }) {
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="版本">
        第 {version.version} 版 <Tag color={versionStateColors[version.state]}>{version.stateLabel}</Tag>
        {version.publishedAt ? `${when(version.publishedAt)} 发布` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="事项名称">{version.name}</Descriptions.Item>
      <Descriptions.Item label="事项类型">{version.typeLabel}</Descriptions.Item>
      <Descriptions.Item label="执法类别">{version.category}</Descriptions.Item>
      <Descriptions.Item label="承办机构">{version.unit?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="设定和实施依据">
        <Space orientation="vertical" size={4}>
          {version.basis.map((b) => (
            <div key={b.articleId}>
              <Typography.Link href={articleUrl(b.law.id, b.anchor)} target="_blank">
                《{b.law.shortTitle}》{b.number}
              </Typography.Link>{' '}
              <Typography.Text type="secondary">（{b.law.effectiveOn} 施行）</Typography.Text>
              {b.outdated ? <Tag color="warning">{b.law.statusLabel}</Tag> : null}
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2, expandable: true }}
                style={{ margin: 0 }}
              >
                {b.text}
              </Typography.Paragraph>
            </div>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="职责">
        <span style={{ whiteSpace: 'pre-wrap' }}>{version.duties}</span>
      </Descriptions.Item>
      {version.type === 'penalty' ? (
        <>
          <Descriptions.Item label="处罚种类">{version.penaltyKindLabels.join('、')}</Descriptions.Item>
          <Descriptions.Item label="罚款幅度">{version.fineRange || '—'}</Descriptions.Item>
          {version.penaltyNote ? (
            <Descriptions.Item label="处罚说明">{version.penaltyNote}</Descriptions.Item>
          ) : null}
        </>
      ) : null}
      {version.changeNote ? (
        <Descriptions.Item label="修订说明">{version.changeNote}</Descriptions.Item>
      ) : null}
      {version.correctionNote ? (
        <Descriptions.Item label="更正说明">{version.correctionNote}</Descriptions.Item>
      ) : null}
      {version.withdrawalReason ? (
        <Descriptions.Item label="撤下理由">{version.withdrawalReason}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label="起草 / 最后修改">
        {version.createdBy ?? '—'} {when(version.createdAt)} / {version.updatedBy ?? '—'}{' '}
        {when(version.updatedAt)}
      </Descriptions.Item>
    </Descriptions>
  );
}

function OldVersion({ id, version, onClose }: { id: string; version: number | null; onClose(): void }) {
  const { data, error } = useLoader(
    () => (version ? powerListApi.get(id, version) : Promise.resolve(undefined)),
    [id, version],
  );
  return (
    <Drawer open={version !== null} onClose={onClose} size={680} title={`第 ${version} 版`} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {data?.selected ? <VersionView version={data.selected} /> : error ? null : <PageLoading />}
    </Drawer>
  );
}

export function ItemDrawer({
  id,
  version,
  onClose,
  onEdit,
  onAction,
  onSubmit,
}: {
  id: string | null;
  version: number;
  onClose(): void;
  onEdit(item: Item): void;
  onAction(action: ItemAction, item: Item): void;
  onSubmit(item: Item): void;
}) {
  const { data, error } = useLoader(
    () => (id ? powerListApi.get(id) : Promise.resolve(undefined)),
    [id, version],
  );
  const [oldVersion, setOldVersion] = useState<number | null>(null);
  const item = data && data.id === id ? data : undefined;
  let body = <PageLoading />;
  if (error) body = <Alert type="error" showIcon title={`无法载入执法事项：${errorMessage(error)}`} />;
  if (item) {
    const a = item.actions;
    body = (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap>
          {a.edit ? <Button onClick={() => onEdit(item)}>修改</Button> : null}
          {a.review ? <Button onClick={() => onAction('review', item)}>合法性审核</Button> : null}
          {a.submit ? (
            <Button type="primary" onClick={() => onSubmit(item)}>
              提交审核
            </Button>
          ) : null}
          {a.return ? <Button onClick={() => onAction('return', item)}>退回修改</Button> : null}
          {a.publish ? (
            <Button type="primary" onClick={() => onAction('publish', item)}>
              {item.publishedVersion ? '更正发布' : '审核发布'}
            </Button>
          ) : null}
          {a.withdraw ? (
            <Button danger onClick={() => onAction('withdraw', item)}>
              撤下
            </Button>
          ) : null}
          {item.publishedVersion ? (
            <Button href={`/items/${item.id}`} target="_blank">
              在公示平台查看
            </Button>
          ) : null}
        </Space>
        {item.needsRevision ? (
          <Alert
            type="warning"
            showIcon
            title="待修订：依据所在的法律法规文本已被修改或废止"
            description={item.outdatedCitations.join('；')}
          />
        ) : null}
        {item.legalityReview && item.current.state !== 'published' && item.current.state !== 'withdrawn' ? (
          <Alert
            type={item.legalityReview.passed ? 'success' : 'info'}
            showIcon
            title={`第 ${item.current.version} 版：${item.legalityReview.message}`}
          />
        ) : null}
        <Tabs
          items={[
            {
              key: 'current',
              label: `当前版本（第 ${item.current.version} 版）`,
              children: <VersionView version={item.current} />,
            },
            ...(item.published && item.published.version !== item.current.version
              ? [
                  {
                    key: 'published',
                    label: `公示中（第 ${item.published.version} 版）`,
                    children: <VersionView version={item.published} />,
                  },
                ]
              : []),
            {
              key: 'versions',
              label: `版本历史（${item.versions.length}）`,
              children: (
                <List
                  dataSource={[...item.versions].reverse()}
                  renderItem={(v) => (
                    <List.Item
                      actions={[
                        <Typography.Link key="open" onClick={() => setOldVersion(v.version)}>
                          查看
                        </Typography.Link>,
                      ]}
                    >
                      <List.Item.Meta
                        title={
                          <Space>
                            第 {v.version} 版<Tag color={versionStateColors[v.state]}>{v.stateLabel}</Tag>
                          </Space>
                        }
                        description={[
                          `${v.createdBy ?? '—'} ${when(v.createdAt)} 起草`,
                          v.publishedAt ? `${when(v.publishedAt)} 发布` : '',
                          v.changeNote ? `修订说明：${v.changeNote}` : '',
                          v.correctionNote ? `更正说明：${v.correctionNote}` : '',
                          v.withdrawalReason ? `撤下理由：${v.withdrawalReason}` : '',
                        ]
                          .filter(Boolean)
                          .join('；')}
                      />
                    </List.Item>
                  )}
                />
              ),
            },
            {
              key: 'reviews',
              label: `合法性审核（${item.reviews.length}）`,
              children: item.reviews.length ? (
                <Timeline
                  items={[...item.reviews].reverse().map((r) => ({
                    key: r.id,
                    color: r.result === 'passed' ? 'green' : 'red',
                    content: (
                      <>
                        <Typography.Text strong>{r.resultLabel}</Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          第 {r.version} 版（第 {r.revision} 次修改）· {r.reviewer} · {when(r.reviewedAt)}
                          {r.current ? '' : ' · 审核后已修改'}
                        </Typography.Text>
                        <div>{r.opinion}</div>
                      </>
                    ),
                  }))}
                />
              ) : (
                <Typography.Text type="secondary">尚未进行合法性审核。</Typography.Text>
              ),
            },
            {
              key: 'history',
              label: '公示记录',
              children: (
                <Timeline
                  items={[...item.history].reverse().map((h) => ({
                    key: h.id,
                    content: (
                      <>
                        <Typography.Text strong>{historyLabels[h.action] ?? h.action}</Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          第 {h.version} 版 · {h.actor || '系统'} · {when(h.occurredAt)}
                        </Typography.Text>
                        {h.note ? <div>{h.note}</div> : null}
                      </>
                    ),
                  }))}
                />
              ),
            },
          ]}
        />
        <OldVersion id={item.id} version={oldVersion} onClose={() => setOldVersion(null)} />
      </Space>
    );
  }
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={820}
      title={item ? `${item.code} ${item.current.name}` : '执法事项'}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
