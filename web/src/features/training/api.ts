/** 培训台账 endpoints and shapes (Q3). Totals, shortfalls and the plan's standing come from the server. */
import { api } from '../../app/api';

export type TrainingKind = 'political' | 'legal' | 'professional';
export type PlanState = 'filedOnTime' | 'filedLate' | 'pending' | 'overdue';

export interface Plan {
  id: string;
  content: string;
  plannedCourses: number;
  plannedHours: number;
  filedOn: string | null;
  updatedAt: string;
}

export interface PlanStanding {
  state: PlanState;
  deadline: string;
  daysLeft: number | null;
  label: string;
}

export interface Course {
  id: string;
  year: number;
  title: string;
  heldOn: string;
  hours: number;
  kind: TrainingKind;
  kindLabel: string;
  organiser: string;
  location: string;
  presentCount: number;
  absentCount: number;
}

export interface Exam {
  id: string;
  title: string;
  heldOn: string;
  course: { id: string; title: string | null } | null;
  fullMark: number;
  passMark: number;
  takers: number;
  passed: number;
}

export interface OfficerHours {
  personId: string;
  name: string;
  position: string;
  unit: string | null;
  certificateNumber: string | null;
  total: number;
  byKind: Record<TrainingKind, number>;
  coursesAttended: number;
  required: number;
  shortfall: number;
  met: boolean;
}

export interface TrainingLedger {
  agency: { id: string; name: string };
  year: number;
  today: string;
  requiredHours: number;
  plan: Plan | null;
  planStanding: PlanStanding;
  courses: Course[];
  exams: Exam[];
  officers: OfficerHours[];
  shortfalls: OfficerHours[];
  summary: { officers: number; met: number; courses: number; hoursOffered: number };
  kinds: { value: TrainingKind; label: string }[];
  actions: { manage: boolean };
}

export interface AttendanceRow {
  personId: string;
  name: string;
  unit: string | null;
  inRoster: boolean;
  present: boolean | null;
  hoursCredited: number | null;
}

export interface CourseDetail extends Omit<Course, 'presentCount' | 'absentCount'> {
  attendance: AttendanceRow[];
  actions: { manage: boolean };
}

export interface ScoreRow {
  personId: string;
  name: string;
  unit: string | null;
  score: number | null;
  passed: boolean | null;
}

export interface ExamDetail {
  id: string;
  title: string;
  heldOn: string;
  fullMark: number;
  passMark: number;
  scores: ScoreRow[];
  actions: { manage: boolean };
}

export interface PlanInput {
  year: number;
  content: string;
  plannedCourses: number;
  plannedHours: number;
  filedOn: string | null;
}

export interface CourseInput {
  title: string;
  heldOn: string;
  hours: number;
  kind: TrainingKind;
  organiser: string;
  location: string;
}

export interface ExamInput {
  title: string;
  heldOn: string;
  courseId: string | null;
  fullMark: number;
  passMark: number;
}

export interface AttendanceImport {
  rows: number;
  courses: number;
  dryRun: boolean;
  imported: number;
}

export const trainingApi = {
  ledger: (agencyId: string | undefined, year: number) =>
    api.get<TrainingLedger>('/api/training', { agencyId, year }),
  savePlan: (agencyId: string, input: PlanInput) =>
    api.put<{ plan: Plan; planStanding: PlanStanding }>('/api/training/plan', { agencyId, ...input }),
  addCourse: (agencyId: string, input: CourseInput) =>
    api.post<{ id: string }>('/api/training/courses', { agencyId, ...input }),
  updateCourse: (id: string, change: Partial<CourseInput>) =>
    api.patch<{ id: string }>(`/api/training/courses/${id}`, change),
  course: (id: string) => api.get<CourseDetail>(`/api/training/courses/${id}`),
  recordAttendance: (id: string, entries: { personId: string; present: boolean; hoursCredited?: number }[]) =>
    api.put<{ recorded: number; attendance: AttendanceRow[] }>(`/api/training/courses/${id}/attendance`, {
      entries,
    }),
  addExam: (agencyId: string, input: ExamInput) =>
    api.post<{ id: string }>('/api/training/exams', { agencyId, ...input }),
  exam: (id: string) => api.get<ExamDetail>(`/api/training/exams/${id}`),
  recordScores: (id: string, scores: { personId: string; score: number }[]) =>
    api.put<{ recorded: number; scores: ScoreRow[] }>(`/api/training/exams/${id}/scores`, { scores }),
  importSheet: (agencyId: string, year: number, file: { name: string; content: string }, dryRun: boolean) =>
    api.post<AttendanceImport>('/api/training/import', {
      agencyId,
      year,
      fileName: file.name,
      content: file.content,
      dryRun,
    }),
  exportUrl: (agencyId: string, year: number) =>
    `/api/training/export?${new URLSearchParams({ agencyId, year: String(year) })}`,
};
