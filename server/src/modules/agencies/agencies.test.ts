import { creditCodeCheckChar } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Session;
let countyId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  countyId = (await t.request(admin, { method: 'GET', url: '/api/auth/me' })).json().user.agency.id;
});
afterAll(() => t.close());

const code = (first17: string) => first17 + creditCodeCheckChar(first17);

describe('agencies and units', () => {
  it('creates a township below the county with a valid 统一社会信用代码; refuses a bad check character', async () => {
    const body = {
      parentId: countyId,
      name: '示例县示例镇人民政府',
      shortName: '示例镇',
      domain: '综合执法',
      regionCode: '990121',
    };
    const bad = await t.request(admin, {
      method: 'POST',
      url: '/api/agencies',
      payload: { ...body, creditCode: '11990121MB00000990' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('body.creditCode');
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/agencies',
      payload: { ...body, creditCode: code('11990121MB0000099') },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ level: 'township', parentId: countyId });
    const visible = (await t.request(admin, { method: 'GET', url: '/api/agencies' })).json().items;
    expect(visible.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(['示例县交通运输局', '示例县示例镇人民政府']),
    );
  });

  it('a supervisor sees the supervised agency; an officer only their own', async () => {
    const supervisor = await t.login('supervisor1');
    const names = (await t.request(supervisor, { method: 'GET', url: '/api/agencies' }))
      .json()
      .items.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['示例县司法局', '示例县交通运输局']));
    expect(names).not.toContain('示例市交通运输局');
    const officer = await t.login('officer1');
    const own = (await t.request(officer, { method: 'GET', url: '/api/agencies' })).json().items;
    expect(own.map((a: { name: string }) => a.name)).toEqual(['示例县交通运输局']);
  });

  it('renames a unit and refuses to make a unit its own ancestor', async () => {
    const units = (await t.request(admin, { method: 'GET', url: '/api/units' })).json().items;
    const brigade = units.find((u: { name: string }) => u.name === '综合行政执法大队');
    const squad = units.find((u: { name: string }) => u.name === '执法一中队');
    const renamed = await t.request(admin, {
      method: 'PATCH',
      url: `/api/units/${squad.id}`,
      payload: { name: '执法第一中队' },
    });
    expect(renamed.json()).toMatchObject({ name: '执法第一中队', parentId: brigade.id });
    const cycle = await t.request(admin, {
      method: 'PATCH',
      url: `/api/units/${brigade.id}`,
      payload: { parentId: squad.id },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().field).toBe('body.parentId');
  });

  it('changes a person’s position and a user’s roles, keeping 三员分立', async () => {
    const persons = (await t.request(admin, { method: 'GET', url: '/api/persons' })).json().items;
    const zhao = persons.find((p: { name: string }) => p.name === '赵执法');
    const moved = await t.request(admin, {
      method: 'PATCH',
      url: `/api/persons/${zhao.id}`,
      payload: { position: '副中队长' },
    });
    expect(moved.json()).toMatchObject({ position: '副中队长', kindLabel: '执法人员' });
    const users = (await t.request(admin, { method: 'GET', url: '/api/users' })).json().items;
    const officer2 = users.find((u: { username: string }) => u.username === 'officer2');
    const promoted = await t.request(admin, {
      method: 'PATCH',
      url: `/api/users/${officer2.id}`,
      payload: { roles: ['officer', 'unit_head'] },
    });
    expect(promoted.json().roles.map((r: { role: string }) => r.role)).toEqual(['officer', 'unit_head']);
    const me = users.find((u: { username: string }) => u.username === 'admin');
    const selfDemotion = await t.request(admin, {
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      payload: { roles: ['officer'] },
    });
    expect(selfDemotion.statusCode).toBe(422);
  });
});
