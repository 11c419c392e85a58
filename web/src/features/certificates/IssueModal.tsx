/**
 * Records a certificate issued by the government to a person of the register.
 * Auxiliaries are not offered (Q2: they never get one); neither is anyone who
 * has left enforcement work. The server checks both again.
 */
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal';
import { useLoader } from '../../app/use-loader';
import { organisationApi } from '../organisation/api';
import { personsApi } from '../persons/api';
import { certificatesApi } from './api';

interface Values {
  personId: string;
  number: string;
  categories: string[];
  regionCode: string;
  regionName: string;
  validFrom: Dayjs;
  validTo: Dayjs;
  issuingAuthority: string;
  annualCheckDue?: Dayjs | null;
}

export function IssueModal({
  open,
  categories,
  onClose,
  onSaved,
}: {
  open: boolean;
  categories: string[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const sources = useLoader(
    () => (open ? Promise.all([personsApi.list(), organisationApi.agencies()]) : Promise.resolve(undefined)),
    [open],
  );
  const persons = (sources.data?.[0].items ?? []).filter((p) => p.kind !== 'auxiliary' && p.active);
  const agencies = sources.data?.[1].items ?? [];

  const save = async (values: Values) => {
    const created = await certificatesApi.issue({
      personId: values.personId,
      number: values.number.trim().toUpperCase(),
      categories: values.categories,
      regionCode: values.regionCode.trim(),
      regionName: values.regionName.trim(),
      validFrom: values.validFrom.format('YYYY-MM-DD'),
      validTo: values.validTo.format('YYYY-MM-DD'),
      issuingAuthority: values.issuingAuthority.trim(),
      ...(values.annualCheckDue && { annualCheckDue: values.annualCheckDue.format('YYYY-MM-DD') }),
    });
    message.success(`已登记证件 ${created.number}（${created.holder.name}）`);
    onClose();
    await onSaved();
  };

  return (
    <FormModal
      open={open}
      title="登记发放行政执法证件"
      name="certificate"
      form={form}
      fields={[
        'personId',
        'number',
        'categories',
        'regionCode',
        'regionName',
        'validFrom',
        'validTo',
        'issuingAuthority',
        'annualCheckDue',
      ]}
      width={620}
      initialValues={{
        categories: categories.includes('交通运输') ? ['交通运输'] : [],
        validFrom: dayjs(),
      }}
      onSubmit={save}
      onClose={onClose}
      onValuesChange={(changed: Partial<Values>) => {
        // The holder's agency suggests the region code.
        if (changed.personId) {
          const person = persons.find((p) => p.id === changed.personId);
          const agency = agencies.find((a) => a.id === person?.agencyId);
          if (agency && !form.getFieldValue('regionCode'))
            form.setFieldValue('regionCode', agency.regionCode);
        }
        if (changed.validFrom && !form.getFieldValue('validTo'))
          form.setFieldValue('validTo', changed.validFrom.add(5, 'year').subtract(1, 'day'));
      }}
    >
      <Form.Item
        label="持证人"
        name="personId"
        rules={[{ required: true, message: '请选择持证人' }]}
        extra="执法辅助人员不能申领行政执法证件；已调离执法岗位的人员不在此列。"
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={sources.loading}
          options={persons.map((p) => ({
            value: p.id,
            label: `${p.name}${p.unit?.name ? `（${p.unit.name}）` : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        label="证件编号"
        name="number"
        rules={[
          { required: true, whitespace: true, message: '请输入证件编号' },
          { pattern: /^\s*[0-9A-Za-z][0-9A-Za-z-]{3,39}\s*$/, message: '4–40 位数字、字母或连字符' },
        ]}
      >
        <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item
        label="执法类别"
        name="categories"
        rules={[{ required: true, message: '至少选择一个执法类别' }]}
      >
        <Select mode="multiple" options={categories.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item label="执法区域" required style={{ marginBottom: 0 }}>
        <Form.Item
          name="regionCode"
          rules={[{ required: true, pattern: /^\d{6}$/, message: '6 位行政区划代码（GB/T 2260）' }]}
          style={{ display: 'inline-block', width: 180, marginRight: 8 }}
        >
          <Input maxLength={6} placeholder="行政区划代码" aria-label="行政区划代码" />
        </Form.Item>
        <Form.Item
          name="regionName"
          rules={[{ required: true, whitespace: true, message: '请输入区域名称' }]}
          style={{ display: 'inline-block', width: 'calc(100% - 188px)' }}
        >
          <Input maxLength={50} placeholder="区域名称，如 示例县" aria-label="区域名称" />
        </Form.Item>
      </Form.Item>
      <Form.Item label="有效期" required style={{ marginBottom: 0 }}>
        <Form.Item
          name="validFrom"
          rules={[{ required: true, message: '请选择起始日' }]}
          style={{ display: 'inline-block', marginRight: 8 }}
        >
          <DatePicker placeholder="起始日" aria-label="有效期起始日" />
        </Form.Item>
        <Form.Item
          name="validTo"
          rules={[{ required: true, message: '请选择截止日' }]}
          style={{ display: 'inline-block' }}
        >
          <DatePicker placeholder="截止日" aria-label="有效期截止日" />
        </Form.Item>
      </Form.Item>
      <Form.Item label="年审截止日" name="annualCheckDue" extra="不填则为有效期起始日一年后。">
        <DatePicker />
      </Form.Item>
      <Form.Item
        label="发证机关"
        name="issuingAuthority"
        rules={[{ required: true, whitespace: true, message: '请输入发证机关' }]}
      >
        <Input maxLength={100} placeholder="如：示例县人民政府" />
      </Form.Item>
    </FormModal>
  );
}
