/** 音像记录事项清单 (R5) endpoints and their shapes. */
import type { ProcessKind, RecordingKind, RecordingRequirement, StageId } from '@zhifa/core';
import { api } from '../../app/api';

export interface RecordingLine {
  processKind: ProcessKind;
  stage: StageId;
  requirement: RecordingRequirement;
  kinds: RecordingKind[];
  note?: string;
}

export interface RecordingListView {
  agencyId: string;
  version: number;
  updatedAt: string | null;
  processes: {
    processKind: ProcessKind;
    title: string;
    stages: {
      stage: StageId;
      label: string;
      default: { requirement: RecordingRequirement; kinds: RecordingKind[] };
      line: RecordingLine | null;
      effective: { requirement: RecordingRequirement; kinds: RecordingKind[]; source: 'list' | 'definition' };
    }[];
  }[];
  actions: { edit: boolean };
}

export const recordingListApi = {
  view: () => api.get<RecordingListView>('/api/recording-list'),
  save: (expectedVersion: number, note: string, entries: RecordingLine[]) =>
    api.put<RecordingListView>('/api/recording-list', { expectedVersion, note, entries }),
};
