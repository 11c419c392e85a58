/**
 * 工作日历: the year's holidays (休) and make-up workdays (班), a working-day
 * calculator, and — for the system administrator — editing, new years and import.
 */
import { CalendarOutlined, FileTextOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Segmented, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { type CalendarDay, type CalendarView, calendarApi, sourceLabel } from './api';
import { DayModal, type DayModalTarget } from './DayModal';
import { DaysTable } from './DaysTable';
import { ImportModal } from './ImportModal';
import { NoticeImportModal } from './NoticeImportModal';
import { WorkdaysTool } from './WorkdaysTool';
import { YearGrid } from './YearGrid';
import { YearModal } from './YearModal';

type View = 'grid' | 'table';

function parseYear(value: string | null): number | undefined {
  const year = Number(value);
  return Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : undefined;
}

export default function CalendarPage() {
  usePageTitle('工作日历');
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const requested = parseYear(params.get('year'));
  const { data, error, loading, reload } = useLoader(() => calendarApi.view(requested), [requested]);
  const [view, setView] = useState<View>('grid');
  const dayModal = useModal<DayModalTarget>();
  const [yearOpen, setYearOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);

  if (!data) {
    if (error)
      return <Alert type="error" showIcon title="无法载入工作日历" description={errorMessage(error)} />;
    return <PageLoading />;
  }

  const year = data.year;
  const canEdit = data.actions.edit;
  const known = data.years.map((y) => y.year);
  const nextYear = Math.max(year, dayjs().year(), ...known) + 1;
  const options = [...new Set([...known, year, nextYear])]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: known.includes(y) ? `${y} 年` : `${y} 年（无数据）` }));
  const info = data.years.find((y) => y.year === year);
  const selectYear = (value: number) => setParams({ year: String(value) });

  const showImported = (years: number[]) => {
    if (years.includes(year) || years.length === 0) void reload();
    else selectYear(years[0]!);
  };

  const removeDay = async (day: CalendarDay) => {
    try {
      await calendarApi.removeDay(day.date);
      message.success(`已将 ${day.date} 恢复为普通日`);
      await reload();
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };
  const editDay = (date: string) => {
    const existing = data.days.find((d) => d.date === date);
    dayModal.open(existing ? { ...existing, existing: true } : { date, existing: false });
  };

  const holidays = data.days.filter((d) => d.kind === 'holiday').length;
  const workdays = data.days.length - holidays;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <WorkdaysTool />
      <Card
        title={
          <Space>
            <CalendarOutlined />
            工作日历
          </Space>
        }
        extra={
          <Space wrap>
            <label htmlFor="calendar-year">年度</label>
            <Select<number>
              id="calendar-year"
              value={year}
              options={options}
              onChange={selectYear}
              style={{ width: 180 }}
              loading={loading}
            />
            {canEdit ? (
              <>
                <Button
                  icon={<PlusOutlined />}
                  disabled={!data.hasData}
                  onClick={() => dayModal.open({ date: undefined, existing: false })}
                >
                  设置日期
                </Button>
                <Button onClick={() => setYearOpen(true)}>新增年度</Button>
                <Button icon={<FileTextOutlined />} onClick={() => setNoticeOpen(true)}>
                  从国务院通知导入
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                  导入日历
                </Button>
              </>
            ) : null}
          </Space>
        }
      >
        {data.hasData ? (
          <Typography.Paragraph type="secondary">
            {year} 年：法定节假日 {holidays} 天，调休上班日 {workdays} 天。
            {info
              ? ` 数据来源：${sourceLabel(info.source)}；更新于 ${dayjs(info.updatedAt).format('YYYY-MM-DD HH:mm')}${
                  info.updatedBy ? `（${info.updatedBy}）` : ''
                }。`
              : null}
          </Typography.Paragraph>
        ) : (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${year} 年尚无节假日安排`}
            description={
              <>
                {data.estimate
                  ? `跨入 ${year} 年的期限暂按《全国年节及纪念日放假办法》推算并标注“暂定”：月历中标出的是法定节假日（推算）；国务院的安排还可能在其附近增加 ${data.estimate.mayRest.length} 个调休放假的工作日、把 ${data.estimate.mayWork.length} 个周末中的某些改为上班日。当事人的期限按最迟可能日期计算，本机关的期限按最早可能日期提醒。`
                  : `${year} 年超出可推算的范围，跨入该年的期限无法计算。`}
                {canEdit
                  ? '请在国务院公布节假日安排后导入该年度日历（可直接粘贴通知全文），或新增年度后逐日设置。'
                  : '请联系系统管理员导入该年度日历。'}
              </>
            }
          />
        )}
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'grid', label: '月历' },
            { value: 'table', label: '列表' },
          ]}
          style={{ marginBottom: 16 }}
        />
        {view === 'grid' ? (
          <YearGrid
            year={year}
            days={data.hasData ? data.days : shownEstimate(data.estimate)}
            onSelect={canEdit && data.hasData ? editDay : undefined}
          />
        ) : (
          <DaysTable
            days={data.days}
            canEdit={canEdit}
            onEdit={(day) => editDay(day.date)}
            onRemove={removeDay}
          />
        )}
      </Card>
      {canEdit ? (
        <>
          <DayModal
            year={year}
            key={dayModal.key}
            target={dayModal.target}
            onClose={() => dayModal.close()}
            onChanged={reload}
          />
          <YearModal
            open={yearOpen}
            suggested={data.hasData ? nextYear : year}
            known={known}
            onClose={() => setYearOpen(false)}
            onAdded={(added) => {
              setYearOpen(false);
              if (added === year) void reload();
              else selectYear(added);
            }}
          />
          <ImportModal
            open={importOpen}
            onClose={() => setImportOpen(false)}
            onImported={(years) => {
              setImportOpen(false);
              showImported(years);
            }}
          />
          <NoticeImportModal
            open={noticeOpen}
            onClose={() => setNoticeOpen(false)}
            onImported={(years) => {
              setNoticeOpen(false);
              showImported(years);
            }}
          />
        </>
      ) : null}
    </Space>
  );
}

/** The statutory holidays of a year without data, named as computed. */
function shownEstimate(estimate: CalendarView['estimate']): CalendarDay[] {
  return (estimate?.holidays ?? []).map((h) => ({ ...h, name: `${h.name}（推算）`, updatedAt: '' }));
}
