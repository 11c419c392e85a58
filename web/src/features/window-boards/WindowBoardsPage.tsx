/**
 * 窗口公示 (P8): the boards of the agency's service windows — unit, staff on
 * duty, kinds of enforcement, services, office hours and phone — kept by the
 * disclosure officer and printed from the portal (one A4 board per window).
 */
import { EditOutlined, PlusOutlined, PrinterOutlined, ShopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { SheetButtons } from '../../app/SheetButtons';
import { SheetImportModal } from '../../app/SheetImportModal';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { type WindowBoard, windowBoardsApi, windowBoardsExportUrl } from './api';
import { BoardModal } from './BoardModal';

export default function WindowBoardsPage() {
  usePageTitle('窗口公示');
  const { message, modal: confirm } = App.useApp();
  const { data, error, reload } = useLoader(() => windowBoardsApi.list(), []);
  const modal = useModal<{ board: WindowBoard | null }>();
  const [removing, setRemoving] = useState<string | null>(null);

  if (!data) return <PageLoading error={error} what="窗口公示" />;
  const manage = data.actions.manage;
  const remove = (board: WindowBoard) =>
    confirm.confirm({
      title: `删除窗口公示牌“${board.name}”？`,
      content: '窗口撤销时删除；删除记入全过程记录，门户网站随即不再显示。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        setRemoving(board.id);
        try {
          await windowBoardsApi.remove(board.id);
          message.success(`已删除 ${board.name}`);
          await reload();
        } catch (caught) {
          message.error(errorMessage(caught));
        } finally {
          setRemoving(null);
        }
      },
    });

  return (
    <Card
      title={
        <Space>
          <ShopOutlined />
          窗口公示 · {data.agency.name}
        </Space>
      }
      extra={
        <Space>
          <Button icon={<PrinterOutlined />} href={`/agencies/${data.agency.id}/windows`} target="_blank">
            打印公示牌
          </Button>
          {manage ? (
            <>
              <SheetButtons
                exportUrl={windowBoardsExportUrl}
                importModal={(props) => (
                  <SheetImportModal
                    {...props}
                    title="导入窗口公示牌"
                    intro={
                      <>
                        ，导入本机关。窗口名称已有的按表整体替换该公示牌，其余新增；表中没有的窗口不受影响（撤销窗口请在本页删除）。服务事项每行一项；在岗人员每行一人，写作“姓名：职责”，同名时在姓名后加括号注明身份证号；执法类别用“、”分隔。任何一行有误则不导入任何数据。
                      </>
                    }
                    send={(file, dryRun) => windowBoardsApi.importSheet(file.content, dryRun)}
                    checked={(outcome) => ({
                      title: `检查通过：共 ${outcome.rows} 行，将新增 ${outcome.created} 个、更新 ${outcome.updated} 个窗口，${outcome.unchanged} 个无变化。`,
                    })}
                    imported={(outcome) =>
                      `已导入：新增 ${outcome.created} 个窗口，更新 ${outcome.updated} 个，${outcome.unchanged} 个无变化`
                    }
                    onDone={reload}
                  />
                )}
              />
              <Button type="primary" icon={<PlusOutlined />} onClick={() => modal.open({ board: null })}>
                新增窗口
              </Button>
            </>
          ) : null}
        </Space>
      }
    >
      {data.items.length === 0 ? (
        <Empty description="尚未登记服务窗口" />
      ) : (
        <List<WindowBoard>
          grid={{ gutter: 16, xs: 1, lg: 2 }}
          dataSource={data.items}
          renderItem={(board) => (
            <List.Item>
              <Card
                size="small"
                title={board.name}
                extra={
                  manage ? (
                    <Space size={0}>
                      <Button type="link" icon={<EditOutlined />} onClick={() => modal.open({ board })}>
                        修改
                      </Button>
                      <Button
                        type="link"
                        danger
                        loading={removing === board.id}
                        onClick={() => remove(board)}
                      >
                        删除
                      </Button>
                    </Space>
                  ) : null
                }
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'unit', label: '承办机构', children: board.unit?.name ?? '—' },
                    {
                      key: 'types',
                      label: '执法类别',
                      children: board.enforcementTypeLabels.map((t) => <Tag key={t}>{t}</Tag>),
                    },
                    {
                      key: 'services',
                      label: '服务事项',
                      children: (
                        <ol style={{ margin: 0, paddingLeft: 18 }}>
                          {board.services.map((s) => (
                            <li key={s}>{s}</li>
                          ))}
                        </ol>
                      ),
                    },
                    {
                      key: 'staff',
                      label: '在岗人员',
                      children: board.staff.length
                        ? board.staff
                            .map(
                              (s) =>
                                `${s.name}${s.position ? `（${s.position}）` : ''}${s.duty ? ` ${s.duty}` : ''}`,
                            )
                            .join('；')
                        : '—',
                    },
                    { key: 'hours', label: '办公时间', children: board.officeHours },
                    { key: 'phone', label: '咨询电话', children: board.phone },
                    ...(board.location
                      ? [{ key: 'location', label: '窗口位置', children: board.location }]
                      : []),
                  ]}
                />
              </Card>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        公示牌内容即时显示在门户网站“执法主体 › 窗口公示”，可按 A4
        打印张贴于窗口。人员姓名、职务取自人员名册。
      </Typography.Paragraph>
      {manage ? (
        <BoardModal
          key={modal.key}
          open={modal.target !== null}
          list={data}
          board={modal.target?.board ?? null}
          onClose={() => modal.close()}
          onSaved={reload}
        />
      ) : null}
    </Card>
  );
}
