/**
 * The frame of every modal that edits a record: the OK button submits the form
 * and spins while the request runs, and a refusal lands where it belongs — on
 * the field the server names, otherwise in a banner above the form. It exists
 * so that each modal is only its fields and its request, and they all behave
 * alike. The form is dropped on close (destroyOnHidden, preserve={false}), so
 * it opens fresh every time; the banner is cleared once the modal has faded.
 */
import { Alert, Form, type FormInstance, type FormProps, Modal, type ModalProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { formFailure } from './form-errors';

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

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFailure(formFailure(form, error, (path) => (fields as readonly string[]).includes(String(path[0]))));
    } finally {
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
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      {intro}
      {waiting ?? (
        <Form<Values>
          form={form}
          name={name}
          layout="vertical"
          preserve={false}
          initialValues={initialValues}
          onValuesChange={onValuesChange}
          onFinish={submit}
        >
          {children}
        </Form>
      )}
    </Modal>
  );
}
