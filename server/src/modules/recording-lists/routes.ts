/**
 * 音像记录事项清单 (R5) routes: everyone who reads cases reads their agency's
 * list (supervisors any supervised agency's); the legal unit and the agency
 * head replace it, one version at a time, each on the agency's ledger stream.
 */
import { z } from 'zod';
import { text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { requireAgencyInScope } from '../../http/scope.js';
import {
  checkedList,
  loadRecordingLists,
  presentRecordingList,
  recordingListEntry,
  saveRecordingList,
} from './service.js';

async function listOf(db: Parameters<typeof loadRecordingLists>[0], agencyId: string) {
  const list = (await loadRecordingLists(db, [agencyId])).get(agencyId)!;
  return {
    agencyId,
    version: list.version,
    updatedAt: list.updatedAt,
    processes: presentRecordingList(list),
  };
}

export const recordingListRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/recording-list',
    access: 'case.read',
    summary: '音像记录事项清单：各流程各环节的音像记录要求（本机关清单优先，法定全程记录不可降低）',
    query: z.strictObject({ agencyId: uuid.optional() }),
    handler: async ({ db, user, query }) => {
      const agencyId = query.agencyId ?? user.agencyId;
      await requireAgencyInScope(db, user, agencyId, '执法主体');
      const editable = agencyId === user.agencyId && mayTake(user, 'recordingList.edit');
      return { ...(await listOf(db, agencyId)), actions: { edit: editable } };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/recording-list',
    access: 'recordingList.edit',
    summary: '修改本机关音像记录事项清单（新版本，记入全过程记录）',
    body: z.strictObject({
      expectedVersion: z.number().int().min(0),
      note: text(200),
      entries: z.array(recordingListEntry).max(200),
    }),
    handler: async ({ db, user, body, app, record }) => {
      const entries = checkedList(body.entries);
      const version = await saveRecordingList(db, {
        agencyId: user.agencyId,
        expectedVersion: body.expectedVersion,
        entries,
        userId: user.id,
        now: app.clock(),
      });
      await record({
        streamId: `agency:${user.agencyId}`,
        agencyId: user.agencyId,
        kind: 'recordingList.changed',
        payload: { version, note: body.note, entries },
      });
      return { ...(await listOf(db, user.agencyId)), actions: { edit: true } };
    },
  }),
];
