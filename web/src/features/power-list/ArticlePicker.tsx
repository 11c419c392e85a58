/**
 * Picks the articles an item cites: search the law library by title, number
 * or words of the text, and add articles in order. Each chosen article shows
 * its text's status, so an amended or repealed text stands out before saving.
 */
import { Select, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { type ArticleHit, lawsApi } from '../laws/api';
import type { Basis } from './api';

interface Option {
  value: string;
  label: string;
  outdated: boolean;
  statusLabel: string;
  text: string;
}

const optionOf = (a: ArticleHit | Basis): Option => ({
  value: 'articleId' in a ? a.articleId : a.id,
  label: `《${a.law.shortTitle}》${a.number}（${a.law.effectiveOn} 施行）`,
  outdated: a.law.status === 'amended' || a.law.status === 'repealed',
  statusLabel: a.law.statusLabel,
  text: a.text,
});

export function ArticlePicker({
  id,
  value,
  onChange,
  initial,
}: {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** The articles the item cites now, so their labels show before any search. */
  initial: Basis[];
}) {
  const known = useRef(new Map(initial.map((b) => [b.articleId, optionOf(b)])));
  const [options, setOptions] = useState<Option[]>(initial.map(optionOf));
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      setLoading(true);
      try {
        const { items } = await lawsApi.searchArticles(q);
        const found = items.map(optionOf);
        for (const option of found) known.current.set(option.value, option);
        const chosen = (value ?? []).map((v) => known.current.get(v)).filter((o): o is Option => !!o);
        setOptions([...chosen, ...found.filter((o) => !(value ?? []).includes(o.value))]);
      } finally {
        setLoading(false);
      }
    }, 250);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the first page once.
  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
  }, []);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder="输入法规名称、条号或条文中的词语查找，如：道路运输条例 第六十三条"
      showSearch={{ filterOption: false, onSearch: search }}
      notFoundContent={loading ? '查找中…' : '没有找到条文，请先在法律法规库中录入'}
      options={options.map((o) => ({
        value: o.value,
        label: o.label,
        title: o.text,
      }))}
      optionRender={(option) => {
        const o = known.current.get(String(option.value));
        return (
          <div>
            <Typography.Text>{option.label}</Typography.Text>
            {o?.outdated ? (
              <Tag color="warning" style={{ marginLeft: 8 }}>
                {o.statusLabel}
              </Tag>
            ) : null}
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0 }}>
              {o?.text}
            </Typography.Paragraph>
          </div>
        );
      }}
      labelRender={(props) => {
        const o = known.current.get(String(props.value));
        return (
          <span>
            {o?.label ?? props.label}
            {o?.outdated ? `（${o.statusLabel}）` : ''}
          </span>
        );
      }}
    />
  );
}
