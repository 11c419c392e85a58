/**
 * 执法主体公示信息 (P2) on the agency form: legal basis, duties, contact, and the
 * supervision and remedy channels the portal shows at /agencies/:id.
 */
import { Divider, Form, Input, Typography } from 'antd';
import { api } from '../../app/api';

export interface ProfileValues {
  legalBasis: string;
  duties: string;
  address: string;
  phone: string;
  officeHours: string;
  supervisionPhone: string;
  supervisionEmail: string;
  reconsiderationBody: string;
  litigationCourt: string;
}

export const profileFieldNames: (keyof ProfileValues)[] = [
  'legalBasis',
  'duties',
  'address',
  'phone',
  'officeHours',
  'supervisionPhone',
  'supervisionEmail',
  'reconsiderationBody',
  'litigationCourt',
];

export const profileApi = {
  get: (agencyId: string) => api.get<ProfileValues & { id: string }>(`/api/agencies/${agencyId}/profile`),
  save: (agencyId: string, values: ProfileValues) =>
    api.put<ProfileValues & { id: string }>(`/api/agencies/${agencyId}/profile`, values),
};

/** The profile as sent: every field trimmed, blanks as empty strings. */
export function profileOf(values: Partial<ProfileValues>): ProfileValues {
  return Object.fromEntries(
    profileFieldNames.map((name) => [name, (values[name] ?? '').trim()]),
  ) as unknown as ProfileValues;
}

export function AgencyProfileFields() {
  return (
    <>
      <Divider titlePlacement="start">公示信息</Divider>
      <Typography.Paragraph type="secondary">
        以下内容公示于门户网站“执法主体”页面（事前公开）。每行一条，打印和阅读时分段显示。
      </Typography.Paragraph>
      <Form.Item
        label="执法依据"
        name="legalBasis"
        extra="法律、法规、规章的名称和条款，如《道路运输条例》第七条。"
      >
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label="主要职责" name="duties">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label="办公地址" name="address">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="办公电话" name="phone">
        <Input maxLength={50} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label="办公时间" name="officeHours">
        <Input maxLength={200} placeholder="如：工作日 8:30—12:00，14:30—17:30" />
      </Form.Item>
      <Form.Item label="监督电话" name="supervisionPhone">
        <Input maxLength={50} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label="监督邮箱" name="supervisionEmail">
        <Input maxLength={100} style={{ width: 320 }} />
      </Form.Item>
      <Form.Item label="行政复议机关" name="reconsiderationBody">
        <Input maxLength={200} placeholder="如：示例县人民政府" />
      </Form.Item>
      <Form.Item label="行政诉讼管辖法院" name="litigationCourt">
        <Input maxLength={200} placeholder="如：示例县人民法院" />
      </Form.Item>
    </>
  );
}
