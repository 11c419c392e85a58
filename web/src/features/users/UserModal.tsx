/**
 * Creates a user (the server generates the temporary password) or edits one:
 * name, unit, roles and whether the account is enabled. 三员分立 is the server's
 * rule; its refusal appears on the roles field.
 */
import { App, Form, Input, Select, Switch, TreeSelect } from 'antd';
import { FormModal } from '../../app/FormModal';
import { useLoader } from '../../app/use-loader';
import type { Agency } from '../organisation/api';
import { organisationApi, unitTreeOptions } from '../organisation/api';
import type { Person } from '../persons/api';
import { type NewUser, type Role, roleOptions, type User, usersApi } from './api';

export type UserTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface Values {
  username: string;
  displayName: string;
  agencyId: string;
  unitId?: string | null;
  personId?: string | null;
  roles: Role[];
  active: boolean;
}

interface Props {
  target: UserTarget | null;
  ownAgencyId: string;
  /** Agencies whose users the viewer administers (own and below). */
  agencies: Agency[];
  /** People to link a new login to; empty when the viewer may not read the register. */
  persons: Person[];
  onClose(): void;
  onCreated(issued: { username: string; displayName: string; password: string }): void;
  onSaved(): Promise<void>;
}

export function UserModal({ target, ownAgencyId, agencies, persons, onClose, onCreated, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = target?.mode === 'edit' ? target.user : undefined;
  const watchedAgency = Form.useWatch('agencyId', form);
  const agencyId = editing?.agency.id ?? watchedAgency ?? ownAgencyId;
  const units = useLoader(
    () => (target ? organisationApi.units(agencyId) : Promise.resolve({ items: [] })),
    [target, agencyId],
  );
  const linkable = persons.filter((p) => p.agencyId === agencyId && !p.username && p.active);

  const save = async (values: Values) => {
    if (editing) {
      await usersApi.update(editing.id, {
        displayName: values.displayName.trim(),
        unitId: values.unitId ?? null,
        roles: values.roles,
        active: values.active,
      });
      message.success(`已保存 ${values.displayName.trim()}`);
      onClose();
      await onSaved();
    } else {
      const input: NewUser = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        unitId: values.unitId ?? null,
        personId: values.personId ?? null,
        roles: values.roles,
        ...(values.agencyId && values.agencyId !== ownAgencyId && { agencyId: values.agencyId }),
      };
      const created = await usersApi.create(input);
      onClose();
      onCreated({
        username: created.username,
        displayName: input.displayName,
        password: created.temporaryPassword,
      });
      await onSaved();
    }
  };

  /** Linking a person fills in the name and unit where they are still empty. */
  const pickPerson = (personId: string | undefined) => {
    const person = persons.find((p) => p.id === personId);
    if (!person) return;
    if (!form.getFieldValue('displayName')) form.setFieldValue('displayName', person.name);
    if (!form.getFieldValue('unitId') && person.unit) form.setFieldValue('unitId', person.unit.id);
  };

  return (
    <FormModal
      open={target !== null}
      title={editing ? `修改用户：${editing.displayName}（${editing.username}）` : '新建用户'}
      okText={editing ? '保存' : '创建并生成临时密码'}
      name="user"
      form={form}
      fields={['username', 'displayName', 'agencyId', 'unitId', 'personId', 'roles', 'active']}
      width={600}
      initialValues={
        editing
          ? {
              displayName: editing.displayName,
              unitId: editing.unit?.id,
              roles: editing.roles.map((r) => r.role),
              active: editing.active,
            }
          : { agencyId: ownAgencyId, roles: [], active: true }
      }
      onSubmit={save}
      onClose={onClose}
    >
      {editing ? null : (
        <>
          <Form.Item
            label="登录名"
            name="username"
            extra="以小写字母开头，3–32 位小写字母、数字或 . _ -；创建后不能修改。"
            rules={[
              { required: true, message: '请输入登录名' },
              {
                pattern: /^[a-z][a-z0-9_.-]{2,31}$/,
                message: '登录名应以小写字母开头，由 3–32 位小写字母、数字、._- 组成',
              },
            ]}
          >
            <Input maxLength={32} autoComplete="off" placeholder="如：wangce" />
          </Form.Item>
          {agencies.length > 1 ? (
            <Form.Item
              label="所属机关"
              name="agencyId"
              rules={[{ required: true, message: '请选择所属机关' }]}
            >
              <Select
                options={agencies.map((a) => ({ value: a.id, label: a.name }))}
                onChange={() => form.setFieldsValue({ unitId: undefined, personId: undefined })}
              />
            </Form.Item>
          ) : null}
          {persons.length ? (
            <Form.Item label="关联人员" name="personId" extra="人员名册中尚未开通账号的人员。">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="（不关联）"
                options={linkable.map((p) => ({ value: p.id, label: `${p.name}（${p.idNumberMasked}）` }))}
                onChange={pickPerson}
              />
            </Form.Item>
          ) : null}
        </>
      )}
      <Form.Item
        label="姓名"
        name="displayName"
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label="承办机构" name="unitId">
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder="（未分配）"
          loading={units.loading}
          treeData={unitTreeOptions(units.data?.items ?? [])}
        />
      </Form.Item>
      <Form.Item
        label="角色"
        name="roles"
        extra="可多选。系统管理员、安全管理员、审计管理员须由不同的人担任，三者只能选其一（三员分立）。"
        rules={[{ required: true, message: '至少选择一个角色' }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={roleOptions}
          placeholder="选择一个或多个角色"
        />
      </Form.Item>
      {editing ? (
        <Form.Item
          label="账户状态"
          name="active"
          valuePropName="checked"
          extra="停用后该用户立即下线且不能登录，记录保留。"
        >
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
