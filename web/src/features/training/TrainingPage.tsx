/**
 * 培训台账 (Q3): the year's plan with its deadline (end of Q1), the courses with
 * attendance entry, exams with scores, and every officer's hours against the
 * yearly requirement — short ones highlighted. The sheet import reports each bad
 * row; the export is the whole ledger as .xlsx.
 */
import { DownloadOutlined, PlusOutlined, ReadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/auth';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { SheetImportModal } from '../../app/SheetImportModal';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { organisationApi } from '../organisation/api';
import { AttendanceDrawer } from './AttendanceDrawer';
import { type Course, type Exam, type OfficerHours, trainingApi } from './api';
import { CourseModal } from './CourseModal';
import { ExamModal } from './ExamModal';
import { PlanCard, PlanModal } from './PlanCard';
import { ScoresDrawer } from './ScoresDrawer';

const currentYear = new Date().getFullYear();
const years = Array.from({ length: 6 }, (_, i) => currentYear + 1 - i);

function HoursTable({ officers, required }: { officers: OfficerHours[]; required: number }) {
  const [shortOnly, setShortOnly] = useState(false);
  const shown = shortOnly ? officers.filter((o) => !o.met) : officers;
  const columns: TableColumnsType<OfficerHours> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '承办机构', dataIndex: 'unit', render: (unit: string | null) => unit ?? '—' },
    {
      title: '执法证号',
      dataIndex: 'certificateNumber',
      width: 150,
      render: (n: string | null) => (n ? <Typography.Text code>{n}</Typography.Text> : '—'),
    },
    { title: '政治理论', key: 'political', width: 90, align: 'right', render: (_, o) => o.byKind.political },
    { title: '法律知识', key: 'legal', width: 90, align: 'right', render: (_, o) => o.byKind.legal },
    {
      title: '业务技能',
      key: 'professional',
      width: 90,
      align: 'right',
      render: (_, o) => o.byKind.professional,
    },
    {
      title: '合计学时',
      dataIndex: 'total',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.total - b.total,
      render: (total: number, o) => (
        <Typography.Text strong type={o.met ? undefined : 'danger'}>
          {total}
        </Typography.Text>
      ),
    },
    {
      title: `达标（${required} 学时）`,
      key: 'met',
      width: 150,
      render: (_, o) =>
        o.met ? <Tag color="success">已达标</Tag> : <Tag color="error">差 {o.shortfall} 学时</Tag>,
    },
  ];
  return (
    <>
      <Checkbox
        checked={shortOnly}
        onChange={(e) => setShortOnly(e.target.checked)}
        style={{ marginBottom: 12 }}
      >
        仅显示未达标人员
      </Checkbox>
      <Table<OfficerHours>
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={shown}
        onRow={(o) => (o.met ? {} : { style: { background: '#fff1f0' } })}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: shortOnly ? '全部达标' : '本机关没有在岗执法人员' }}
      />
    </>
  );
}

export default function TrainingPage() {
  usePageTitle('培训台账');
  const me = useMe();
  const [agencyId, setAgencyId] = useState(me.agency.id);
  const [year, setYear] = useState(currentYear);
  const agencies = useLoader(() => organisationApi.agencies(), []);
  const { data, error, loading, reload } = useLoader(
    () => trainingApi.ledger(agencyId, year),
    [agencyId, year],
  );
  const [planOpen, setPlanOpen] = useState(false);
  const courseModal = useModal<{ course: Course | null }>();
  const [attendanceOf, setAttendanceOf] = useState<string | null>(null);
  const [examOpen, setExamOpen] = useState(false);
  const [scoresOf, setScoresOf] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  const agencyOptions = (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  const toolbar = (
    <Space wrap>
      {agencyOptions.length > 1 ? (
        <Select
          aria-label="执法主体"
          style={{ width: 220 }}
          value={agencyId}
          options={agencyOptions}
          onChange={setAgencyId}
        />
      ) : null}
      <Select
        aria-label="年度"
        style={{ width: 110 }}
        value={year}
        options={years.map((y) => ({ value: y, label: `${y} 年` }))}
        onChange={setYear}
      />
    </Space>
  );

  if (!data) {
    return (
      <Card title="培训台账" extra={toolbar}>
        <PageLoading error={error} what="培训台账" />
      </Card>
    );
  }

  const manage = data.actions.manage;
  const courseColumns: TableColumnsType<Course> = [
    { title: '培训日期', dataIndex: 'heldOn', width: 110 },
    { title: '课程', dataIndex: 'title' },
    { title: '类别', dataIndex: 'kindLabel', width: 100 },
    { title: '学时', dataIndex: 'hours', width: 70, align: 'right' },
    { title: '组织单位', dataIndex: 'organiser', render: (v: string) => v || '—' },
    { title: '地点', dataIndex: 'location', render: (v: string) => v || '—' },
    {
      title: '出勤',
      key: 'attendance',
      width: 120,
      render: (_, c) => `${c.presentCount} 人${c.absentCount ? `，缺勤 ${c.absentCount}` : ''}`,
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" onClick={() => setAttendanceOf(c.id)}>
            {manage ? '登记出勤' : '出勤名单'}
          </Button>
          {manage ? (
            <Button type="link" onClick={() => courseModal.open({ course: c })}>
              修改
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const examColumns: TableColumnsType<Exam> = [
    { title: '考试日期', dataIndex: 'heldOn', width: 110 },
    { title: '考试', dataIndex: 'title' },
    { title: '对应课程', key: 'course', render: (_, e) => e.course?.title ?? '—' },
    { title: '满分', dataIndex: 'fullMark', width: 70, align: 'right' },
    { title: '及格分', dataIndex: 'passMark', width: 80, align: 'right' },
    { title: '参考/及格', key: 'result', width: 110, render: (_, e) => `${e.takers} / ${e.passed}` },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, e) => (
        <Button type="link" onClick={() => setScoresOf(e.id)}>
          {manage ? '登记成绩' : '查看成绩'}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <ReadOutlined />
            培训台账 · {data.agency.name}
          </Space>
        }
        extra={
          <Space wrap>
            {toolbar}
            {manage ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入出勤
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} href={trainingApi.exportUrl(data.agency.id, year)} download>
              导出台账
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <PlanCard
            year={year}
            plan={data.plan}
            standing={data.planStanding}
            canManage={manage}
            onEdit={() => setPlanOpen(true)}
          />
          <Space size="large" wrap>
            <Statistic title="在岗执法人员" value={data.summary.officers} suffix="人" />
            <Statistic
              title={`学时达标（≥ ${data.requiredHours}）`}
              value={data.summary.met}
              suffix={`/ ${data.summary.officers}`}
            />
            <Statistic title="已办课程" value={data.summary.courses} suffix="门" />
            <Statistic title="课程总学时" value={data.summary.hoursOffered} />
          </Space>
          {data.shortfalls.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={`${data.shortfalls.length} 名执法人员 ${year} 年度培训学时未达到 ${data.requiredHours} 学时`}
              description={data.shortfalls
                .slice(0, 10)
                .map((o) => `${o.name}（差 ${o.shortfall}）`)
                .join('、')
                .concat(data.shortfalls.length > 10 ? ' 等' : '')}
            />
          ) : data.summary.officers > 0 ? (
            <Alert type="success" showIcon title={`全部执法人员已达到 ${data.requiredHours} 学时`} />
          ) : null}
        </Space>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'hours',
              label: '学时统计',
              children: <HoursTable officers={data.officers} required={data.requiredHours} />,
            },
            {
              key: 'courses',
              label: `培训课程（${data.courses.length}）`,
              children: (
                <>
                  {manage ? (
                    <Button
                      type="primary"
                      icon={<PlusOutlined />}
                      style={{ marginBottom: 12 }}
                      onClick={() => courseModal.open({ course: null })}
                    >
                      新增课程
                    </Button>
                  ) : null}
                  <Table<Course>
                    rowKey="id"
                    size="small"
                    loading={loading}
                    columns={courseColumns}
                    dataSource={data.courses}
                    pagination={false}
                    locale={{ emptyText: `${year} 年度尚未登记培训课程` }}
                  />
                </>
              ),
            },
            {
              key: 'exams',
              label: `考试（${data.exams.length}）`,
              children: (
                <>
                  {manage ? (
                    <Button
                      icon={<PlusOutlined />}
                      style={{ marginBottom: 12 }}
                      onClick={() => setExamOpen(true)}
                    >
                      新增考试
                    </Button>
                  ) : null}
                  <Table<Exam>
                    rowKey="id"
                    size="small"
                    columns={examColumns}
                    dataSource={data.exams}
                    pagination={false}
                    locale={{ emptyText: `${year} 年度尚未组织考试` }}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
      {manage ? (
        <>
          <PlanModal
            open={planOpen}
            agencyId={data.agency.id}
            year={year}
            plan={data.plan}
            onClose={() => setPlanOpen(false)}
            onSaved={reload}
          />
          <CourseModal
            key={courseModal.key}
            open={courseModal.target !== null}
            agencyId={data.agency.id}
            year={year}
            course={courseModal.target?.course ?? null}
            kinds={data.kinds}
            onClose={() => courseModal.close()}
            onSaved={reload}
          />
          <ExamModal
            open={examOpen}
            agencyId={data.agency.id}
            year={year}
            courses={data.courses}
            onClose={() => setExamOpen(false)}
            onSaved={reload}
          />
          <SheetImportModal
            open={importing}
            title={`导入 ${year} 年度培训出勤`}
            intro={
              <>
                .xlsx
                工作簿，第一行为表头：“课程”“出勤”两列，以及“姓名”或“执法证号”（同名时须填执法证号）；“学时”可留空（出勤按课程学时，缺勤为
                0）。课程须已在本年度台账中登记、名称一致。
                <Typography.Link href={trainingApi.exportUrl(data.agency.id, year)}>
                  导出的台账
                </Typography.Link>
                中“出勤”工作表即为此格式，可修改后重新导入；同一人员同一课程的记录将被替换。任何一行有误则不导入任何记录。
              </>
            }
            send={(file, dryRun) => trainingApi.importSheet(data.agency.id, year, file, dryRun)}
            checked={(outcome) => ({
              title: `检查通过：共 ${outcome.rows} 条出勤记录，涉及 ${outcome.courses} 门课程。`,
            })}
            imported={(outcome) => `已导入 ${outcome.imported} 条出勤记录（${outcome.courses} 门课程）`}
            onClose={() => setImporting(false)}
            onDone={reload}
          />
        </>
      ) : null}
      <AttendanceDrawer courseId={attendanceOf} onClose={() => setAttendanceOf(null)} onSaved={reload} />
      <ScoresDrawer examId={scoresOf} onClose={() => setScoresOf(null)} onSaved={reload} />
    </Space>
  );
}
