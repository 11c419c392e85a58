/**
 * Portal routes of 执法主体 (P2): the list, each agency's profile, its legal
 * reviewers (P7) and its printable window boards (P8). Read live on every
 * request; an unknown or malformed id is a 404 page, never an error.
 */
import { shanghaiDateOf } from '@zhifa/core';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { defineRoute } from '../http/route.js';
import { linkCitations } from '../modules/agency-profiles/citations.js';
import { loadProfiles, presentProfile } from '../modules/agency-profiles/service.js';
import { publishedReviewers } from '../modules/reviewers/service.js';
import { loadBoards } from '../modules/window-boards/service.js';
import { AgenciesPage, AgencyPage, ReviewersPage, WindowsPage, windowBoardPrintCss } from './agencies.js';
import { isElder, renderPage } from './layout.js';
import { NotFoundPage } from './not-found.js';

function sendHtml(reply: FastifyReply, html: string) {
  void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
  return html;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const params = z.strictObject({ id: z.string().max(100) });

async function profileOf(db: Kysely<DB>, id: string) {
  if (!uuidPattern.test(id)) return null;
  const [row] = await loadProfiles(db, [id.toLowerCase()]);
  return row ? presentProfile(row) : null;
}

function notFound(reply: FastifyReply, path: string, elder: boolean) {
  reply.status(404);
  return sendHtml(
    reply,
    renderPage({ title: '页面不存在', path, elder, children: <NotFoundPage path={path} /> }),
  );
}

export const agencyPortalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/agencies',
    access: 'public',
    summary: '行政执法主体名单（P2）',
    handler: async ({ db, request, reply }) =>
      sendHtml(
        reply,
        renderPage({
          title: '行政执法主体',
          path: '/agencies',
          elder: isElder(request),
          children: <AgenciesPage agencies={(await loadProfiles(db)).map(presentProfile)} />,
        }),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/agencies/:id',
    access: 'public',
    summary: '执法主体公示：职责、依据、地址电话、监督和救济渠道（P2）',
    params,
    handler: async ({ db, app, params, request, reply }) => {
      const path = `/agencies/${encodeURIComponent(params.id)}`;
      const agency = await profileOf(db, params.id);
      if (!agency) return notFound(reply, path, isElder(request));
      const supervisors = await db
        .selectFrom('agency_supervision as s')
        .innerJoin('agency as a', 'a.id', 's.supervisor_agency_id')
        .select('a.name')
        .where('s.agency_id', '=', agency.id)
        .orderBy('a.name')
        .execute();
      const today = shanghaiDateOf(app.clock());
      const reviewers = await publishedReviewers(db, agency.id, today);
      const windows = await loadBoards(db, agency.id);
      return sendHtml(
        reply,
        renderPage({
          title: agency.name,
          path,
          elder: isElder(request),
          children: (
            <AgencyPage
              agency={agency}
              basis={await linkCitations(db, agency.legalBasis, today)}
              supervisors={supervisors.map((s) => s.name)}
              reviewers={reviewers.length}
              windows={windows.length}
            />
          ),
        }),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/agencies/:id/reviewers',
    access: 'public',
    summary: '执法主体的法制审核人员名单（P7、L2）',
    params,
    handler: async ({ db, app, params, request, reply }) => {
      const path = `/agencies/${encodeURIComponent(params.id)}/reviewers`;
      const agency = await profileOf(db, params.id);
      if (!agency) return notFound(reply, path, isElder(request));
      return sendHtml(
        reply,
        renderPage({
          title: `${agency.name}法制审核人员`,
          path,
          elder: isElder(request),
          children: (
            <ReviewersPage
              agency={agency}
              reviewers={await publishedReviewers(db, agency.id, shanghaiDateOf(app.clock()))}
            />
          ),
        }),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/agencies/:id/windows',
    access: 'public',
    summary: '窗口公示牌，可按 A4 打印（P8）',
    params,
    handler: async ({ db, params, request, reply }) => {
      const path = `/agencies/${encodeURIComponent(params.id)}/windows`;
      const agency = await profileOf(db, params.id);
      if (!agency) return notFound(reply, path, isElder(request));
      return sendHtml(
        reply,
        renderPage({
          title: `${agency.name}窗口公示`,
          path,
          elder: isElder(request),
          styles: windowBoardPrintCss,
          children: <WindowsPage agency={agency} boards={await loadBoards(db, agency.id)} />,
        }),
      );
    },
  }),
];
