/**
 * One 事前公开 list in the console: the entries of the agencies in scope with
 * their publication status; an entry's versions and history in a drawer; the
 * drafters' form; and the disclosure officer's review (return, publish or
 * correct, withdraw). The same page serves the four kinds.
 */
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { historyLabels } from '../../app/publication';
import { SearchFilters, tablePages } from '../../app/SearchFilters';
import { SheetButtons } from '../../app/SheetButtons';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import {
  type BenchmarkContent,
  type ExemptionContent,
  type GuideContent,
  type InspectionContent,
  kindPages,
  type ListEntry,
  type ListEntryDetail,
  type ListKind,
  type ListStatus,
  type ListVersion,
  listsApi,
  type MoveAction,
  statusColors,
} from './api';
import { EntryModal } from './EntryModal';
import { ImportModal } from './ImportModal';

const statusOptions: { value: ListStatus; label: string }[] = [
  { value: 'draft', label: '草稿' },
  { value: 'submitted', label: '待审核' },
  { value: 'published', label: '已发布' },
  { value: 'withdrawn', label: '已撤下' },
];

const time = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');

function StatusTag({ entry }: { entry: Pick<ListEntry, 'status' | 'statusLabel' | 'pendingVersion'> }) {
  return (
    <Space size={4}>
      <Tag color={statusColors[entry.status]}>{entry.statusLabel}</Tag>
      {entry.pendingVersion ? <Tag color="processing">第 {entry.pendingVersion} 版修订中</Tag> : null}
    </Space>
  );
}

/** The kind's own fields of one version, as the portal words them. */
function VersionContent({ kind, version }: { kind: ListKind; version: ListVersion }) {
  const items: { key: string; label: string; children: ReactNode }[] = [];
  const add = (label: string, children: ReactNode) => items.push({ key: label, label, children });
  if (version.enforcementItem)
    add('权责清单事项', `${version.enforcementItem.code} ${version.enforcementItem.name}`);
  if (version.citations) add('引用条文', version.citations);
  if (kind === 'serviceGuide') {
    const c = version.content as GuideContent;
    add('设定依据', c.basis);
    add('受理机构', c.acceptingBody);
    add('决定机构', c.approvingBody);
    add('申请条件', c.conditions);
    add(
      '申请材料',
      <ol style={{ margin: 0, paddingLeft: 18 }}>
        {c.materials.map((m) => (
          <li key={m.name}>
            {m.name}（原件 {m.originals} 份，复印件 {m.copies} 份{m.note ? `；${m.note}` : ''}）
          </li>
        ))}
      </ol>,
    );
    add('办理流程', c.steps.map((s) => s.name).join(' → '));
    add(
      '办理时限',
      `法定 ${c.statutoryLimitDays} 个工作日，承诺 ${c.promisedLimitDays} 个工作日${c.limitNote ? `（${c.limitNote}）` : ''}`,
    );
    add('收费', c.fees);
    add('监督投诉', c.supervision);
    add('责任追究', c.accountability);
    add('救济途径', c.remedies);
    add('办公时间', c.officeHours);
    add('办公地址', c.address);
    add('咨询电话', c.phone);
  } else if (kind === 'inspectionItem') {
    const c = version.content as InspectionContent;
    add('检查主体', c.inspectingBody);
    add('抽查依据', c.basis);
    add('检查对象', c.targets);
    add('检查内容', c.inspectionContent);
    add('抽查比例', `${c.samplingRatioPercent}%`);
    add('检查方式', (version.labels.methodLabels ?? []).join('、'));
    add('抽查频次', c.frequency);
    if (c.note) add('备注', c.note);
  } else if (kind === 'discretionBenchmark') {
    const c = version.content as BenchmarkContent;
    add('违反条款', c.violatedProvision);
    add('处罚依据', c.penaltyProvision);
    add('法定处罚', c.statutoryPenalty);
    add(
      '裁量幅度',
      <Table
        size="small"
        pagination={false}
        rowKey="level"
        dataSource={c.circumstances.map((circumstance, index) => ({
          ...circumstance,
          label: version.labels.circumstanceLabels?.[index]?.label,
          range: version.labels.circumstanceLabels?.[index]?.fineRange,
        }))}
        columns={[
          { title: '情节', dataIndex: 'label', width: 70 },
          { title: '适用情形', dataIndex: 'description' },
          { title: '罚款幅度', dataIndex: 'range', width: 170 },
          { title: '其他', dataIndex: 'otherMeasures', render: (v: string) => v || '—' },
        ]}
      />,
    );
    if (c.note) add('说明', c.note);
  } else {
    const c = version.content as ExemptionContent;
    add('违反条款', c.violatedProvision);
    add('不予处罚类型', version.labels.exemptionKindLabel);
    add('法定条件', version.labels.statutoryConditions);
    add('适用条件', c.conditions);
    add('不予处罚依据', c.exemptionBasis);
    add('配套措施', c.measures);
    if (c.note) add('备注', c.note);
  }
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={items}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
    />
  );
}

function EntryDrawer({
  kind,
  id,
  version,
  onClose,
  onEdit,
  onMove,
}: {
  kind: ListKind;
  id: string | null;
  /** Changes after an action, so the drawer reloads. */
  version: number;
  onClose(): void;
  onEdit(entry: ListEntry): void;
  onMove(action: MoveAction, entry: ListEntryDetail): void;
}) {
  const [viewing, setViewing] = useState<number | undefined>();
  const { data, error } = useLoader(
    () => (id ? listsApi.get(kind, id, viewing) : Promise.resolve(undefined)),
    [kind, id, version, viewing],
  );
  const entry = data && data.id === id ? data : undefined;
  let body = <PageLoading />;
  if (error) body = <Alert type="error" showIcon title={`无法载入：${errorMessage(error)}`} />;
  if (entry) {
    const a = entry.actions;
    const shown = entry.selected ?? entry.current;
    body = (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap>
          {a.edit ? <Button onClick={() => onEdit(entry)}>修改</Button> : null}
          {a.submit ? (
            <Button type="primary" onClick={() => onMove('submit', entry)}>
              提交审核
            </Button>
          ) : null}
          {a.publish ? (
            <Button type="primary" onClick={() => onMove('publish', entry)}>
              {entry.publishedVersion ? '审核发布（更正）' : '审核发布'}
            </Button>
          ) : null}
          {a.return ? <Button onClick={() => onMove('return', entry)}>退回修改</Button> : null}
          {a.withdraw ? (
            <Button danger onClick={() => onMove('withdraw', entry)}>
              撤下
            </Button>
          ) : null}
          {entry.publishedVersion ? (
            <Typography.Link href={kindPages[kind].portal} target="_blank">
              <EyeOutlined /> 查看公示页面
            </Typography.Link>
          ) : null}
        </Space>
        <Space wrap>
          <StatusTag entry={entry} />
          <Typography.Text type="secondary">
            {entry.agency.name} · 显示第 {shown.version} 版（{shown.stateLabel}）
          </Typography.Text>
          {entry.versions.length > 1 ? (
            <Select
              size="small"
              aria-label="查看其他版本"
              value={viewing ?? entry.latestVersion}
              onChange={(v) => setViewing(v === entry.latestVersion ? undefined : v)}
              options={entry.versions.map((v) => ({
                value: v.version,
                label: `第 ${v.version} 版 · ${v.stateLabel}`,
              }))}
              style={{ width: 180 }}
            />
          ) : null}
        </Space>
        <VersionContent kind={kind} version={shown} />
        <div>
          <Typography.Title level={5}>版本</Typography.Title>
          <Table
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={entry.versions}
            columns={[
              { title: '版本', dataIndex: 'version', width: 60 },
              { title: '状态', dataIndex: 'stateLabel', width: 90 },
              { title: '发布时间', dataIndex: 'publishedAt', width: 140, render: time },
              {
                title: '说明',
                key: 'note',
                render: (_, v) =>
                  [
                    v.changeNote,
                    v.correctionNote && `更正：${v.correctionNote}`,
                    v.withdrawalReason && `撤下：${v.withdrawalReason}`,
                  ]
                    .filter(Boolean)
                    .join('；') || '—',
              },
            ]}
          />
        </div>
        <div>
          <Typography.Title level={5}>公示记录</Typography.Title>
          <Timeline
            items={entry.history.map((h) => ({
              key: h.id,
              content: (
                <>
                  {time(h.occurredAt)} 第 {h.version} 版 {historyLabels[h.action] ?? h.action}
                  {h.actor ? `（${h.actor}）` : ''}
                  {h.note ? `：${h.note}` : ''}
                </>
              ),
            }))}
          />
        </div>
      </Space>
    );
  }
  return (
    <Drawer
      open={id !== null}
      onClose={() => {
        setViewing(undefined);
        onClose();
      }}
      size={760}
      title={entry ? entry.current.title : kindPages[kind].noun}
    >
      {body}
    </Drawer>
  );
}

const moveTexts: Record<MoveAction, { title: string; ok: string; field?: string; required: boolean }> = {
  submit: { title: '提交公示审核', ok: '提交', required: false },
  return: { title: '退回修改', ok: '退回', field: '退回理由', required: true },
  publish: { title: '审核发布', ok: '发布', required: false },
  withdraw: { title: '撤下', ok: '撤下', field: '撤下理由', required: true },
};

function MoveModal({
  kind,
  target,
  onClose,
  onDone,
}: {
  kind: ListKind;
  target: { action: MoveAction; entry: ListEntryDetail } | null;
  onClose(): void;
  onDone(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!target) return null;
  const { action, entry } = target;
  const correction = action === 'publish' && entry.publishedVersion !== null;
  const texts = moveTexts[action];
  const label = correction ? '更正说明' : texts.field;
  const needsNote = texts.required || correction;
  const run = async () => {
    if (needsNote && !note.trim()) {
      setFailure(`请填写${label}`);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await listsApi.move(kind, entry.id, action, note.trim());
      message.success(`${texts.title}：${entry.current.title}`);
      onClose();
      await onDone();
    } catch (caught) {
      setFailure(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${correction ? '更正发布' : texts.title}：${entry.current.title}`}
      okText={texts.ok}
      okButtonProps={{ danger: action === 'withdraw' }}
      confirmLoading={busy}
      onOk={run}
      onCancel={onClose}
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      {action === 'publish' ? (
        <p>
          发布第 {entry.latestVersion} 版后即在公示平台公开
          {correction ? `，并替代现已发布的第 ${entry.publishedVersion} 版（原版本保留为“已被更正”）` : ''}。
        </p>
      ) : null}
      {action === 'submit' ? <p>提交后由公示管理员审核发布；审核期间不能修改。</p> : null}
      {label ? (
        <Form layout="vertical">
          <Form.Item label={label} required={needsNote}>
            <Input.TextArea
              autoSize={{ minRows: 2 }}
              maxLength={1000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-label={label}
            />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

export default function ListsPage({ kind }: { kind: ListKind }) {
  const page = kindPages[kind];
  usePageTitle(page.title);
  const { data, error, loading, reload } = useLoader(() => listsApi.list(kind), [kind]);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const editor = useModal<{ entry: ListEntry | null }>();
  const mover = useModal<{ action: MoveAction; entry: ListEntryDetail }>();

  if (!data) return <PageLoading error={error} what={page.title} />;
  const term = search.trim();
  const shown = data.items.filter(
    (e) =>
      (!status || e.status === status) &&
      (!term || e.current.title.includes(term) || e.agency.name.includes(term)),
  );
  const refresh = async () => {
    setVersion((v) => v + 1);
    await reload();
  };
  const columns: TableColumnsType<ListEntry> = [
    {
      title: kind === 'discretionBenchmark' || kind === 'exemption' ? '违法行为' : '事项名称',
      key: 'title',
      render: (_, e) => <Typography.Link onClick={() => setOpenId(e.id)}>{e.current.title}</Typography.Link>,
    },
    { title: '执法主体', key: 'agency', width: 180, render: (_, e) => e.agency.name },
    { title: '版本', dataIndex: 'latestVersion', width: 70 },
    { title: '状态', key: 'status', width: 200, render: (_, e) => <StatusTag entry={e} /> },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: time },
  ];
  return (
    <Card
      title={page.title}
      extra={
        <Space wrap>
          <Typography.Link href={page.portal} target="_blank">
            <EyeOutlined /> 公示页面
          </Typography.Link>
          <SheetButtons
            exportUrl={listsApi.exportUrl(kind)}
            importModal={
              data.actions.import
                ? (props) => <ImportModal kind={kind} {...props} onDone={refresh} />
                : undefined
            }
          />
          {data.actions.create ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open({ entry: null })}>
              新增{page.noun}
            </Button>
          ) : null}
        </Space>
      }
    >
      <SearchFilters
        search={{ label: `搜索${page.noun}`, placeholder: '名称或执法主体', onChange: setSearch }}
        filters={[
          {
            label: '按状态筛选',
            placeholder: '全部状态',
            width: 140,
            options: statusOptions,
            value: status,
            onChange: setStatus,
          },
        ]}
      />
      <Table<ListEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={loading}
        pagination={tablePages('项')}
        locale={{
          emptyText: <Empty description={term || status ? '没有符合条件的条目' : `尚无${page.noun}`} />,
        }}
      />
      <EntryDrawer
        kind={kind}
        id={openId}
        version={version}
        onClose={() => setOpenId(null)}
        onEdit={(entry) => editor.open({ entry })}
        onMove={(action, entry) => mover.open({ action, entry })}
      />
      <EntryModal
        key={`edit-${editor.key}`}
        kind={kind}
        entry={editor.target?.entry ?? null}
        choices={data}
        open={editor.target !== null}
        onClose={() => editor.close()}
        onSaved={async (id) => {
          await refresh();
          setOpenId(id);
        }}
      />
      <MoveModal
        key={`move-${mover.key}`}
        kind={kind}
        target={mover.target}
        onClose={() => mover.close()}
        onDone={refresh}
      />
    </Card>
  );
}
