/**
 * R5 in the console: the legal reviewer makes 调查取证 of a general-procedure
 * penalty a stage that must be recorded in full (the law leaves it "as needed"),
 * cannot lower a stage the law makes mandatory, and the officer then sees on a
 * demo case at 调查取证 that its recording is required — and the move refused.
 */
import { describe, expect, it } from 'vitest';
import { closeDropdown, pickOption, screenshot, settle, useBrowserSuite } from './support';

const suite = useBrowserSuite();

describe('音像记录事项清单 (R5)', () => {
  it('R5: the reviewer raises a stage to full recording; the officer’s case then requires it', async () => {
    const reviewer = await suite.signedIn('reviewer1');
    await reviewer.getByRole('menuitem', { name: '音像记录清单' }).click();
    await reviewer.waitForURL('**/console/recording-list');
    await reviewer.getByText('尚未制定，适用法定默认').waitFor();

    // 查封扣押 is mandatory by law: the lower choices are disabled.
    await reviewer.getByLabel('现场笔录与音像记录的音像记录要求').first().click();
    const lowered = reviewer
      .locator('.ant-select-dropdown:visible .ant-select-item-option-disabled')
      .filter({ hasText: '文字记录' });
    await lowered.first().waitFor();
    // Wait until that dropdown is gone: its options must not be taken for the next one's.
    await closeDropdown(reviewer);

    await reviewer.getByLabel('调查取证的音像记录要求').first().click();
    await pickOption(reviewer, '全程音像记录');
    await reviewer.getByLabel('修改说明').fill('本局音像记录事项清单第一版');
    await reviewer.getByRole('button', { name: '保存为新版本' }).click();
    await reviewer.getByText('当前第 1 版').waitFor();
    await settle(reviewer);
    await screenshot(reviewer, 'recording-list.png');

    const officer = await suite.signedIn('officer1', '/console/cases');
    await officer.getByRole('link', { name: '未取得道路运输经营许可擅自从事经营' }).click();
    await officer.waitForURL('**/console/cases/*');
    const need = officer.getByTestId('stage-recording');
    await need.waitFor();
    expect(await need.textContent()).toContain('本环节应当全程音像记录');
    expect(await need.textContent()).toContain('本机关音像记录事项清单');
    const refusals = officer.locator('.case-refusals');
    await refusals.first().waitFor();
    expect(await refusals.first().textContent()).toContain('R4');
  });
});
