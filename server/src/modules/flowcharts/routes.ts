/**
 * 执法流程图 (P6) for staff in the console: read-only, the same definitions and
 * SVG as the portal publishes.
 */
import { processKinds } from '@zhifa/core';
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import { flowchartIndex, presentFlowchart } from './present.js';

export const flowchartRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/flowcharts',
    access: 'signedIn',
    summary: '执法流程图目录：按行政执法行为类别（只读）',
    handler: async () => ({ items: flowchartIndex() }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/flowcharts/:kind',
    access: 'signedIn',
    summary: '一类执法程序的流程图（SVG）与办理环节（只读）',
    params: z.strictObject({ kind: z.enum(processKinds) }),
    handler: async ({ params }) => presentFlowchart(params.kind),
  }),
];
