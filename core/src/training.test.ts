import { describe, expect, it } from 'vitest';
import {
  type AttendanceFacts,
  type AttendanceSheetRow,
  checkAttendanceRows,
  examPassed,
  isValidHours,
  officerTrainingHours,
  reviewerCapacity,
  type TrainingCourseFacts,
  trainingPlanDeadline,
  trainingPlanStanding,
  trainingShortfalls,
} from './training.js';

describe('Q3: the yearly training plan is due by the end of Q1', () => {
  it('Q3: the deadline is the last day of the due month', () => {
    expect(trainingPlanDeadline(2026)).toBe('2026-03-31');
    expect(trainingPlanDeadline(2028, 2)).toBe('2028-02-29');
    expect(trainingPlanDeadline(2027, 2)).toBe('2027-02-28');
    expect(trainingPlanDeadline(2026, 12)).toBe('2026-12-31');
  });

  it.each([
    ['no plan, early in the year', null, '2026-01-05', 'pending', 85],
    ['no plan, on the deadline day', null, '2026-03-31', 'pending', 0],
    ['no plan, the day after', null, '2026-04-01', 'overdue', -1],
    ['a draft without a filing date', { filedOn: null }, '2026-05-01', 'overdue', -31],
    ['filed in February', { filedOn: '2026-02-10' }, '2026-11-24', 'filedOnTime', null],
    ['filed on the deadline day', { filedOn: '2026-03-31' }, '2026-04-10', 'filedOnTime', null],
    ['filed in April', { filedOn: '2026-04-01' }, '2026-04-10', 'filedLate', null],
    ['next year, not yet filed', null, '2026-11-24', 'pending', 127],
  ] as const)('Q3: %s → %s', (_, plan, today, state, daysLeft) => {
    const year = today === '2026-11-24' && plan === null ? 2027 : 2026;
    const standing = trainingPlanStanding(plan, year, today);
    expect(standing.state).toBe(state);
    expect(standing.daysLeft).toBe(daysLeft);
    expect(standing.deadline).toBe(`${year}-03-31`);
  });

  it('Q3: the label names the deadline and the days left', () => {
    expect(trainingPlanStanding(null, 2026, '2026-03-21').label).toBe(
      '待报送（截止 2026-03-31，还剩 10 天）',
    );
    expect(trainingPlanStanding(null, 2026, '2026-06-01').label).toBe('逾期未报送（截止 2026-03-31）');
  });
});

describe('Q3: hours credited per officer against the yearly requirement', () => {
  const courses: TrainingCourseFacts[] = [
    { id: 'law', heldOn: '2026-03-10', hours: 16, kind: 'legal' },
    { id: 'politics', heldOn: '2026-05-10', hours: 8, kind: 'political' },
    { id: 'skills', heldOn: '2026-09-01', hours: 40, kind: 'professional' },
    { id: 'lastYear', heldOn: '2025-12-20', hours: 30, kind: 'legal' },
  ];
  const present = (personId: string, courseId: string, hoursCredited: number): AttendanceFacts => ({
    personId,
    courseId,
    present: true,
    hoursCredited,
  });
  const attendance: AttendanceFacts[] = [
    present('a', 'law', 16),
    present('a', 'politics', 8),
    present('a', 'skills', 40),
    present('b', 'law', 16),
    present('b', 'politics', 4.5),
    present('b', 'lastYear', 30), // another year: not counted
    { personId: 'b', courseId: 'skills', present: false, hoursCredited: 40 }, // absent: nothing
    present('c', 'skills', 60), // more than the course: capped at 40
    present('stranger', 'law', 16), // not an officer of the list
  ];

  it.each([
    ['a', 64, { political: 8, legal: 16, professional: 40 }, 3, 0, true],
    ['b', 20.5, { political: 4.5, legal: 16, professional: 0 }, 2, 39.5, false],
    ['c', 40, { political: 0, legal: 0, professional: 40 }, 1, 20, false],
    ['d', 0, { political: 0, legal: 0, professional: 0 }, 0, 60, false],
  ] as const)('Q3: officer %s has %s hours', (id, total, byKind, attended, shortfall, met) => {
    const hours = officerTrainingHours(['a', 'b', 'c', 'd'], courses, attendance, 2026, 60);
    const officer = hours.find((h) => h.personId === id)!;
    expect(officer).toEqual({
      personId: id,
      total,
      byKind,
      coursesAttended: attended,
      required: 60,
      shortfall,
      met,
    });
  });

  it('Q3: exactly the requirement is met; the shortfall list is largest first', () => {
    const hours = officerTrainingHours(['a', 'b', 'c', 'd'], courses, attendance, 2026, 64);
    expect(hours.find((h) => h.personId === 'a')).toMatchObject({ met: true, shortfall: 0 });
    expect(trainingShortfalls(hours).map((h) => h.personId)).toEqual(['d', 'b', 'c']);
  });

  it('Q3: hours are whole or half hours; a score passes at the pass mark', () => {
    expect([0, 0.5, 8, 200].every((h) => isValidHours(h))).toBe(true);
    expect([-1, 0.25, 200.5, Number.NaN, Number.POSITIVE_INFINITY].some((h) => isValidHours(h))).toBe(false);
    expect(examPassed(60, 60)).toBe(true);
    expect(examPassed(59.5, 60)).toBe(false);
  });
});

describe('Q3: an attendance sheet is checked row by row', () => {
  const roster = [
    { personId: 'p1', name: '马建国', certificateNumbers: ['JT-990121-0001'] },
    { personId: 'p2', name: '胡志明', certificateNumbers: ['JT-990121-0002'] },
    { personId: 'p3', name: '胡志明', certificateNumbers: ['JT-990121-0003'] },
  ];
  const courses = [
    { id: 'c1', title: '《行政处罚法》专题培训', hours: 8 },
    { id: 'c2', title: '执法记录仪使用规范', hours: 4 },
  ];
  const row = (n: number, over: Partial<AttendanceSheetRow>): AttendanceSheetRow => ({
    row: n,
    name: '',
    certificateNumber: '',
    course: '《行政处罚法》专题培训',
    hours: '',
    attendance: '出勤',
    ...over,
  });

  it('Q3: a clean sheet gives one entry per row; blank hours take the course hours, absence 0', () => {
    const { entries, problems } = checkAttendanceRows(
      [
        row(2, { name: '马建国' }),
        row(3, { certificateNumber: 'jt-990121-0002', course: '执法记录仪使用规范', hours: '3.5' }),
        row(4, { name: '胡志明', certificateNumber: 'JT-990121-0003', attendance: '缺勤' }),
      ],
      roster,
      courses,
    );
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { row: 2, personId: 'p1', courseId: 'c1', present: true, hoursCredited: 8 },
      { row: 3, personId: 'p2', courseId: 'c2', present: true, hoursCredited: 3.5 },
      { row: 4, personId: 'p3', courseId: 'c1', present: false, hoursCredited: 0 },
    ]);
  });

  it.each([
    ['an unknown name', { name: '不存在' }, '姓名', '“不存在”不是本机关在岗执法人员'],
    ['an ambiguous name', { name: '胡志明' }, '姓名', '本机关有 2 名执法人员叫“胡志明”，请填写执法证号'],
    ['neither name nor number', {}, '姓名', '姓名和执法证号至少填写一项'],
    [
      'an unknown number',
      { certificateNumber: 'X-1' },
      '执法证号',
      '执法证号“X-1”不是本机关在岗执法人员的证件',
    ],
    [
      'a name that does not match the number',
      { name: '马建国', certificateNumber: 'JT-990121-0002' },
      '姓名',
      '姓名“马建国”与执法证号 JT-990121-0002 的持证人（胡志明）不符',
    ],
    ['an unknown course', { name: '马建国', course: '游泳' }, '课程', '本年度没有名为“游泳”的课程'],
    ['no course', { name: '马建国', course: ' ' }, '课程', '课程不能为空'],
    [
      'odd attendance',
      { name: '马建国', attendance: '请假' },
      '出勤',
      '出勤应填“出勤”或“缺勤”，而不是“请假”',
    ],
    ['no attendance', { name: '马建国', attendance: '' }, '出勤', '出勤不能为空（填“出勤”或“缺勤”）'],
    [
      'hours not a number',
      { name: '马建国', hours: '八' },
      '学时',
      '学时应为 0–200 的整数或半小时，而不是“八”',
    ],
    [
      'a quarter hour',
      { name: '马建国', hours: '1.25' },
      '学时',
      '学时应为 0–200 的整数或半小时，而不是“1.25”',
    ],
    [
      'more than the course',
      { name: '马建国', hours: '9' },
      '学时',
      '学时 9 超过课程“《行政处罚法》专题培训”的 8 学时',
    ],
    ['hours for an absence', { name: '马建国', hours: '2', attendance: '缺勤' }, '学时', '缺勤不能计学时'],
  ] as const)('Q3: %s is refused, naming row and column', (_, over, column, message) => {
    const { entries, problems } = checkAttendanceRows(
      [row(2, { name: '胡志明', certificateNumber: 'JT-990121-0002' }), row(3, over)],
      roster,
      courses,
    );
    expect(entries).toEqual([]);
    expect(problems).toEqual([{ row: 3, column, message }]);
  });

  it('Q3: the same officer and course twice is refused; every bad row is reported', () => {
    const { entries, problems } = checkAttendanceRows(
      [
        row(2, { name: '马建国' }),
        row(3, { certificateNumber: 'JT-990121-0001' }),
        row(4, { name: '无名', hours: 'x' }),
      ],
      roster,
      courses,
    );
    expect(entries).toEqual([]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, '课程'],
      [4, '姓名'],
      [4, '学时'],
    ]);
    expect(checkAttendanceRows([], roster, courses).problems).toEqual([
      { row: 1, column: '', message: '表格中没有出勤记录' },
    ]);
  });
});

describe('L2: reviewers ≥ 5% of officers and ≥ 2', () => {
  const settings = { reviewerRatioPercent: 5, reviewerMinimum: 2 };
  it.each([
    [0, 0, 0, 2, false, 2],
    [10, 2, 1, 2, true, 0],
    [40, 2, 2, 2, true, 0],
    [41, 2, 3, 3, false, 1],
    [41, 3, 3, 3, true, 0],
    [60, 3, 3, 3, true, 0],
    [61, 3, 4, 4, false, 1],
    [200, 9, 10, 10, false, 1],
  ])(
    'L2: %s officers, %s reviewers → by ratio %s, required %s',
    (officers, reviewers, byRatio, required, sufficient, shortBy) => {
      expect(reviewerCapacity(officers, reviewers, settings)).toMatchObject({
        officers,
        reviewers,
        byRatio,
        required,
        sufficient,
        shortBy,
      });
    },
  );

  it('L2: a ratio setting of 7% on 100 officers needs exactly 7 (no floating-point extra)', () => {
    expect(reviewerCapacity(100, 7, { reviewerRatioPercent: 7, reviewerMinimum: 2 })).toMatchObject({
      required: 7,
      sufficient: true,
    });
  });

  it('L2: the warning names the numbers', () => {
    expect(reviewerCapacity(41, 2, settings).message).toBe(
      '法制审核人员不足：执法人员 41 名，应不少于 3 名（不低于 5% 且不少于 2 名），现有 2 名，还差 1 名',
    );
  });
});
