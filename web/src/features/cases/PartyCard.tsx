/**
 * 当事人: as a decision must name it (行政处罚法 art. 59(一)), shown masked, with what is still missing
 * before 事先告知 and a form to complete or correct it. Registration in the field may know only a name.
 */
import { IdcardOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../app/FormModal';
import { type CaseDetail, casesApi, type PartyDetails } from './api';

export function PartyCard({ c, onChanged }: { c: CaseDetail; onChanged(): Promise<void> }) {
  const [editing, setEditing] = useState(0);
  const { party } = c;
  const person = party.kind === 'individual';
  return (
    <Card
      size="small"
      title="当事人"
      data-testid="case-party"
      style={{ marginBottom: 16 }}
      extra={
        c.actions.handle ? (
          <Button size="small" icon={<IdcardOutlined />} onClick={() => setEditing((n) => n + 1)}>
            补充当事人信息
          </Button>
        ) : null
      }
    >
      {editing ? (
        <PartyModal key={editing} c={c} onClose={() => setEditing(0)} onChanged={onChanged} />
      ) : null}
      {party.missing.length && !c.archivedAt ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`事先告知前须补充：${party.missing.join('、')}`}
          description="事先告知书和处罚决定书须载明当事人的身份证件号码或统一社会信用代码、地址（行政处罚法第五十九条）。"
        />
      ) : null}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={person ? '姓名' : '名称'}>{party.name}</Descriptions.Item>
        <Descriptions.Item label={person ? '身份证件号码' : '统一社会信用代码'}>
          {party.idNumberMasked ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={person ? '住址' : '住所（地址）'}>
          {party.addressMasked ?? '—'}
        </Descriptions.Item>
        {person ? (
          <Descriptions.Item label="联系电话">{party.phoneMasked ?? '—'}</Descriptions.Item>
        ) : (
          <Descriptions.Item label="法定代表人（负责人）">{party.representative ?? '—'}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function PartyModal({
  c,
  onClose,
  onChanged,
}: {
  c: CaseDetail;
  onClose(): void;
  onChanged(): Promise<void>;
}) {
  const [form] = Form.useForm<PartyDetails>();
  const person = c.party.kind === 'individual';
  return (
    <FormModal<PartyDetails>
      open
      title="补充当事人信息"
      name="caseParty"
      form={form}
      fields={['idNumber', 'address', 'phone', 'representative']}
      intro="已登记的信息以脱敏方式显示；填写的项将替换原有内容，未填写的项保持不变。"
      onSubmit={async (v) => {
        const given = Object.fromEntries(
          Object.entries(v).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
        ) as PartyDetails;
        await casesApi.updateParty(c.id, { version: c.version, ...given });
        onClose();
        await onChanged();
      }}
      onClose={onClose}
    >
      <Form.Item name="idNumber" label={person ? '身份证号' : '统一社会信用代码'}>
        <Input maxLength={18} placeholder={c.party.idNumberMasked ?? ''} />
      </Form.Item>
      <Form.Item name="address" label={person ? '住址' : '住所（地址）'}>
        <Input maxLength={200} placeholder={c.party.addressMasked ?? ''} />
      </Form.Item>
      {person ? (
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={20} placeholder={c.party.phoneMasked ?? '11位手机号或带区号的固定电话'} />
        </Form.Item>
      ) : (
        <Form.Item name="representative" label="法定代表人（负责人）">
          <Input maxLength={50} placeholder={c.party.representative ?? ''} />
        </Form.Item>
      )}
    </FormModal>
  );
}
