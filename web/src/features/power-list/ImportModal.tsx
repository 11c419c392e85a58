/** Imports the power list from an .xlsx sheet in the export's layout. */
import { changedNames, SheetImportModal } from '../../app/SheetImportModal';
import { exportUrl, powerListApi } from './api';

export function ImportModal(props: { open: boolean; onClose(): void; onDone(): Promise<void> }) {
  return (
    <SheetImportModal
      {...props}
      title="导入权责清单"
      exportUrl={exportUrl}
      intro={
        <>
          。依据写作“《法规简称》第…条”，多条以“；”分隔；条文须已录入法律法规库。已有编码的事项将被修改（已发布的生成新版本草稿），新编码生成草稿；导入后仍须经合法性审核和公示审核才能发布。任何一行有误则不导入任何事项。
        </>
      }
      send={(file, dryRun) => powerListApi.import({ fileName: file.name, content: file.content, dryRun })}
      checked={(outcome) => ({
        title: `检查通过：共 ${outcome.rows} 行，将新增 ${outcome.created.length} 项、修改 ${outcome.updated.length} 项，${outcome.unchanged.length} 项无变化。`,
        description: changedNames(outcome),
      })}
      imported={(outcome) =>
        `已导入：新增 ${outcome.created.length} 项，修改 ${outcome.updated.length} 项，未变 ${outcome.unchanged.length} 项`
      }
    />
  );
}
