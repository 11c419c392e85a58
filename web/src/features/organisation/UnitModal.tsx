/** Adds a unit (科室、中队) to an agency, or renames and moves one. */
import { App, Form, Input, TreeSelect } from 'antd';
import { FormModal } from '../../app/FormModal';
import { organisationApi, subtreeIds, type Unit, unitTreeOptions } from './api';

export type UnitTarget = { mode: 'edit'; unit: Unit } | { mode: 'create'; parentId: string | null };

interface Values {
  name: string;
  parentId?: string | null;
}

interface Props {
  agency: { id: string; name: string };
  units: Unit[];
  target: UnitTarget | null;
  onClose(): void;
  onSaved(): Promise<void>;
}

export function UnitModal({ agency, units, target, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = target?.mode === 'edit' ? target.unit : undefined;
  // A unit cannot move under itself or its own subordinates.
  const blocked = editing ? subtreeIds(units, editing.id) : new Set<string>();

  const save = async (values: Values) => {
    const name = values.name.trim();
    const parentId = values.parentId ?? null;
    if (editing) {
      const change = {
        ...(name !== editing.name && { name }),
        ...(parentId !== editing.parentId && { parentId }),
      };
      if (Object.keys(change).length === 0) {
        message.info('没有修改任何内容');
        onClose();
        return;
      }
      await organisationApi.updateUnit(editing.id, change);
      message.success(`已保存 ${name}`);
    } else {
      await organisationApi.createUnit(agency.id, name, parentId);
      message.success(`已新增 ${name}`);
    }
    onClose();
    await onSaved();
  };

  return (
    <FormModal
      open={target !== null}
      title={editing ? `修改承办机构：${editing.name}` : `新增承办机构（${agency.name}）`}
      name="unit"
      form={form}
      fields={['name', 'parentId']}
      initialValues={
        editing
          ? { name: editing.name, parentId: editing.parentId ?? undefined }
          : { name: '', parentId: target?.mode === 'create' ? (target.parentId ?? undefined) : undefined }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        label="名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
      >
        <Input maxLength={100} placeholder="如：执法三中队、政策法规股" />
      </Form.Item>
      <Form.Item label="上级机构" name="parentId" extra="不选择则为本机关直属的一级机构。">
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder="（无，直属本机关）"
          treeData={unitTreeOptions(units, blocked)}
        />
      </Form.Item>
    </FormModal>
  );
}
