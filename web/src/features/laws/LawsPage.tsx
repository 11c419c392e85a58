/**
 * 法律法规库: the texts enforcement items cite, with their status today, and
 * their articles. The legal unit enters a text, adds or edits articles one by
 * one or pastes the whole text, or loads texts and articles from an .xlsx
 * sheet in the layout of the export; an article's public page is the portal's law
 * page at its anchor, which is also where every citation links.
 */
import { BookOutlined, EditOutlined, LinkOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { SearchFilters, tablePages } from '../../app/SearchFilters';
import { SheetButtons } from '../../app/SheetButtons';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { ArticleModal } from './ArticleModal';
import {
  type Article,
  articleUrl,
  type Law,
  type LawStatus,
  lawStatusColors,
  lawStatusOptions,
  lawsApi,
} from './api';
import { BulkArticlesModal } from './BulkArticlesModal';
import { ImportModal } from './ImportModal';
import { LawModal } from './LawModal';

export function LawStatusTag({ law }: { law: { status: LawStatus; statusLabel: string } }) {
  return <Tag color={lawStatusColors[law.status]}>{law.statusLabel}</Tag>;
}

function LawDrawer({
  id,
  version,
  manage,
  onClose,
  onEdit,
  onArticle,
  onBulk,
}: {
  id: string | null;
  version: number;
  manage: boolean;
  onClose(): void;
  onEdit(law: Law): void;
  onArticle(article: Article | null): void;
  onBulk(law: Law): void;
}) {
  const { data, error } = useLoader(() => (id ? lawsApi.get(id) : Promise.resolve(undefined)), [id, version]);
  const law = data && data.id === id ? data : undefined;
  let body = <PageLoading />;
  if (error) body = <Alert type="error" showIcon title={`无法载入：${errorMessage(error)}`} />;
  if (law)
    body = (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap>
          {manage ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => onEdit(law)}>
                修改
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => onArticle(null)}>
                新增条文
              </Button>
              <Button icon={<SnippetsOutlined />} onClick={() => onBulk(law)}>
                粘贴批量录入
              </Button>
            </>
          ) : null}
          <Button icon={<LinkOutlined />} href={`/laws/${law.id}`} target="_blank">
            在公示平台查看
          </Button>
        </Space>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="时效性">
            <LawStatusTag law={law} />
            {law.amendedOn ? `${law.amendedOn} 修改` : ''}
            {law.repealedOn ? `${law.repealedOn} 废止` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="效力层级">{law.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="简称">{law.shortTitle}</Descriptions.Item>
          <Descriptions.Item label="制定机关">{law.issuingBody}</Descriptions.Item>
          <Descriptions.Item label="文号">{law.documentNumber || '—'}</Descriptions.Item>
          <Descriptions.Item label="公布 / 施行">
            {law.promulgatedOn} / {law.effectiveOn}
          </Descriptions.Item>
          {law.supersededByLaw ? (
            <Descriptions.Item label="被取代">
              {law.supersededByLaw.title}（{law.supersededByLaw.effectiveOn} 施行）
            </Descriptions.Item>
          ) : null}
          {law.otherRevisions.length ? (
            <Descriptions.Item label="其他文本">
              {law.otherRevisions.map((r) => (
                <div key={r.id}>
                  {r.effectiveOn} 施行 <LawStatusTag law={r} />
                </div>
              ))}
            </Descriptions.Item>
          ) : null}
          {law.note ? <Descriptions.Item label="说明">{law.note}</Descriptions.Item> : null}
        </Descriptions>
        <div>
          <Typography.Title level={5}>条文（{law.articles.length}）</Typography.Title>
          {law.articles.length === 0 ? (
            <Typography.Text type="secondary">尚未录入条文。</Typography.Text>
          ) : null}
          {law.articles.map((article) => (
            <div key={article.id} id={article.anchor} style={{ marginBottom: 12 }}>
              <Space>
                <Typography.Text strong>{article.number}</Typography.Text>
                <Typography.Link href={articleUrl(law.id, article.anchor)} target="_blank">
                  链接
                </Typography.Link>
                {manage ? (
                  <Typography.Link onClick={() => onArticle(article)} aria-label={`修改${article.number}`}>
                    修改
                  </Typography.Link>
                ) : null}
              </Space>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {article.text}
              </Typography.Paragraph>
            </div>
          ))}
        </div>
      </Space>
    );
  return (
    <Drawer open={id !== null} onClose={onClose} size={760} title={law?.title ?? '法律法规'} destroyOnHidden>
      {body}
    </Drawer>
  );
}

export default function LawsPage() {
  usePageTitle('法律法规库');
  const { data, error, loading, reload } = useLoader(() => lawsApi.list(), []);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const lawModal = useModal<{ law: Law | null }>();
  const articleModal = useModal<{ article: Article | null }>();
  const bulkModal = useModal<Law>();

  if (!data) return <PageLoading error={error} what="法律法规库" />;
  const term = search.trim();
  const shown = data.items.filter(
    (l) =>
      (!status || l.status === status) &&
      (!term || [l.title, l.shortTitle, l.issuingBody, l.documentNumber].some((v) => v.includes(term))),
  );
  const refresh = async () => {
    setVersion((v) => v + 1);
    await reload();
  };
  const columns: TableColumnsType<Law> = [
    {
      title: '名称',
      dataIndex: 'title',
      render: (title: string, law) => (
        <Typography.Link onClick={() => setOpenId(law.id)}>{title}</Typography.Link>
      ),
    },
    { title: '效力层级', dataIndex: 'kindLabel', width: 110 },
    { title: '制定机关', dataIndex: 'issuingBody', width: 180 },
    { title: '施行日期', dataIndex: 'effectiveOn', width: 110 },
    { title: '时效性', key: 'status', width: 100, render: (_, law) => <LawStatusTag law={law} /> },
    { title: '条文数', dataIndex: 'articleCount', width: 80, align: 'right' },
  ];
  return (
    <Card
      title={
        <Space>
          <BookOutlined />
          法律法规库
        </Space>
      }
      extra={
        <Space wrap>
          <SheetButtons
            exportUrl={lawsApi.exportUrl}
            importModal={
              data.actions.manage ? (props) => <ImportModal {...props} onDone={refresh} /> : undefined
            }
          />
          {data.actions.manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => lawModal.open({ law: null })}>
              新增法律法规
            </Button>
          ) : null}
        </Space>
      }
    >
      <SearchFilters
        search={{
          label: '搜索法律法规',
          placeholder: '名称、制定机关或文号',
          width: 260,
          onChange: setSearch,
        }}
        filters={[
          {
            label: '按时效性筛选',
            placeholder: '全部时效性',
            width: 160,
            options: lawStatusOptions,
            value: status,
            onChange: setStatus,
          },
        ]}
      >
        <Typography.Text type="secondary">时效性按今天（{data.today}）计算。</Typography.Text>
      </SearchFilters>
      <Table<Law>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={loading}
        pagination={tablePages('部')}
        locale={{ emptyText: term || status ? '没有符合条件的法律法规' : '尚未录入法律法规' }}
      />
      <LawDrawer
        id={openId}
        version={version}
        manage={data.actions.manage}
        onClose={() => setOpenId(null)}
        onEdit={(law) => lawModal.open({ law })}
        onArticle={(article) => articleModal.open({ article })}
        onBulk={(law) => bulkModal.open(law)}
      />
      <LawModal
        key={`law-${lawModal.key}`}
        open={lawModal.target !== null}
        law={lawModal.target?.law ?? null}
        laws={data.items}
        kinds={data.kinds}
        onClose={() => lawModal.close()}
        onSaved={async (id) => {
          setOpenId(id);
          await refresh();
        }}
      />
      {openId ? (
        <ArticleModal
          key={`article-${articleModal.key}`}
          open={articleModal.target !== null}
          lawId={openId}
          article={articleModal.target?.article ?? null}
          onClose={() => articleModal.close()}
          onSaved={refresh}
        />
      ) : null}
      {bulkModal.target ? (
        <BulkArticlesModal
          key={`bulk-${bulkModal.key}`}
          open
          lawId={bulkModal.target.id}
          lawTitle={bulkModal.target.title}
          onClose={() => bulkModal.close()}
          onSaved={refresh}
        />
      ) : null}
    </Card>
  );
}
