/**
 * The .xlsx export and import buttons of a list page, the same way on every
 * page: the export is a plain download; the import button (only where the
 * viewer may import) opens the page's import dialog, which this keeps open or
 * closed.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';

export function SheetButtons({
  exportUrl,
  format = 'Excel',
  importModal,
}: {
  exportUrl: string;
  /** Named on the buttons after 导出/导入 (导出 Excel); empty for the bare verbs. */
  format?: string;
  /** The import dialog (a SheetImportModal, given the export's layout); without it there is no import button. */
  importModal?: (props: { open: boolean; exportUrl: string; onClose(): void }) => ReactNode;
}) {
  const [importing, setImporting] = useState(false);
  const label = (verb: string) => (format ? `${verb} ${format}` : verb);
  return (
    <Space>
      <Button icon={<DownloadOutlined />} href={exportUrl} download>
        {label('导出')}
      </Button>
      {importModal ? (
        <>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {label('导入')}
          </Button>
          {importModal({ open: importing, exportUrl, onClose: () => setImporting(false) })}
        </>
      ) : null}
    </Space>
  );
}
