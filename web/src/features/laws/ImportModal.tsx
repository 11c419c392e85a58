/** Imports texts and articles into 法律法规库 from an .xlsx sheet in the export's layout (P3). */
import { changedNames, SheetImportModal } from '../../app/SheetImportModal';
import { lawsApi } from './api';

export function ImportModal(props: { open: boolean; onClose(): void; onDone(): Promise<void> }) {
  return (
    <SheetImportModal
      {...props}
      title="导入法律法规"
      exportUrl={lawsApi.exportUrl}
      intro={
        <>
          。每部文本从一行开始，条文每条占一行（续行只填条号、排序号和条文）。按名称和施行日期对应已有文本，按条号对应其条文：对应上的修改，对应不上的新增；表格中没有的条文保留不删。条号不是“第…条”写法时须填排序号；被取代的文本写作“名称（YYYY-MM-DD
          施行）”。任何一行有误则不导入任何内容。
        </>
      }
      send={(file, dryRun) => lawsApi.import({ fileName: file.name, content: file.content, dryRun })}
      checked={(outcome) => ({
        title: `检查通过：共 ${outcome.laws} 部文本，将新增 ${outcome.created.length} 部、修改 ${outcome.updated.length} 部，${outcome.unchanged.length} 部无变化；新增条文 ${outcome.articlesAdded} 条、修改 ${outcome.articlesUpdated} 条。`,
        description: changedNames(outcome),
      })}
      imported={(outcome) =>
        `已导入：新增 ${outcome.created.length} 部，修改 ${outcome.updated.length} 部，未变 ${outcome.unchanged.length} 部`
      }
    />
  );
}
