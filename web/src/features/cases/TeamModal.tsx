/**
 * 指定承办人员: whoever handles the case — the unit head at 立案, or an officer in the field adding
 * the second officer a 简易程序 needs — names the lead, the assisting officers and any auxiliaries
 * from the agency's active staff. Whether each counts for N1 today is the server's answer, shown on
 * the team card.
 */
import { App, Form, Select } from 'antd';
import { FormModal } from '../../app/FormModal';
import { useLoader } from '../../app/use-loader';
import { type CaseDetail, casesApi } from './api';

interface Values {
  lead: string;
  assisting: string[];
  assistants: string[];
}

export function TeamModal({
  c,
  onClose,
  onChanged,
}: {
  c: CaseDetail;
  onClose(): void;
  onChanged(): Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const persons = useLoader(() => casesApi.officerCandidates(c.id), [c.id]);
  const active = persons.data?.items ?? [];
  const option = (p: (typeof active)[number]) => ({
    value: p.id,
    label: `${p.name}（${p.kindLabel}${p.unitName ? ` · ${p.unitName}` : ''}）`,
  });
  const officers = active.filter((p) => p.kind === 'officer' || p.kind === 'head').map(option);
  const auxiliaries = active.filter((p) => p.kind === 'auxiliary').map(option);
  const of = (role: string) => c.officers.filter((o) => o.role === role).map((o) => o.personId);
  return (
    <FormModal<Values>
      open
      title="指定承办人员"
      name="caseTeam"
      form={form}
      initialValues={{ lead: of('lead')[0], assisting: of('assisting'), assistants: of('assistant') }}
      fields={[]}
      waiting={persons.data ? undefined : '正在载入人员名册…'}
      onSubmit={async (v) => {
        const officers = [
          { personId: v.lead, role: 'lead' },
          ...(v.assisting ?? [])
            .filter((id) => id !== v.lead)
            .map((personId) => ({ personId, role: 'assisting' })),
          ...(v.assistants ?? []).map((personId) => ({ personId, role: 'assistant' })),
        ];
        await casesApi.assignOfficers(c.id, { version: c.version, officers });
        message.success('已指定承办人员');
        onClose();
        await onChanged();
      }}
      onClose={onClose}
    >
      <Form.Item name="lead" label="主办人" rules={[{ required: true, message: '请选择主办人' }]}>
        <Select showSearch optionFilterProp="label" options={officers} placeholder="选择执法人员" />
      </Form.Item>
      <Form.Item name="assisting" label="协办人（执法人员）">
        <Select mode="multiple" optionFilterProp="label" options={officers} placeholder="选择执法人员" />
      </Form.Item>
      <Form.Item name="assistants" label="协助人员（执法辅助人员，不计入 N1）">
        <Select mode="multiple" optionFilterProp="label" options={auxiliaries} placeholder="可不选" />
      </Form.Item>
    </FormModal>
  );
}
