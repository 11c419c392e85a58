/**
 * Edits an agency, or adds a subordinate one (a township under a county). The
 * server checks the 统一社会信用代码 check character (GB 32100) and the region
 * code; its messages appear on the fields.
 */
import { Alert, App, Form, Input } from 'antd';
import { FormModal } from '../../app/FormModal';
import { PageLoading } from '../../app/loading';
import { useLoader } from '../../app/use-loader';
import {
  AgencyProfileFields,
  type ProfileValues,
  profileApi,
  profileFieldNames,
  profileOf,
} from './AgencyProfileFields';
import { type Agency, type AgencyInput, childLevel, levelLabels, organisationApi } from './api';

export type AgencyTarget = { mode: 'edit'; agency: Agency } | { mode: 'create'; parent: Agency };

type Values = AgencyInput & Partial<ProfileValues>;

const fields: (keyof Values & string)[] = [
  'name',
  'shortName',
  'domain',
  'creditCode',
  'regionCode',
  ...profileFieldNames,
];

interface Props {
  target: AgencyTarget | null;
  onClose(): void;
  onSaved(agency: Agency): Promise<void>;
}

export function AgencyModal({ target, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = target?.mode === 'edit' ? target.agency : undefined;
  const parent = target?.mode === 'create' ? target.parent : undefined;
  const level = parent ? childLevel[parent.level] : undefined;
  // The public profile (P2) is edited with the agency; a new agency fills it in afterwards.
  const profile = useLoader(
    () => (editing ? profileApi.get(editing.id) : Promise.resolve(undefined)),
    [editing?.id],
  );

  const save = async (values: Values) => {
    const input: AgencyInput = {
      name: values.name.trim(),
      shortName: values.shortName.trim(),
      domain: values.domain.trim(),
      creditCode: values.creditCode.trim().toUpperCase(),
      regionCode: values.regionCode.trim(),
    };
    const change = editing ? changed(editing, input) : input;
    const profileInput = profileOf(values);
    const profileChanged =
      editing !== undefined &&
      profile.data !== undefined &&
      profileFieldNames.some((name) => profileInput[name] !== (profile.data?.[name] ?? ''));
    if (editing && Object.keys(change).length === 0 && !profileChanged) {
      message.info('没有修改任何内容');
      onClose();
      return;
    }
    const saved = editing
      ? Object.keys(change).length > 0
        ? await organisationApi.updateAgency(editing.id, change)
        : editing
      : await organisationApi.createAgency(parent!.id, input);
    if (editing && profileChanged) await profileApi.save(editing.id, profileInput);
    message.success(editing ? `已保存 ${saved.name}` : `已新增 ${saved.name}`);
    onClose();
    await onSaved(saved);
  };

  return (
    <FormModal<Values>
      open={target !== null}
      title={editing ? `修改执法主体：${editing.name}` : `新增下级执法主体（${parent?.name ?? ''}）`}
      name="agency"
      form={form}
      width={editing ? 680 : 560}
      fields={fields}
      intro={
        level ? (
          <Alert
            type="info"
            showIcon
            title={`新增的执法主体为${levelLabels[level]}`}
            style={{ marginBottom: 16 }}
          />
        ) : null
      }
      waiting={
        editing && !profile.data ? (
          profile.error ? (
            <Alert type="error" showIcon title="无法载入公示信息" />
          ) : (
            <PageLoading />
          )
        ) : undefined
      }
      initialValues={
        editing
          ? { ...editing, ...profileOf(profile.data ?? {}) }
          : { name: '', shortName: '', domain: parent?.domain ?? '', creditCode: '', regionCode: '' }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        label="名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
      >
        <Input maxLength={100} placeholder="如：示例镇人民政府" />
      </Form.Item>
      <Form.Item
        label="简称"
        name="shortName"
        rules={[{ required: true, whitespace: true, message: '请输入简称' }]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        label="执法领域"
        name="domain"
        rules={[{ required: true, whitespace: true, message: '请输入执法领域' }]}
      >
        <Input maxLength={50} placeholder="如：交通运输、综合行政执法" />
      </Form.Item>
      <Form.Item
        label="统一社会信用代码"
        name="creditCode"
        extra="18 位，末位为校验位（GB 32100），保存时由系统校验。"
        rules={[
          { required: true, whitespace: true, message: '请输入统一社会信用代码' },
          { len: 18, message: '统一社会信用代码应为 18 位' },
        ]}
      >
        <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item
        label="行政区划代码"
        name="regionCode"
        rules={[
          { required: true, message: '请输入行政区划代码' },
          { pattern: /^\d{6}$/, message: '行政区划代码应为 6 位数字（GB/T 2260）' },
        ]}
      >
        <Input maxLength={6} inputMode="numeric" style={{ width: 160 }} />
      </Form.Item>
      {editing ? <AgencyProfileFields /> : null}
    </FormModal>
  );
}

/** Only the fields that differ: an unchanged credit code is not re-sent. */
function changed(agency: Agency, input: AgencyInput): Partial<AgencyInput> {
  const change: Partial<AgencyInput> = {};
  for (const key of Object.keys(input) as (keyof AgencyInput)[]) {
    if (input[key] !== agency[key]) change[key] = input[key];
  }
  return change;
}
