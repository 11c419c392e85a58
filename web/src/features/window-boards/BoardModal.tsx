/**
 * Edits one window board: the window, its unit, the kinds of enforcement, the
 * services (one per line), office hours, phone, and the staff on duty chosen
 * from the person register with their post at the window.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { FormModal } from '../../app/FormModal';
import { type BoardInput, type WindowBoard, type WindowBoardList, windowBoardsApi } from './api';

interface Values {
  name: string;
  unitId?: string | null;
  enforcementTypes: string[];
  services: string;
  officeHours: string;
  phone: string;
  location?: string;
  sortOrder?: number;
  staff?: { personId?: string; duty?: string }[];
}

export function BoardModal({
  open,
  list,
  board,
  onClose,
  onSaved,
}: {
  open: boolean;
  list: WindowBoardList;
  board: WindowBoard | null;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    const input: BoardInput = {
      name: values.name.trim(),
      unitId: values.unitId ?? null,
      enforcementTypes: values.enforcementTypes,
      services: values.services
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
      officeHours: values.officeHours.trim(),
      phone: values.phone.trim(),
      location: (values.location ?? '').trim(),
      sortOrder: values.sortOrder ?? 0,
      staff: (values.staff ?? [])
        .filter((s): s is { personId: string; duty?: string } => Boolean(s?.personId))
        .map((s) => ({ personId: s.personId, duty: (s.duty ?? '').trim() })),
    };
    const saved = board
      ? await windowBoardsApi.replace(board.id, input)
      : await windowBoardsApi.create(list.agency.id, input);
    message.success(board ? `已保存 ${saved.name}` : `已新增 ${saved.name}`);
    onClose();
    await onSaved();
  };
  return (
    <FormModal<Values>
      open={open}
      title={board ? `修改窗口公示牌：${board.name}` : '新增窗口公示牌'}
      name="windowBoard"
      form={form}
      fields={[
        'name',
        'unitId',
        'enforcementTypes',
        'services',
        'officeHours',
        'phone',
        'location',
        'sortOrder',
        'staff',
      ]}
      width={680}
      initialValues={
        board
          ? {
              name: board.name,
              unitId: board.unit?.id ?? null,
              enforcementTypes: board.enforcementTypes,
              services: board.services.join('\n'),
              officeHours: board.officeHours,
              phone: board.phone,
              location: board.location,
              sortOrder: board.sortOrder,
              staff: board.staff.map((s) => ({ personId: s.personId, duty: s.duty })),
            }
          : { enforcementTypes: ['licensing'], sortOrder: 0, staff: [{}] }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        label="窗口名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写窗口名称' }]}
      >
        <Input maxLength={100} placeholder="如：1 号窗口 道路运输许可" />
      </Form.Item>
      <Form.Item label="承办机构" name="unitId">
        <Select
          allowClear
          options={list.units.map((u) => ({ value: u.id, label: u.name }))}
          placeholder="可不选"
        />
      </Form.Item>
      <Form.Item
        label="执法类别"
        name="enforcementTypes"
        rules={[{ required: true, message: '至少选择一类' }]}
      >
        <Select mode="multiple" options={list.enforcementTypes} />
      </Form.Item>
      <Form.Item
        label="服务事项"
        name="services"
        rules={[{ required: true, whitespace: true, message: '至少填写一项服务事项' }]}
        extra="每行一项。"
      >
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item
        label="办公时间"
        name="officeHours"
        rules={[{ required: true, whitespace: true, message: '请填写办公时间' }]}
      >
        <Input maxLength={200} placeholder="如：工作日 9:00—12:00，13:30—17:00" />
      </Form.Item>
      <Form.Item
        label="咨询电话"
        name="phone"
        rules={[{ required: true, whitespace: true, message: '请填写咨询电话' }]}
      >
        <Input maxLength={50} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label="窗口位置" name="location">
        <Input maxLength={200} placeholder="如：县政务服务中心二楼" />
      </Form.Item>
      <Form.Item label="排序" name="sortOrder" extra="数字小的排在前面。">
        <InputNumber min={0} max={999} precision={0} />
      </Form.Item>
      <Form.Item label="在岗工作人员">
        <Form.List name="staff">
          {(rows, { add, remove }) => (
            <>
              {rows.map(({ key, name }, index) => (
                <Space key={key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[name, 'personId']} style={{ marginBottom: 0, width: 280 }}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder="选择人员"
                      aria-label={`第 ${index + 1} 名工作人员`}
                      options={list.staffCandidates.map((p) => ({
                        value: p.id,
                        label: `${p.name}${p.position ? `（${p.position}）` : ''}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'duty']} style={{ marginBottom: 0, width: 200 }}>
                    <Input
                      maxLength={50}
                      placeholder="窗口岗位，如：受理"
                      aria-label={`第 ${index + 1} 名工作人员的岗位`}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="移除" onClick={() => remove(name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加工作人员
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
