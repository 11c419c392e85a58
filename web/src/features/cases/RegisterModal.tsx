/** 案件来源登记: process, source, party, the day it came to notice; N10 is checked by the server. */
import { Form, Input, Radio, Select } from 'antd';
import { FormModal } from '../../app/FormModal';
import { casesApi, type PartyDetails } from './api';
import { processOptions, sourceOptions } from './labels';

interface Values {
  processKind: string;
  title: string;
  source: string;
  sourceNote?: string;
  party: { kind: 'individual' | 'organisation'; name: string } & PartyDetails;
  discoveredOn: string;
  occurredOn?: string;
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export function RegisterModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose(): void;
  onDone(id: string): void;
}) {
  const [form] = Form.useForm<Values>();
  const processKind = Form.useWatch('processKind', form) ?? 'penaltyGeneral';
  const partyKind = Form.useWatch(['party', 'kind'], form) ?? 'individual';
  const sources = sourceOptions(processKind);

  return (
    <FormModal<Values>
      open={open}
      title="登记案件来源"
      name="caseRegister"
      form={form}
      okText="登记"
      initialValues={{
        processKind: 'penaltyGeneral',
        party: { kind: 'individual', name: '' },
        discoveredOn: today(),
      }}
      fields={['processKind', 'title', 'source', 'sourceNote', 'party', 'discoveredOn']}
      onValuesChange={(changed) => {
        if ('processKind' in changed) form.setFieldValue('source', undefined);
      }}
      onSubmit={async (v) => {
        const created = await casesApi.register({
          processKind: v.processKind,
          title: v.title.trim(),
          source: v.source,
          ...(v.sourceNote?.trim() && { sourceNote: v.sourceNote.trim() }),
          party: {
            kind: v.party.kind,
            name: v.party.name.trim(),
            // What is known in the field; the rest is completed on the case before 事先告知.
            ...Object.fromEntries(
              (['idNumber', 'address', 'phone', 'representative'] as const)
                .map((key) => [key, v.party[key]?.trim()])
                .filter(([, value]) => value),
            ),
          },
          discoveredOn: v.discoveredOn,
          ...(v.occurredOn && {
            violation: { occurredOn: v.occurredOn, continuing: false, severeHarm: false },
          }),
        });
        onClose();
        onDone(created.id);
      }}
      onClose={onClose}
    >
      <Form.Item name="processKind" label="流程" rules={[{ required: true }]}>
        <Select options={processOptions} />
      </Form.Item>
      <Form.Item name="title" label="案由" rules={[{ required: true, message: '请填写案由' }]}>
        <Input maxLength={200} placeholder="如：货运车辆未按规定携带道路运输证" />
      </Form.Item>
      <Form.Item
        name="source"
        label="案件来源"
        rules={[{ required: sources.length > 0, message: '请选择案件来源' }]}
      >
        {sources.length ? <Select options={sources} placeholder="选择来源" /> : <Input maxLength={40} />}
      </Form.Item>
      <Form.Item name="sourceNote" label="来源说明">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name={['party', 'kind']} label="当事人类型">
        <Radio.Group
          options={[
            { value: 'individual', label: '自然人' },
            { value: 'organisation', label: '法人或其他组织' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={['party', 'name']}
        label="当事人"
        rules={[{ required: true, message: '请填写当事人' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name={['party', 'idNumber']} label="身份证号或统一社会信用代码">
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        name={['party', 'address']}
        label="住址或住所"
        extra="现场不明的，可在案件中补充；事先告知前须齐全"
      >
        <Input maxLength={200} />
      </Form.Item>
      {partyKind === 'individual' ? (
        <Form.Item name={['party', 'phone']} label="联系电话">
          <Input maxLength={20} />
        </Form.Item>
      ) : (
        <Form.Item name={['party', 'representative']} label="法定代表人（负责人）">
          <Input maxLength={50} />
        </Form.Item>
      )}
      <Form.Item name="discoveredOn" label="发现日期" rules={[{ required: true, message: '请填写发现日期' }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="occurredOn"
        label="违法行为发生日期（核对追责时效）"
        rules={[{ required: processKind.startsWith('penalty'), message: '请填写违法行为发生日期' }]}
      >
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}
