/**
 * Drafts or edits one entry of a 事前公开 list. The common fields (title, the
 * 权责清单 item, cited articles, change note) and each kind's own. Editing a
 * published entry opens a new version: the published one stays public until
 * the disclosure officer publishes the new one as its correction.
 */
import { Alert, App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../app/FormModal';
import { useLoader } from '../../app/use-loader';
import {
  type ArticleOption,
  type BenchmarkContent,
  type ExemptionContent,
  type GuideContent,
  type InspectionContent,
  kindPages,
  type ListBody,
  type ListChoices,
  type ListEntry,
  type ListKind,
  listsApi,
  lookupApi,
} from './api';
import { emptyContent, KindFields, kindFields, required } from './KindFields';

type Values = Record<string, unknown> & {
  title: string;
  enforcementItemId?: string | null;
  basisArticleIds?: string[];
  changeNote?: string;
};

/** Which 权责清单 item types fit each kind. */
const itemTypes: Record<ListKind, string[]> = {
  serviceGuide: ['licensing', 'other'],
  inspectionItem: ['inspection'],
  discretionBenchmark: ['penalty'],
  exemption: ['penalty'],
};

const titleLabels: Record<ListKind, string> = {
  serviceGuide: '事项名称',
  inspectionItem: '抽查事项名称',
  discretionBenchmark: '违法行为',
  exemption: '违法行为',
};

function ArticlePicker({
  value,
  onChange,
  initial,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  initial: { value: string; label: string }[];
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(initial);
  const search = async (q: string) => {
    if (!q.trim()) return;
    try {
      const { items } = await lookupApi.articles(q.trim());
      const found = items.map((a: ArticleOption) => ({
        value: a.id,
        label: `《${a.law.shortTitle}》${a.number}${a.law.statusLabel === '现行有效' ? '' : `（${a.law.statusLabel}）`}`,
      }));
      setOptions((old) => [
        ...old.filter((o) => value?.includes(o.value)),
        ...found.filter((f) => !value?.includes(f.value)),
      ]);
    } catch {
      // The picker is optional: without the law library the text basis still stands.
    }
  };
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      filterOption={false}
      showSearch={{ onSearch: (q) => void search(q) }}
      placeholder="输入法规名称或条号查找，如 道路运输条例 第六十三条"
      notFoundContent="输入关键词查找法律法规库中的条文"
    />
  );
}

export function EntryModal({
  kind,
  entry,
  choices,
  open,
  onClose,
  onSaved,
}: {
  kind: ListKind;
  /** The entry to edit; null to draft a new one. */
  entry: ListEntry | null;
  choices: ListChoices;
  open: boolean;
  onClose(): void;
  onSaved(id: string): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const items = useLoader(() => (open ? lookupApi.items() : Promise.resolve(undefined)), [open]);
  const itemOptions = (items.data?.items ?? [])
    .filter((i) => itemTypes[kind].includes(i.current.type))
    .map((i) => ({ value: i.id, label: `${i.code} ${i.current.name}` }));
  const noun = kindPages[kind].noun;
  const current = entry?.current;
  const published = entry?.status === 'published';
  const initialArticles = (current?.basisArticles ?? []).map((b) => ({
    value: b.articleId,
    label: `《${b.law.shortTitle}》${b.number}`,
  }));

  const save = async (values: Values) => {
    const { title, enforcementItemId, basisArticleIds, changeNote, ...rest } = values;
    const body: ListBody = {
      ...rest,
      title,
      enforcementItemId: enforcementItemId ?? null,
      basisArticleIds: basisArticleIds ?? [],
      changeNote: changeNote ?? '',
    };
    const saved = entry ? await listsApi.update(kind, entry.id, body) : await listsApi.create(kind, body);
    message.success(
      entry
        ? saved.latestVersion > entry.latestVersion
          ? `已保存为第 ${saved.latestVersion} 版（草稿），发布后更正原版本`
          : `已保存${noun}“${saved.current.title}”`
        : `已新增${noun}“${saved.current.title}”（草稿）`,
    );
    onClose();
    await onSaved(saved.id);
  };

  const content = current?.content as
    | GuideContent
    | InspectionContent
    | BenchmarkContent
    | ExemptionContent
    | undefined;
  return (
    <FormModal<Values>
      open={open}
      title={entry ? `修改${noun}` : `新增${noun}`}
      name="listEntry"
      form={form}
      width={860}
      fields={['title', 'enforcementItemId', 'basisArticleIds', 'changeNote', ...kindFields[kind]]}
      initialValues={
        current
          ? {
              ...(content as unknown as Record<string, unknown>),
              title: current.title,
              enforcementItemId: current.enforcementItem?.id ?? null,
              basisArticleIds: current.basisArticleIds,
              changeNote: '',
            }
          : { ...emptyContent[kind], enforcementItemId: null, basisArticleIds: [] }
      }
      intro={
        published ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="该事项已发布：保存后生成新版本（草稿），原版本继续公开，直至新版本经审核发布为更正。"
          />
        ) : null
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item label={titleLabels[kind]} name="title" rules={required(`请填写${titleLabels[kind]}`)}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label="对应权责清单事项"
        name="enforcementItemId"
        extra="可选：关联本机关权责清单中的执法事项。"
      >
        <Select
          allowClear
          loading={items.loading}
          options={itemOptions}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item
        label="引用条文（法律法规库）"
        name="basisArticleIds"
        extra="可选：公示时与文字依据一并列出。"
      >
        <ArticlePicker initial={initialArticles} />
      </Form.Item>
      <KindFields kind={kind} choices={choices} />
      {entry ? (
        <Form.Item label="修改说明" name="changeNote">
          <Input maxLength={500} placeholder="如：依据条例修订调整罚款幅度" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
