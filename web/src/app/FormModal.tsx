/**
 * The frame of every modal that edits a record: the OK button submits the form
 * and spins while the request runs, and a refusal lands where it belongs — on
 * the field the server names, otherwise in a banner above the form. It exists
 * so that each modal is only its fields and its request, and they all behave
 * alike. The form is dropped on close (destroyOnHidden, preserve={false}), so
 * it opens fresh every time; the banner is cleared once the modal has faded.
 * A form with something typed in it is not dropped by leaving the page (the
 * back button, a link, closing the tab) without asking first.
 */
import { Alert, App, Form, type FormInstance, type FormProps, Modal, type ModalProps } from 'antd';
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router-dom';
import { formFailure } from './form-errors';

/**
 * Asks before a navigation or an unload drops what was typed into the open form. Mounted only
 * while a form is open: a router keeps one blocker at a time, and pages hold many closed forms.
 */
function LeaveGuard({ typed, submitting }: { typed: RefObject<boolean>; submitting: RefObject<boolean> }) {
  const { modal } = App.useApp();
  const blocker = useBlocker(() => typed.current && !submitting.current);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: '表单尚未保存',
      content: '离开此页将丢弃已填写的内容。',
      okText: '离开',
      cancelText: '留下继续填写',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);
  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      if (typed.current && !submitting.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [typed, submitting]);
  return null;
}

interface Props<Values> {
  open: boolean;
  title: ReactNode;
  /** The form's name; antd builds the field ids from it (`#person_name`). */
  name: string;
  form: FormInstance<Values>;
  initialValues?: Partial<Values>;
  /** The form fields the server may name in a refusal; its other messages go to the banner. */
  fields: readonly (keyof Values & string)[];
  width?: number;
  /** 保存 unless told. */
  okText?: string;
  okButtonProps?: ModalProps['okButtonProps'];
  /** Shown between the banner and the form. */
  intro?: ReactNode;
  /** Shown instead of the form while what it starts from is loading (or could not be). */
  waiting?: ReactNode;
  onValuesChange?: FormProps<Values>['onValuesChange'];
  /** Sends the values; throws to show why they were refused. */
  onSubmit(values: Values): Promise<void>;
  onClose(): void;
  children: ReactNode;
}

export function FormModal<Values>({
  open,
  title,
  name,
  form,
  initialValues,
  fields,
  width,
  okText = '保存',
  okButtonProps,
  intro,
  waiting,
  onValuesChange,
  onSubmit,
  onClose,
  children,
}: Props<Values>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Something typed since the form opened; the form's own request (which may navigate to what it created).
  const typed = useRef(false);
  const submitting = useRef(false);
  useEffect(() => {
    if (open) typed.current = false;
  }, [open]);

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    submitting.current = true;
    try {
      await onSubmit(values);
    } catch (error) {
      setFailure(formFailure(form, error, (path) => (fields as readonly string[]).includes(String(path[0]))));
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={okButtonProps}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
      width={width}
    >
      {open ? <LeaveGuard typed={typed} submitting={submitting} /> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      {intro}
      {waiting ?? (
        <Form<Values>
          form={form}
          name={name}
          layout="vertical"
          preserve={false}
          initialValues={initialValues}
          onValuesChange={(changed, all) => {
            typed.current = true;
            onValuesChange?.(changed, all);
          }}
          onFinish={submit}
        >
          {children}
        </Form>
      )}
    </Modal>
  );
}
