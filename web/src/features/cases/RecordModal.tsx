/**
 * 制作笔录: one structured form per kind (询问、现场检查、听证、陈述申辩) as the
 * server's recordContentSchemas define them. Lists of names are typed one per line.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useMe } from '../../app/auth';
import { FormModal } from '../../app/FormModal';
import { casesApi, type RecordKind } from './api';
import { recordKindLabels } from './labels';

type Values = Record<string, unknown> & { kind: RecordKind; madeAt: string };

/** A datetime-local value as Shanghai time with its offset. */
export const shanghai = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;
export const nowLocal = () =>
  new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).replace(' ', 'T').slice(0, 16);
const lines = (v: unknown) =>
  String(v ?? '')
    .split(/[\n,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);

const req = (label: string) => [{ required: true, message: `请填写${label}` }];
const item = (name: string | string[], label: string, rows = 0) => (
  <Form.Item name={name} label={label} rules={req(label)}>
    {rows ? <Input.TextArea rows={rows} /> : <Input />}
  </Form.Item>
);

function pairs(name: string, first: [string, string], second: [string, string]) {
  return (
    <Form.List name={name} initialValue={[{}]}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row) => (
            <Space key={row.key} align="start" wrap style={{ display: 'flex' }}>
              <Form.Item name={[row.name, first[0]]} rules={req(first[1])}>
                <Input.TextArea rows={1} placeholder={first[1]} style={{ minWidth: 200 }} />
              </Form.Item>
              <Form.Item name={[row.name, second[0]]}>
                <Input.TextArea rows={1} placeholder={second[1]} style={{ minWidth: 200 }} />
              </Form.Item>
              {rows.length > 1 ? (
                <MinusCircleOutlined onClick={() => remove(row.name)} aria-label="删除" />
              ) : null}
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
            增加一条
          </Button>
        </>
      )}
    </Form.List>
  );
}

function content(v: Values): Record<string, unknown> {
  const endedAt = v.endedAt ? shanghai(String(v.endedAt)) : shanghai(v.madeAt);
  switch (v.kind) {
    case 'inquiry':
      return {
        place: v.place,
        interviewee: { name: v.intervieweeName, relation: v.relation ?? 'party' },
        inquirers: lines(v.inquirers),
        recorder: v.recorder,
        questions: v.questions,
        endedAt,
      };
    case 'onSite':
      return {
        place: v.place,
        inspectors: lines(v.inspectors),
        present: lines(v.present),
        findings: v.findings,
        ...(v.measures ? { measures: v.measures } : {}),
        endedAt,
      };
    case 'hearing':
      return { place: v.place, host: v.host, participants: lines(v.participants), statements: v.statements };
    default:
      return { statement: v.statement, ...(v.evidenceOffered ? { evidenceOffered: v.evidenceOffered } : {}) };
  }
}

export function RecordModal({
  caseId,
  partyName,
  onClose,
  onChanged,
}: {
  caseId: string;
  partyName: string;
  onClose(): void;
  onChanged(): Promise<void>;
}) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = (Form.useWatch('kind', form) ?? 'onSite') as RecordKind;
  return (
    <FormModal<Values>
      open
      title="制作笔录"
      name="caseRecord"
      form={form}
      width={720}
      initialValues={{
        kind: 'onSite',
        madeAt: nowLocal(),
        inspectors: me.displayName,
        inquirers: me.displayName,
        recorder: me.displayName,
        intervieweeName: partyName,
      }}
      fields={['kind', 'madeAt']}
      onSubmit={async (v) => {
        await casesApi.addRecord(caseId, { kind: v.kind, madeAt: shanghai(v.madeAt), content: content(v) });
        message.success(`已保存${recordKindLabels[v.kind]}`);
        onClose();
        await onChanged();
      }}
      onClose={onClose}
    >
      <Form.Item name="kind" label="笔录种类">
        <Select options={Object.entries(recordKindLabels).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="madeAt" label="开始时间" rules={req('开始时间')}>
        <Input type="datetime-local" />
      </Form.Item>
      {kind === 'onSite' ? (
        <>
          {item('place', '检查地点')}
          {item('inspectors', '检查人员（每行一人）', 2)}
          <Form.Item name="present" label="在场人（每行一人）">
            <Input.TextArea rows={2} />
          </Form.Item>
          {item('findings', '现场情况', 4)}
          <Form.Item name="measures" label="采取的措施">
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : null}
      {kind === 'inquiry' ? (
        <>
          {item('place', '询问地点')}
          {item('intervieweeName', '被询问人')}
          <Form.Item name="relation" label="与案件关系" initialValue="party">
            <Select
              options={[
                { value: 'party', label: '当事人' },
                { value: 'witness', label: '证人' },
                { value: 'other', label: '其他' },
              ]}
            />
          </Form.Item>
          {item('inquirers', '询问人（每行一人）', 2)}
          {item('recorder', '记录人')}
          {pairs('questions', ['question', '问'], ['answer', '答'])}
        </>
      ) : null}
      {kind === 'hearing' ? (
        <>
          {item('place', '听证地点')}
          {item('host', '主持人')}
          {item('participants', '参加人（每行一人）', 2)}
          {pairs('statements', ['speaker', '发言人'], ['text', '发言内容'])}
        </>
      ) : null}
      {kind === 'defence' ? (
        <>
          {item('statement', '陈述申辩内容', 4)}
          <Form.Item name="evidenceOffered" label="提交的证据">
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : null}
      {kind === 'inquiry' || kind === 'onSite' ? (
        <Form.Item name="endedAt" label="结束时间（不填同开始时间）">
          <Input type="datetime-local" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
