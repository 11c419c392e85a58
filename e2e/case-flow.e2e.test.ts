/**
 * Issue 16 in the console: a gate guards the act itself, and no case is stranded. Each case is
 * brought to the point in question through the API, as the demo roles would (the walk through
 * every form is case-walk.e2e.test.ts); what is tested happens in the browser:
 * - a case flagged major at 决定 after its decision was recorded: 送达 is refused, and the head
 *   takes the way back to 法制审核, giving a reason — the decision is withdrawn;
 * - a decision while the defence period runs: 进入：决定 is refused with N3 before anyone decides;
 * - an instalment still unpaid: 结案 is refused with N8, naming what is owed.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, screenshot, selectIn, settle, signIn, useBrowserSuite } from './support';

const suite = useBrowserSuite();
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const reasons = {
  evidence: '现场检查笔录、询问笔录',
  basis: '《道路运输条例》',
  discretion: '初次违法，从轻',
};

/** A signed-in API session of a demo user, against the suite's server. */
async function apiAs(username: string) {
  const base = suite.server.baseUrl;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: object) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body && { 'content-type': 'application/json' }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status >= 300)
      throw new Error(`${username} ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  return { call };
}

type Api = Awaited<ReturnType<typeof apiAs>>;
const users: Record<string, Api> = {};
let officers: { officer1: string; officer2: string };

beforeAll(async () => {
  for (const username of ['officer1', 'unithead1', 'head1', 'reviewer1'])
    users[username] = await apiAs(username);
  const persons = (await users.head1!.call('GET', '/api/persons')).items as {
    id: string;
    username: string | null;
  }[];
  const id = (username: string) => persons.find((p) => p.username === username)!.id;
  officers = { officer1: id('officer1'), officer2: id('officer2') };
});

/** A step or move with the case's current version. */
async function act(username: string, caseId: string, path: string, body: object = {}) {
  const { version } = (await users.officer1!.call('GET', `/api/cases/${caseId}`)) as { version: number };
  return users[username]!.call(path === 'officers' ? 'PUT' : 'POST', `/api/cases/${caseId}/${path}`, {
    version,
    ...body,
  });
}

/** A general-procedure case at 事先告知 proposing `fineFen`, registered today by officer1. */
async function atNotify(title: string, fineFen: number): Promise<string> {
  const created = await users.officer1!.call('POST', '/api/cases', {
    processKind: 'penaltyGeneral',
    title,
    source: 'inspection',
    party: {
      kind: 'organisation',
      name: `${title}当事人有限公司`,
      idNumber: '91990121MA00009993',
      address: '示例县城关镇流程路1号',
      representative: '流程法人',
    },
    discoveredOn: today(),
    violation: { occurredOn: today(), continuing: false, severeHarm: false },
  });
  const id = created.id as string;
  await act('officer1', id, 'officers', {
    officers: [
      { personId: officers.officer1, role: 'lead' },
      { personId: officers.officer2, role: 'assisting' },
    ],
  });
  await act('officer1', id, 'transitions', { to: 'register', outcome: 'register' });
  await act('unithead1', id, 'approvals', { opinion: '同意' });
  await act('head1', id, 'approvals', { opinion: '同意' });
  await users.head1!.call('POST', `/api/cases/${id}/documents`, {
    kind: 'filingApproval',
    data: { facts: '巡查发现。' },
  });
  await act('unithead1', id, 'transitions', { to: 'investigate' });
  await act('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen } });
  await act('officer1', id, 'transitions', { to: 'review' });
  await act('unithead1', id, 'transitions', { to: 'notify', outcome: 'penalty' });
  return id;
}

/** …the notice served today and the defence waived, at 决定. */
async function atDecide(title: string, fineFen: number): Promise<string> {
  const id = await atNotify(title, fineFen);
  await act('officer1', id, 'prior-notice', { servedOn: today(), hearingRightNotified: false });
  await act('officer1', id, 'defence', { waived: true });
  await act('unithead1', id, 'transitions', { to: 'decide' });
  return id;
}

/** The head's penalty decision today, with its three reasons. */
const decide = (id: string, fineFen: number) =>
  act('head1', id, 'decision', {
    outcome: 'penalty',
    decidedOn: today(),
    penalty: { kinds: ['fine'], fineFen },
    reasons,
  });

async function openCase(username: string, caseId: string, title: string): Promise<Page> {
  const page = await suite.signedIn(username, `/console/cases/${caseId}`);
  await page.locator('.case-title').filter({ hasText: title }).waitFor();
  await page.getByRole('tab', { name: '办理' }).click();
  return page;
}

describe('issue 16: gates at the act, and a way back', () => {
  it('a case flagged major at 决定: 送达 refused, the way back to 法制审核 taken with a reason', async () => {
    const title = '危险货物运输未按规定路线行驶（退回审核）';
    const id = await atDecide(title, 500_000);
    await decide(id, 500_000);
    await act('officer1', id, 'flags', { major: true, reason: '列入重大执法决定法制审核目录' });

    const page = await openCase('head1', id, title);
    const serve = page.getByTestId('move-serve');
    await serve.getByText('尚不能进入').waitFor();
    expect(await serve.textContent()).toContain('应当先进行“法制审核”');
    const back = page.getByTestId('move-legalReview');
    await back.getByRole('button', { name: '退回：法制审核' }).click();
    const dialog = page.getByRole('dialog', { name: '退回“法制审核”' });
    await dialog.getByText('已记录的决定一并撤回').waitFor();
    const confirm = dialog.getByRole('button', { name: '确认退回' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('退回理由').fill('标记为重大案件，送法制审核');
    await confirm.click();
    await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('法制审核');
    await settle(page);
    await screenshot(page, 'case-flow-back-to-review.png');

    const timeline = (await users.head1!.call('GET', `/api/cases/${id}/timeline`)) as {
      items: { kind: string; payload: Record<string, unknown> }[];
    };
    expect(timeline.items.at(-1)).toMatchObject({
      kind: 'case.transitioned',
      payload: { from: 'decide', to: 'legalReview', reason: '标记为重大案件，送法制审核' },
    });
    const after = (await users.head1!.call('GET', `/api/cases/${id}`)) as { facts: Record<string, unknown> };
    expect(after.facts.decision).toBeUndefined();
  });

  it('N3: while the defence period runs, 进入：决定 is refused before anyone decides', async () => {
    const title = '货运车辆未携带道路运输证（陈述申辩期内）';
    const id = await atNotify(title, 500_000);
    await act('officer1', id, 'prior-notice', { servedOn: today(), hearingRightNotified: false });

    const page = await openCase('unithead1', id, title);
    const decide = page.getByTestId('move-decide');
    await decide.getByText('尚不能进入').waitFor();
    expect(await decide.textContent()).toContain('陈述申辩期限');
    await decide.getByRole('button', { name: '进入：决定' }).click();
    await page.getByRole('button', { name: '确认进入' }).click();
    const refused = page.getByTestId('move-refused');
    await expect.poll(() => refused.textContent()).toContain('N3');
    await expect
      .poll(() => page.getByTestId('case-stage').textContent())
      .toBe('事先告知（陈述申辩、听证权利）');
    await settle(page);
    await screenshot(page, 'case-flow-defence-period.png');
  });

  it('N8: with the second instalment unpaid, 结案 is refused and says what is owed', async () => {
    const title = '超限运输（分期缴纳未缴清）';
    const id = await atDecide(title, 500_000);
    await decide(id, 500_000);
    await act('head1', id, 'transitions', { to: 'serve' });
    await act('officer1', id, 'service', { servedOn: today(), method: 'direct' });
    const month = (n: number) => {
      const d = new Date(`${today()}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    };
    await act('head1', id, 'payment-plan', {
      kind: 'instalments',
      parts: [
        { dueOn: month(20), amountFen: 250_000 },
        { dueOn: month(50), amountFen: 250_000 },
      ],
      approvedOn: today(),
      reason: '当事人申请分两期缴纳',
    });
    await act('officer1', id, 'payments', {
      paidOn: today(),
      amountFen: 250_000,
      channel: 'bank',
      bankReference: 'E2E-N8-1',
    });
    await act('officer1', id, 'transitions', { to: 'execute' });

    const page = await openCase('head1', id, title);
    const close = page.getByTestId('move-close');
    await close.getByText('尚不能进入').waitFor();
    expect(await close.textContent()).toContain('尚欠2,500元');
    await close.getByRole('button', { name: '进入：结案' }).click();
    await page.getByRole('button', { name: '确认进入' }).click();
    await expect.poll(() => page.getByTestId('move-refused').textContent()).toContain('N8');
    await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('执行');
    await settle(page);
    await screenshot(page, 'case-flow-unpaid-instalment.png');
  });
});

describe('a busy server is not the user’s error', () => {
  it('a request answered 503 SERVICE_BUSY is sent again after its Retry-After, and the page loads', async () => {
    const page = await suite.newPage();
    let calls = 0;
    await page.route('**/api/me/worklist', async (route) => {
      calls += 1;
      if (calls === 1)
        await route.fulfill({
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after': '1' },
          body: JSON.stringify({ code: 'SERVICE_BUSY', message: '服务器繁忙，请稍后再试', details: [] }),
        });
      else await route.continue();
    });
    await page.goto('/console/');
    await page.waitForURL('**/console/login');
    await signIn(page, 'reviewer1');
    await page.getByTestId('worklist-review').waitFor();
    expect(calls).toBe(2);
    expect(await page.getByText('无法载入待办').count()).toBe(0);
  });
});

describe('evidence declared as what it is not', () => {
  it('a PNG declared as 录像 is refused before it is uploaded, and nothing is stored', async () => {
    const title = '客运车辆站外揽客（证据种类）';
    const id = await atNotify(title, 50_000);
    const page = await openCase('officer1', id, title);
    await page.getByRole('tab', { name: /证据/ }).click();
    await page.getByTestId('evidence-file').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
        'base64',
      ),
    });
    await selectIn(page, page.locator('form#evidenceUpload'), '音像记录种类（R4）', '录像');
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/evidence'))
        uploads.push(request.url());
    });
    await page.getByRole('button', { name: '上传并关联到本环节' }).click();
    await page.getByText('所选文件类型为 image/png，不能作为录像关联').waitFor();
    await page.getByRole('tab', { name: '证据（0）' }).waitFor();
    const evidence = (await users.officer1!.call('GET', `/api/cases/${id}`)) as { evidence: unknown[] };
    expect(evidence.evidence).toEqual([]);
    expect(uploads).toEqual([]);
  });
});

describe('a half-filled form is not dropped silently', () => {
  it('the back button with a form typed into asks first: 留下 keeps it, 离开 goes', async () => {
    const page = await suite.signedIn('officer1', '/console/');
    await page.getByRole('menuitem', { name: /案件办理/ }).click();
    await page.waitForURL('**/console/cases');
    await page.getByRole('button', { name: '登记案件来源' }).click();
    const dialog = page.getByRole('dialog', { name: '登记案件来源' });
    await dialog.getByLabel('案由').fill('半填的案由');
    await page.evaluate(() => history.back());
    const ask = page.getByRole('dialog', { name: '表单尚未保存' });
    await ask.waitFor();
    await ask.getByRole('button', { name: '留下继续填写' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await dialog.getByLabel('案由').inputValue()).toBe('半填的案由');
    expect(new URL(page.url()).pathname).toBe('/console/cases');
    await page.evaluate(() => history.back());
    await ask.getByRole('button', { name: /离\s?开/ }).click();
    await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === '/console');
  });
});
