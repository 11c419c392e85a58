/**
 * The settings form: one card per section, a number field per setting,
 * editable only where the user's role allows, and a required 修改说明.
 * Saving sends the whole settings object with the version it was based on.
 */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../app/api';
import { applyFieldErrors, type FieldPath } from '../../app/form-errors';
import {
  mayEditSection,
  orderedSections,
  type Settings,
  type SettingsView,
  type SettingValue,
  settingsApi,
} from './api';

type Values = Settings & { note?: string };

interface Props {
  view: SettingsView;
  /** A note typed before a conflict reload, kept so the user need not retype it. */
  note: string;
  onSaved(version: number): Promise<void>;
  onConflict(note: string): Promise<void>;
}

export function SettingsForm({ view, note, onSaved, onConflict }: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const sections = orderedSections(view.settings, view.sectionLabels);
  const canSave = view.actions.edit || view.actions.editSecurity;

  const known = (path: FieldPath) =>
    (path.length === 1 && path[0] === 'note') ||
    (path.length === 2 && view.settings[String(path[0])]?.[String(path[1])] !== undefined);

  const collect = (): { settings: Settings; changed: number } => {
    const settings: Settings = {};
    let changed = 0;
    for (const section of sections) {
      settings[section] = {};
      for (const [key, old] of Object.entries(view.settings[section] ?? {})) {
        const value = form.getFieldValue([section, key]) as SettingValue | null;
        settings[section][key] = value ?? old;
        if ((value ?? old) !== old) changed += 1;
      }
    }
    return { settings, changed };
  };

  const save = async (values: Values) => {
    setFailure(null);
    const { settings, changed } = collect();
    if (changed === 0) {
      message.info('没有修改任何设置');
      return;
    }
    setSaving(true);
    try {
      const result = await settingsApi.save(view.version, (values.note ?? '').trim(), settings);
      message.success(`已保存为第 ${result.version} 版，修改了 ${result.changed.length} 项设置`);
      await onSaved(result.version);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        const typed = String(form.getFieldValue('note') ?? '');
        modal.warning({
          title: '设置已被他人修改',
          content: `${error.message}。页面已载入最新设置，请核对后重新修改并保存。`,
          okText: '知道了',
        });
        await onConflict(typed);
        return;
      }
      const unplaced = applyFieldErrors(form, error, ['body.settings', 'body'], known);
      const firstError = form.getFieldsError().find((f) => f.errors.length);
      // Errors shown on their fields need only a pointer here; the rest are spelled out.
      setFailure(
        unplaced.length
          ? `保存失败：${unplaced.join('；')}`
          : firstError
            ? '保存失败：请按标红处的提示修改后重试'
            : `保存失败：${errorMessage(error)}`,
      );
      if (firstError) form.scrollToField(firstError.name, { block: 'center' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="settings"
      layout="vertical"
      requiredMark={false}
      initialValues={{ ...view.settings, note }}
      onFinish={save}
      onFinishFailed={({ errorFields }) => {
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
      }}
      disabled={!canSave}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {sections.map((section) => {
          const editable = mayEditSection(section, view.actions);
          return (
            <Card
              key={section}
              size="small"
              title={view.sectionLabels[section] ?? section}
              extra={
                canSave && !editable ? (
                  <Tag>{section === 'security' ? '仅安全管理员可修改' : '仅系统管理员可修改'}</Tag>
                ) : null
              }
            >
              <Row gutter={24}>
                {Object.entries(view.settings[section] ?? {}).map(([key, value]) => (
                  <Col key={key} xs={24} md={12} xl={8}>
                    {typeof value === 'boolean' ? (
                      <Form.Item
                        label={view.labels[`${section}.${key}`] ?? `${section}.${key}`}
                        name={[section, key]}
                        valuePropName="checked"
                      >
                        <Switch disabled={!editable} checkedChildren="是" unCheckedChildren="否" />
                      </Form.Item>
                    ) : (
                      <Form.Item
                        label={view.labels[`${section}.${key}`] ?? `${section}.${key}`}
                        name={[section, key]}
                        rules={[{ required: true, message: '请填写数值' }]}
                        extra={statuteHint(view.statuteBounds[`${section}.${key}`])}
                      >
                        <InputNumber disabled={!editable} style={{ width: '100%' }} />
                      </Form.Item>
                    )}
                  </Col>
                ))}
              </Row>
            </Card>
          );
        })}
        {canSave ? (
          <Card size="small" title="保存修改">
            {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
            <Form.Item
              label="修改说明（必填）"
              name="note"
              rules={[
                { required: true, whitespace: true, message: '请填写修改说明（如依据的文件或会议纪要）' },
              ]}
            >
              <Input.TextArea
                maxLength={200}
                showCount
                autoSize={{ minRows: 2, maxRows: 4 }}
                placeholder="如：依据市司法局 2026 年第 3 号通知调整公示期限"
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                保存（基于第 {view.version} 版）
              </Button>
              <Button
                htmlType="button"
                onClick={() => {
                  form.resetFields();
                  setFailure(null);
                }}
              >
                撤销修改
              </Button>
            </Space>
          </Card>
        ) : null}
      </Space>
    </Form>
  );
}

/** Under a field the statute fixes: its value and article, and which way the setting may go. */
function statuteHint(bound: SettingsView['statuteBounds'][string] | undefined) {
  if (!bound) return undefined;
  return `法定${bound.bound === 'max' ? '上限' : '下限'} ${bound.value}（${bound.article.replace('《中华人民共和国', '《')}），只能从严`;
}
