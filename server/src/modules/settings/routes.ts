import { jurisdictionSettingsSchema, settingLabels, settingSectionLabels, statuteBounds } from '@zhifa/core';
import { z } from 'zod';
import { text } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { recountOpenCases } from '../cases/clocks.js';
import { ruleContext } from './rule-context.js';
import { changeSettings, currentSettings, currentSettingsVersion, settingsHistory } from './service.js';

export const settingsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/settings',
    access: 'settings.read',
    summary: '当前执法辖区设置',
    handler: async ({ db, user }) => ({
      version: await currentSettingsVersion(db),
      settings: await currentSettings(db),
      labels: settingLabels,
      sectionLabels: settingSectionLabels,
      /** Values the statute fixes: a setting may only tighten them (issue 17). */
      statuteBounds,
      actions: {
        edit: mayTake(user, 'settings.edit'),
        editSecurity: mayTake(user, 'settings.editSecurity'),
      },
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/settings/history',
    access: 'settings.read',
    summary: '设置修改记录',
    handler: async ({ db }) => ({ items: await settingsHistory(db) }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/settings',
    access: ['settings.edit', 'settings.editSecurity'],
    summary: '修改执法辖区设置（新版本）',
    body: z.strictObject({
      expectedVersion: z.number().int().min(0),
      note: text(200),
      settings: jurisdictionSettingsSchema,
    }),
    handler: async ({ db, body, user, app, audit, record }) => {
      const result = await changeSettings(
        db,
        {
          settings: body.settings,
          expectedVersion: body.expectedVersion,
          note: body.note,
          changedBy: user.id,
          maySetBusiness: mayTake(user, 'settings.edit'),
          maySetSecurity: mayTake(user, 'settings.editSecurity'),
        },
        app.clock(),
      );
      await audit({
        event: 'settings_changed',
        outcome: 'success',
        target: `v${result.version}`,
        detail: { changed: result.changed, note: body.note },
      });
      // Statutory periods and their counting are settings: every open case's clocks move with them.
      if (result.changed.some((path) => !path.startsWith('security.')))
        await recountOpenCases(db, await ruleContext(db, app.clock()));
      await record({
        streamId: 'settings',
        agencyId: null,
        kind: 'settings.changed',
        payload: { version: result.version, changed: result.changed, note: body.note },
      });
      return result;
    },
  }),
];
