/** Imports one 事前公开 list from an .xlsx sheet in the export's layout (P4, P5, X4, Q8). */
import { changedNames, SheetImportModal } from '../../app/SheetImportModal';
import { kindPages, type ListKind, listsApi } from './api';

const lines: Partial<Record<ListKind, string>> = {
  serviceGuide: '申请材料和办理环节',
  discretionBenchmark: '裁量情节',
};

export function ImportModal({
  kind,
  ...props
}: {
  kind: ListKind;
  open: boolean;
  onClose(): void;
  onDone(): Promise<void>;
}) {
  const page = kindPages[kind];
  const items = lines[kind];
  return (
    <SheetImportModal
      {...props}
      title={`导入${page.title}`}
      exportUrl={listsApi.exportUrl(kind)}
      intro={
        <>
          ，导入本机关。
          {items ? `每个条目从一行开始，${items}每项占一行（续行只填这些列）。` : '每个条目一行。'}
          有条目编号的行修改该条目（已发布的生成新版本草稿），编号留空的行新增草稿；权责清单事项填事项编码，引用条文写作“《法规简称》第…条”，条文须已录入法律法规库。导入后仍须提交公示审核才能发布。任何一行有误则不导入任何条目。
        </>
      }
      send={(file, dryRun) => listsApi.import(kind, { fileName: file.name, content: file.content, dryRun })}
      checked={(outcome) => ({
        title: `检查通过：共 ${outcome.entries} 个条目，将新增 ${outcome.created.length} 个、修改 ${outcome.updated.length} 个，${outcome.unchanged.length} 个无变化。`,
        description: changedNames(outcome),
      })}
      imported={(outcome) =>
        `已导入：新增 ${outcome.created.length} 个，修改 ${outcome.updated.length} 个，未变 ${outcome.unchanged.length} 个`
      }
    />
  );
}
