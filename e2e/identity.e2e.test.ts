/**
 * Identity and access in a real browser: the system administrator creates a
 * user (who must change the temporary password), registers a person (ID number
 * checked by the server, shown masked), edits the organisation; the audit and
 * security administrators see only their own pages; an officer sees none.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeDropdown, pickOption, screenshot, settle, signIn, useBrowserSuite } from './support';

const suite = useBrowserSuite();
const signedIn = (username: string, path = '/console/') => suite.signedIn(username, path);

/** GB 11643: the check character of a 身份证号 over its first 17 digits. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** GB 32100: the check character of a 统一社会信用代码 over its first 17 characters. */
function creditCode(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((total, weight, i) => total + weight * alphabet.indexOf(first17[i]!), 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

const menuOf = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

describe('system administrator', () => {
  it('creates a user who must change the temporary password at first sign-in', async () => {
    const page = await signedIn('admin', '/console/users');
    await page.getByRole('cell', { name: 'officer1', exact: true }).waitFor();

    // 三员分立 (SEC-3): the security administrator's account is not the system administrator's
    // to change, so its row offers no 修改; and an administrator role never goes with a business
    // role — the server refuses it and the form says so on the field.
    const secadminRow = page.getByRole('row').filter({ hasText: 'secadmin' });
    await secadminRow.waitFor();
    expect(await secadminRow.getByRole('button', { name: '修改' }).count()).toBe(0);
    await page.getByRole('button', { name: '新建用户' }).click();
    await page.locator('#user_username').fill('hunheceshi');
    await page.locator('#user_displayName').fill('混合测试');
    await page.locator('#user_roles').click();
    await pickOption(page, '系统管理员');
    await pickOption(page, '执法人员');
    await closeDropdown(page);
    await page.getByRole('button', { name: '创建并生成临时密码' }).click();
    await page.locator('#user_roles_help').getByText('三员分立', { exact: false }).waitFor();
    await screenshot(page, 'console-users-separation.png');
    await page.getByRole('button', { name: '取消' }).click();

    await page.getByRole('button', { name: '新建用户' }).click();
    await page.locator('#user_username').fill('wangceshi');
    await page.locator('#user_displayName').fill('王测试');
    await page.locator('#user_roles').click();
    await pickOption(page, '执法人员');
    await closeDropdown(page);
    await page.locator('.ant-modal .ant-select-selection-item').filter({ hasText: '执法人员' }).waitFor();
    await page.getByRole('button', { name: '创建并生成临时密码' }).click();

    const shown = page.getByTestId('temporary-password');
    await shown.waitFor();
    const temporary = (await shown.textContent())?.trim() ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await page.getByRole('button', { name: '我已记下' }).click();
    const row = page.getByRole('row').filter({ hasText: 'wangceshi' });
    await row.getByText('须改密').waitFor();
    await row.getByText('执法人员').waitFor();
    await settle(page);
    await screenshot(page, 'console-users.png');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/console/login');
    await signIn(page, 'wangceshi', temporary);
    await page.getByText('请先修改密码').waitFor();
    expect(await menuOf(page).count()).toBe(0);
    await page.locator('#password_currentPassword').fill(temporary);
    await page.locator('#password_newPassword').fill('Wang-Ce-2026-New');
    await page.locator('#password_confirm').fill('Wang-Ce-2026-New');
    await page.locator('form#password button[type=submit]').click();
    await page.getByText('您好，王测试').waitFor();
    await menuOf(page).getByText('工作台').waitFor();
  });

  it('registers a person: the server checks the ID number, the table shows it masked', async () => {
    const page = await signedIn('admin', '/console/persons');
    // The demo register has more people than one page shows: find them by the search box.
    const search = page.getByPlaceholder('姓名、职务、机构或账号');
    await search.fill('赵执法');
    await page.getByRole('cell', { name: '赵执法', exact: true }).waitFor();
    const valid = idNumber('99012119880512123');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');

    await page.getByRole('button', { name: '登记人员' }).click();
    await page.locator('#person_name').fill('李测试');
    await page.locator('#person_position').fill('科员');
    await page.locator('#person_idNumber').fill(wrongCheck);
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('#person_idNumber_help').getByText('身份证号校验位不正确').waitFor();
    await screenshot(page, 'console-persons-id-error.png');

    await page.locator('#person_idNumber').fill(valid);
    await page.getByRole('button', { name: '保存' }).click();
    await search.fill('测试');
    const masked = `${valid.slice(0, 3)}${'*'.repeat(11)}${valid.slice(-4)}`;
    const row = page.getByRole('row').filter({ hasText: '李测试' });
    await row.getByText(masked, { exact: true }).waitFor();
    expect(await page.getByText(valid).count()).toBe(0);
    await settle(page);
    await screenshot(page, 'console-persons.png');

    await row.getByRole('button', { name: '查看完整号码' }).click();
    await expect(page.getByTestId('revealed-id-number').textContent()).resolves.toBe(valid);
    await page.getByText('本次查看已记入安全审计记录', { exact: false }).waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('shows the organisation and adds a township, refusing a wrong credit code', async () => {
    const page = await signedIn('admin', '/console/organisation');
    await page.getByText('示例县交通运输局').first().waitFor();
    await page.getByRole('cell', { name: '执法一中队' }).waitFor();

    const county = page.getByRole('row').filter({ hasText: '示例县交通运输局' });
    await county.getByRole('button', { name: '新增下级' }).click();
    await page.locator('#agency_name').fill('示例镇人民政府');
    await page.locator('#agency_shortName').fill('示例镇');
    await page.locator('#agency_regionCode').fill('990121');
    const code = creditCode('11990121MB0000009');
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    await page.locator('#agency_creditCode').fill(wrong);
    await page.getByRole('button', { name: '保存' }).click();
    await page
      .locator('#agency_creditCode_help')
      .getByText('统一社会信用代码无效', { exact: false })
      .waitFor();

    await page.locator('#agency_creditCode').fill(code);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('row').filter({ hasText: '示例镇人民政府' }).getByText('乡镇级').waitFor();
    await page.getByText('该执法主体尚未设置承办机构').waitFor();
    await page.getByRole('row').filter({ hasText: '示例县交通运输局' }).first().click();
    await page.getByRole('cell', { name: '执法一中队' }).waitFor();
    await settle(page);
    await screenshot(page, 'console-organisation.png');
  });
});

describe('separated administrators', () => {
  it('lets auditadmin filter the audit trail by 登录 and hides 用户与角色', async () => {
    const page = await signedIn('auditadmin', '/console/audit');
    const menu = menuOf(page);
    await menu.getByText('安全审计').waitFor();
    expect(await menu.getByText('用户与角色').count()).toBe(0);
    expect(await menu.getByText('人员名册').count()).toBe(0);

    await page.locator('#audit-filter_event').click();
    await pickOption(page, '登录');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL('**/console/audit?event=login');
    // The table keeps the unfiltered rows until the filtered page arrives.
    const eventCells = page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(5)');
    await expect
      .poll(async () => [...new Set(await eventCells.allTextContents())], { timeout: 120_000 })
      .toEqual(['登录']);
    const exportHref = await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href');
    expect(exportHref).toBe('/api/audit/export?event=login');

    // A day range in Asia/Shanghai days: today keeps the rows, a past day has none.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await page.goto(`/console/audit?from=${today}&to=${today}&event=login`);
    await eventCells.first().waitFor();
    await page.goto('/console/audit?from=2020-01-01&to=2020-01-31&event=login');
    await page.getByText('没有符合条件的记录').waitFor();
    await page.goto('/console/audit?event=login');
    await eventCells.first().waitFor();
    await settle(page);
    await screenshot(page, 'console-audit.png');
  });

  it('shows secadmin its own session marked 当前, without a button', async () => {
    const page = await signedIn('secadmin', '/console/sessions');
    const own = page.getByRole('row').filter({ hasText: 'secadmin' });
    await own.getByText('当前', { exact: true }).waitFor();
    expect(await own.getByRole('button', { name: '强制下线' }).count()).toBe(0);
    await page.getByRole('link', { name: /辖区设置/ }).waitFor();
    await settle(page);
    await screenshot(page, 'console-sessions.png');
  });

  it('shows officer1 none of the identity pages and refuses them by URL', async () => {
    const page = await signedIn('officer1');
    const menu = menuOf(page);
    await menu.getByText('工作台').waitFor();
    for (const label of ['人员名册', '用户与角色', '在线会话', '安全审计']) {
      expect(await menu.getByText(label).count()).toBe(0);
    }
    await page.goto('/console/users');
    await page.getByText('无权访问').waitFor();

    // Every role reads the organisation (agency.read), but only the system administrator edits it.
    await menu.getByText('执法主体与机构').click();
    await page.getByRole('cell', { name: '执法一中队' }).waitFor();
    expect(await page.getByRole('button', { name: '修改' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '新增承办机构' }).count()).toBe(0);
  });
});
