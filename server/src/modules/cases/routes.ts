/**
 * 案件办理 (issue 6): list, case page, source registration, the team, 笔录,
 * evidence, the timeline with its chain verification, and the running clocks.
 * Fact steps and moves are in step-routes.ts. Every change is one transaction
 * with one ledger event on the stream case:<id>.
 */
import {
  AppError,
  checkInvestigators,
  compareDates,
  findStage,
  isRefusal,
  processDefinition,
  refusalToAppError,
  shanghaiDateOf,
} from '@zhifa/core';
import { validationError } from '../../http/errors.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { caseScope, requireInScope } from '../../http/scope.js';
import { presentEvent } from '../../ledger/checkpoint.js';
import { verifyLedger } from '../../ledger/verify.js';
import { personKindLabels } from '../persons/routes.js';
import { ruleContext } from '../settings/rule-context.js';
import { deadlinesOf } from './clocks.js';
import { caseDocumentRoutes } from './document-routes.js';
import { clockFactsOf, loadCaseFacts, loadCaseSummaries } from './facts.js';
import { itemRoutes } from './item.js';
import { casesWithMyClocks, listCases, personOf } from './list.js';
import { idParams, loadOne, presentAfter } from './load.js';
import { partyRoutes } from './party.js';
import { presentSummary } from './presenter.js';
import {
  evidenceBody,
  listQuery,
  officersBody,
  recordBody,
  recordContentSchemas,
  registerBody,
} from './schema.js';
import { assignOfficers, caseStream, linkEvidence, lockCase, registerCase, saveCase } from './service.js';
import { stepRoutes } from './step-routes.js';
import { worklistRoutes } from './worklist.js';

export const caseRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/cases',
    access: 'case.read',
    summary: '案件列表（按环节、流程、承办人、是否逾期筛选，分页）',
    query: listQuery,
    handler: async ({ db, user, query, app }) => {
      const rule = await ruleContext(db, app.clock());
      const { total, rows, next } = await listCases(db, user, query, rule.today);
      return {
        today: rule.today,
        total,
        page: query.after ? null : query.page,
        pageSize: query.pageSize,
        items: (await loadCaseSummaries(db, rows)).map((source) => presentSummary(source, rule)),
        /** Where the next page starts (`after`), or null on the last page. */
        next,
        actions: { register: mayTake(user, 'case.handle') },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases',
    access: 'case.handle',
    summary: '案件来源登记（违法行为追责时效 N10 在登记时核对）',
    body: registerBody,
    handler: async ({ db, user, body, app, record }) => {
      const now = app.clock();
      const rule = await ruleContext(db, now);
      const created = await registerCase(db, app.cipher, user, body, rule, now);
      await record({
        streamId: caseStream(created.id),
        agencyId: created.agency_id,
        kind: 'case.registered',
        payload: {
          processKind: body.processKind,
          title: body.title,
          source: body.source,
          partyKind: body.party.kind,
          partyName: body.party.name,
          partyIdNumberMasked: created.party_id_number_masked,
          partyAddressMasked: created.party_address_masked,
          partyPhoneMasked: created.party_phone_masked,
          partyRepresentative: created.party_representative,
          enforcementItemId: body.enforcementItemId ?? null,
          discoveredOn: body.discoveredOn,
          violation: body.violation ?? null,
          stage: created.stage,
        },
      });
      // Whoever registers it leads it, if they are a certified officer of the register.
      const personId = await personOf(db, user);
      const person = personId
        ? await db.selectFrom('person').select(['id', 'kind']).where('id', '=', personId).executeTakeFirst()
        : undefined;
      if (person && (person.kind === 'officer' || person.kind === 'head')) {
        const row = await lockCase(db, user, created.id);
        const team = { version: row.version, officers: [{ personId: person.id, role: 'lead' as const }] };
        const officers = await assignOfficers(db, row, team, user, now);
        await record({
          streamId: caseStream(created.id),
          agencyId: created.agency_id,
          kind: 'case.officersAssigned',
          payload: { officers },
        });
      }
      return presentAfter(db, user, created.id, now);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id',
    access: 'case.read',
    summary: '案件详情：事实、承办人员、笔录、证据、期限、可进入的环节及不能进入的原因',
    params: idParams,
    handler: async ({ db, user, params, app }) => presentAfter(db, user, params.id, app.clock()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id/officer-candidates',
    access: 'case.handle',
    summary:
      '可指定为本案承办或协助人员的本机关在岗人员（姓名、类别、所在机构；不含身份证号）：执法人员在现场也能补充第二名执法人员',
    params: idParams,
    handler: async ({ db, user, params }) => {
      const { row } = await loadOne(db, user, params.id);
      const people = await db
        .selectFrom('person as p')
        .leftJoin('unit as u', 'u.id', 'p.unit_id')
        .select(['p.id', 'p.name', 'p.kind', 'u.name as unit_name'])
        .where('p.agency_id', '=', row.agency_id)
        .where('p.active', '=', true)
        .where('p.kind', 'in', ['officer', 'head', 'auxiliary'])
        .orderBy('p.name')
        .execute();
      return {
        items: people.map((p) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
          kindLabel: personKindLabels[p.kind],
          unitName: p.unit_name,
        })),
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/cases/:id/officers',
    access: 'case.handle',
    summary: '指定承办人员（主办、协办；执法辅助人员只能登记为协助人员）',
    params: idParams,
    body: officersBody,
    handler: async ({ db, user, params, body, app, record }) => {
      const now = app.clock();
      const row = await lockCase(db, user, params.id, body.version);
      const officers = await assignOfficers(db, row, body, user, now);
      await saveCase(db, row, {}, now, await ruleContext(db, now));
      await record({
        streamId: caseStream(row.id),
        agencyId: row.agency_id,
        kind: 'case.officersAssigned',
        payload: { officers },
      });
      return presentAfter(db, user, row.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/records',
    access: 'case.assist',
    summary: '制作笔录（询问、现场检查、听证、陈述申辩），记入当前环节',
    params: idParams,
    body: recordBody,
    handler: async ({ db, user, params, body, app, record }) => {
      const now = app.clock();
      const parsed = recordContentSchemas[body.kind].safeParse(body.content);
      if (!parsed.success) throw validationError(parsed.error, 'body.content');
      const madeAt = new Date(body.madeAt);
      if (madeAt > now)
        throw new AppError('VALIDATION_FAILED', '笔录制作时间不能晚于现在', { field: 'body.madeAt' });
      const endedAt = 'endedAt' in parsed.data ? new Date(parsed.data.endedAt) : null;
      if (endedAt && (endedAt < madeAt || endedAt > now))
        throw new AppError('VALIDATION_FAILED', '笔录结束时间应在开始时间之后、不晚于现在', {
          field: 'body.content.endedAt',
        });
      const row = await lockCase(db, user, params.id);
      // N1 at the act: an inquiry or an inspection at a stage that needs two officers is itself the
      // investigation (art. 42, 55), so the team must hold two who may act on the day it was made.
      const stage = findStage(processDefinition(row.process_kind), row.stage);
      if (stage?.twoOfficers && (body.kind === 'inquiry' || body.kind === 'onSite')) {
        const loaded = (await loadCaseFacts(db, [row])).get(row.id)!;
        const rule = await ruleContext(db, now);
        const team = checkInvestigators(loaded.facts, { ...rule, today: shanghaiDateOf(madeAt) });
        if (isRefusal(team)) throw refusalToAppError(team);
      }
      const created = await db
        .insertInto('case_record')
        .values({
          case_id: row.id,
          agency_id: row.agency_id,
          kind: body.kind,
          stage: row.stage,
          content: JSON.stringify(parsed.data),
          made_at: madeAt,
          recorded_by: user.id,
          recorded_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await record({
        streamId: caseStream(row.id),
        agencyId: row.agency_id,
        kind: 'case.recordAdded',
        payload: {
          recordId: created.id,
          kind: body.kind,
          stage: row.stage,
          madeAt: body.madeAt,
          content: parsed.data,
        },
      });
      return { id: created.id, stage: row.stage };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/evidence',
    access: 'case.assist',
    summary: '关联证据（音像记录注明录像、录音或照片，R4）到当前环节',
    params: idParams,
    body: evidenceBody,
    handler: async ({ db, user, params, body, app, record }) => {
      const row = await lockCase(db, user, params.id);
      const linked = await linkEvidence(db, row, body, user, app.clock());
      await record({
        streamId: caseStream(row.id),
        agencyId: row.agency_id,
        kind: 'case.evidenceLinked',
        payload: {
          evidenceId: body.evidenceId,
          stage: linked.stage,
          recordingKind: body.recordingKind ?? null,
          partyName: body.partyName ?? null,
          description: body.description ?? '',
        },
      });
      return { id: linked.id, stage: linked.stage };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id/timeline',
    access: 'case.read',
    summary: '案件全过程记录：每个事件的操作人、时间、哈希，以及整条链是否校验通过',
    params: idParams,
    handler: async ({ db, user, params }) => {
      const row = await db
        .selectFrom('enforcement_case')
        .select(['id', 'agency_id'])
        .where('id', '=', params.id)
        .executeTakeFirst();
      await requireInScope(db, user, row, '案件', caseScope);
      const streamId = caseStream(params.id);
      const events = await db
        .selectFrom('ledger_event as e')
        .leftJoin('app_user as u', 'u.id', 'e.actor_id')
        .selectAll('e')
        .select(['u.username', 'u.display_name'])
        .where('e.stream_id', '=', streamId)
        .orderBy('e.seq')
        .execute();
      const verification = await verifyLedger(db, { streamId });
      return {
        streamId,
        verification,
        items: events.map((e) => ({
          ...presentEvent(e),
          actor: e.username ? { username: e.username, displayName: e.display_name } : null,
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id/deadlines',
    access: 'case.read',
    summary: '案件正在计算的期限（办案、陈述申辩、听证、送达、缴款、查封扣押）及预警',
    params: idParams,
    handler: async ({ db, user, params, app }) => {
      const loaded = await loadOne(db, user, params.id);
      const rule = await ruleContext(db, app.clock());
      return { today: rule.today, ...deadlinesOf(loaded, rule) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me/deadlines',
    access: 'case.read',
    summary: '我承办的案件的期限，按到期日排列（最早到期的 200 个案件）',
    handler: async ({ db, user, app }) => {
      const rule = await ruleContext(db, app.clock());
      const personId = await personOf(db, user);
      if (!personId) return { today: rule.today, total: 0, shown: 0, items: [], problems: [] };
      const { total, rows } = await casesWithMyClocks(db, user, personId, rule.today);
      const items = [];
      const problems = [];
      for (const row of rows) {
        const { clocks, problems: missing } = deadlinesOf({ row, facts: clockFactsOf(db, row) }, rule);
        const about = { caseId: row.id, caseNumber: row.case_number, title: row.title };
        for (const clock of clocks) items.push({ ...about, ...clock });
        for (const problem of missing) problems.push({ ...about, ...problem });
      }
      items.sort((a, b) => compareDates(a.dueOn, b.dueOn));
      /** `total` cases have running clocks; the `shown` earliest due are listed. */
      return { today: rule.today, total, shown: rows.length, items, problems };
    },
  }),
  ...partyRoutes,
  ...itemRoutes,
  ...stepRoutes,
  ...caseDocumentRoutes,
  ...worklistRoutes,
];
