/**
 * 执法事项: the violation as an item of the agency's 权责清单 (issue 17) — the fine its 罚则 allows
 * and the articles it cites, each opening its text in the law library; chosen from the agency's list
 * by whoever handles the case, until the decision.
 */
import { ProfileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/auth';
import { FormModal } from '../../app/FormModal';
import { useLoader } from '../../app/use-loader';
import { powerListApi } from '../power-list/api';
import { type CaseDetail, casesApi } from './api';

const yuan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('en-US')}元`);

export function ItemCard({ c, onChanged }: { c: CaseDetail; onChanged(): Promise<void> }) {
  const [editing, setEditing] = useState(0);
  const { item } = c;
  const mayLink = c.actions.handle && !c.facts.decision;
  return (
    <Card
      size="small"
      title="执法事项"
      data-testid="case-item"
      style={{ marginBottom: 16 }}
      extra={
        mayLink ? (
          <Button size="small" icon={<ProfileOutlined />} onClick={() => setEditing((n) => n + 1)}>
            {item ? '更换执法事项' : '关联执法事项'}
          </Button>
        ) : null
      }
    >
      {editing ? <ItemModal key={editing} c={c} onClose={() => setEditing(0)} onChanged={onChanged} /> : null}
      {item ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="事项">{item.name}</Descriptions.Item>
          {item.fineMinYuan !== null || item.fineMaxYuan !== null ? (
            <Descriptions.Item label="法定罚款幅度">
              {yuan(item.fineMinYuan)} 至 {yuan(item.fineMaxYuan)}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="依据">
            <span>
              {item.basis.map((b, i) => (
                <span key={b.url}>
                  {i ? '、' : ''}
                  <Typography.Link href={b.url} target="_blank" title={b.text}>
                    {b.citation}
                  </Typography.Link>
                </span>
              ))}
            </span>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Alert type="info" showIcon title="尚未关联执法事项：关联后，拟处罚款不得超出该事项的法定幅度。" />
      )}
    </Card>
  );
}

function ItemModal({
  c,
  onClose,
  onChanged,
}: {
  c: CaseDetail;
  onClose(): void;
  onChanged(): Promise<void>;
}) {
  const [form] = Form.useForm<{ enforcementItemId: string }>();
  const me = useMe();
  const items = useLoader(() => powerListApi.list(), []);
  // The case's own agency's items: whoever handles a case belongs to its agency.
  const options = (items.data?.items ?? [])
    .filter((i) => i.agency.id === me.agency.id)
    .map((i) => ({ value: i.id, label: `${i.current.name}（${i.current.typeLabel}）` }));
  return (
    <FormModal<{ enforcementItemId: string }>
      open
      title="关联执法事项"
      name="caseItem"
      form={form}
      fields={['enforcementItemId']}
      initialValues={{ enforcementItemId: c.item?.id }}
      waiting={items.data ? undefined : '正在载入权责清单…'}
      onSubmit={async (v) => {
        await casesApi.linkItem(c.id, { version: c.version, enforcementItemId: v.enforcementItemId });
        onClose();
        await onChanged();
      }}
      onClose={onClose}
    >
      <Form.Item
        name="enforcementItemId"
        label="执法事项"
        rules={[{ required: true, message: '请选择执法事项' }]}
      >
        <Select showSearch optionFilterProp="label" options={options} placeholder="输入名称查找" />
      </Form.Item>
    </FormModal>
  );
}
