// Traditional Chinese and English in a real Chromium: the first start follows the browser's
// language, the toolbar's switch changes it at once and is remembered, and switching while a
// network trains leaves the run and the project as they were.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, SKIP_BROWSER, startApp, type App } from './harness';
import { dragFromPalette, nodeIds, SIZES, watchErrors } from './editor';

// What is left of an English sentence: a run of Latin words (block kinds and names stand alone).
const ENGLISH = /[A-Za-z]{2,}(?: [A-Za-z]{2,}){1,}|\b(?:the|and|or|is|not|to|it|connect|delete|must)\b/;

const epoch = async (page: Page) => Number(((await page.getByTestId('runbar-epoch').textContent()) ?? '0/0').split('/')[0]);
/** The run's state, whatever the language it is shown in. */
const runStatus = async (page: Page) => (await page.getByTestId('run-status').getAttribute('data-status')) ?? '';

describe.skipIf(SKIP_BROWSER)('language (browser set to zh-TW)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp('language', { locale: 'zh-TW' });
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  it.each(SIZES)('the first start is in Traditional Chinese at $width×$height', async (size) => {
    const page = await openApp(app, size);
    const errors = watchErrors(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    const toolbar = page.getByRole('toolbar', { name: '主工具列' });
    await expect.poll(() => toolbar.getByRole('button', { name: /^訓練/ }).isEnabled()).toBe(true);
    for (const name of ['節點', '資料', '訓練', '反向傳播']) await page.getByRole('tab', { name, exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: '語言' }).inputValue()).toBe('zh-TW');
    await screenshot(page, `language-zh-first-${size.width}`);
    // The results area and the Data tab are translated too.
    for (const name of ['圖表', '比較', '訓練紀錄', '實驗課']) await page.getByRole('tab', { name, exact: true }).waitFor();
    await page.getByRole('tab', { name: '資料', exact: true }).click();
    const dataset = page.getByRole('region', { name: '資料集' }).getByRole('combobox', { name: '資料集', exact: true });
    expect(await dataset.inputValue()).toBe('xor');
    expect(await dataset.locator('option:checked').textContent()).toBe('XOR（實驗課的 21 個點）');
    await screenshot(page, `language-zh-data-${size.width}`);
    expect(errors).toEqual([]);
  });

  it('a block\'s problem is said in Chinese on its badge, in the Node tab and next to Train', async () => {
    const page = await openApp(app, SIZES[0]);
    const errors = watchErrors(page);
    await page.getByRole('button', { name: '新增', exact: true }).click();
    await expect.poll(() => nodeIds(page)).toEqual(['input']);
    // Two blocks connected to nothing: each is marked, and Train is off for the first with a count of the rest.
    const lost = await dragFromPalette(page, 'Tanh', { x: 300, y: 30 }, '元件面板');
    const also = await dragFromPalette(page, 'ReLU', { x: 580, y: 30 }, '元件面板');
    const said = `Tanh「${lost}」沒有連到 Input：請把它接進這條鏈，或刪除它。`;

    const node = page.getByRole('group', { name: `Tanh 節點 ${lost}`, exact: true });
    await expect.poll(() => node.getAttribute('aria-invalid')).toBe('true');
    const badge = (await node.getByRole('img', { name: '問題', exact: true }).getAttribute('title')) ?? '';
    expect(badge).toBe(said);
    expect(await page.getByRole('group', { name: `ReLU 節點 ${also}`, exact: true }).getAttribute('aria-invalid')).toBe('true');

    await node.locator('.bp-node-title').click();
    const inspector = page.getByRole('region', { name: '檢視面板' });
    await inspector.getByRole('tab', { name: '節點', exact: true }).click();
    const inTab = (await inspector.locator('.node-problem').first().textContent()) ?? '';
    expect(inTab).toContain(said);
    expect(inTab.replace(/「[^」]*」/g, '')).not.toMatch(ENGLISH);

    const reason = (await page.getByTestId('train-reason').textContent()) ?? '';
    expect(reason).toBe(`${said}（還有 1 個問題）`);
    await screenshot(page, 'language-zh-block-problem-1440');

    // The same problem in English after the switch, as it always read.
    await page.getByRole('combobox', { name: '語言' }).selectOption('en');
    await expect
      .poll(() => page.getByRole('group', { name: `Tanh node ${lost}`, exact: true }).getByRole('img', { name: 'Problem', exact: true }).getAttribute('title'))
      .toBe(`Tanh '${lost}' is not connected to the Input: connect it into the chain or delete it.`);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-TW');
    expect(errors).toEqual([]);
  });

  it('the switch changes the language at once, and the choice outlives a reload', async () => {
    const page = await openApp(app, SIZES[0]);
    await page.getByRole('combobox', { name: '語言' }).selectOption('en');
    await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: /^Train/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: /^Train/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
  });

  it('switching while a network trains keeps the run going and the project and its undo history unchanged', async () => {
    const page = await openApp(app, SIZES[1]);
    const errors = watchErrors(page);
    await page.getByRole('tab', { name: '訓練', exact: true }).click();
    const epochs = page.getByRole('region', { name: '訓練' }).getByLabel('訓練週期數（Epochs）', { exact: true });
    await epochs.fill('1000000');
    await epochs.press('Enter');
    const toolbar = page.getByRole('toolbar', { name: '主工具列' });
    await toolbar.getByRole('button', { name: /^訓練/ }).click();
    await expect.poll(() => epoch(page), { timeout: 300_000 }).toBeGreaterThan(0);
    const ids = await nodeIds(page);

    await page.getByRole('combobox', { name: '語言' }).selectOption('en');
    const enToolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
    await enToolbar.getByRole('button', { name: /^Pause/ }).waitFor();
    expect(await page.getByTestId('run-status').textContent()).toBe('running');
    const atSwitch = await epoch(page);
    await expect.poll(() => epoch(page), { timeout: 300_000 }).toBeGreaterThan(atSwitch);
    expect(await runStatus(page)).toBe('running');
    expect(await nodeIds(page)).toEqual(ids);
    expect(await page.getByRole('region', { name: 'Training' }).getByLabel('Epochs', { exact: true }).inputValue()).toBe('1000000');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-TW');
    await toolbar.getByRole('button', { name: /^暫停/ }).waitFor();
    expect(await page.getByTestId('run-status').textContent()).toBe('訓練中');
    expect(await runStatus(page)).toBe('running');
    await screenshot(page, 'language-zh-running-1280');
    // The run bar's figures are whole in the longer Chinese labels: nothing clipped at its edge.
    expect(await toolbar.getByRole('group', { name: '訓練控制' }).evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await toolbar.getByRole('button', { name: '停止', exact: true }).click();
    await expect.poll(() => runStatus(page), { timeout: 300_000 }).toBe('stopped');
    // The undo history survived both switches: Undo takes back the epochs edit.
    await toolbar.getByRole('button', { name: '復原' }).click();
    await expect.poll(() => epochs.inputValue()).not.toBe('1000000');
    expect(errors).toEqual([]);
  });

  it('the Backprop tab explains a number in Chinese: the formula’s symbols stay, the words around them are translated', async () => {
    const page = await openApp(app, SIZES[0]);
    const errors = watchErrors(page);
    // The choice of an earlier test is remembered: start from Chinese whatever it was.
    await page.getByRole('combobox', { name: /^(語言|Language)$/ }).selectOption('zh-TW');
    const inspector = page.getByRole('region', { name: '檢視面板' });
    await inspector.getByRole('tab', { name: '反向傳播', exact: true }).click();
    await inspector.getByLabel('樣本').selectOption('3');
    const controls = page.getByRole('toolbar', { name: '逐步執行控制' });
    for (let i = 0; i < 7; i++) await controls.getByRole('button', { name: '前向一步', exact: true }).click();
    await expect.poll(() => inspector.getByRole('status').first().textContent()).toContain('已算出損失');
    await controls.getByRole('button', { name: '反向一步', exact: true }).click();
    await inspector.getByRole('button', { name: /^sig3 的 Δ₃ = ∂L\/∂z₃（輸出層 Δ） \[0,0\]/ }).first().click();
    const why = inspector.getByRole('region', { name: '這個數字的由來' });
    expect(await why.locator('.bp-why-formula').textContent()).toBe('Δ = ∂L/∂z = (ŷ − y) / 1   （Sigmoid 搭配平均 BCE：σ′ 與損失的分母相消）');
    expect(await why.locator('.bp-why-note').first().textContent()).toBe('單一樣本（N = 1）時這就是 ŷ − y，也就是實驗課的輸出層 Δ。');
    expect(Number(await why.getByLabel('精確值').textContent())).not.toBeNaN();
    await screenshot(page, 'language-zh-backprop-why');
    // The open explanation follows a switch of language at once.
    await page.getByRole('combobox', { name: '語言' }).selectOption('en');
    const en = page.getByRole('region', { name: 'Why this number' });
    expect(await en.locator('.bp-why-formula').textContent()).toBe('Δ = ∂L/∂z = (ŷ − y) / 1   (sigmoid with mean BCE: σ′ cancels the loss’s denominator)');
    expect(errors).toEqual([]);
  });

  it("the Compare and Lab views speak the engine's words in Chinese, and a finding's verdict too", async () => {
    const page = await openApp(app, SIZES[1]);
    const errors = watchErrors(page);
    await page.getByRole('combobox', { name: /^(語言|Language)$/ }).selectOption('zh-TW');
    const views = page.getByRole('tablist', { name: '結果檢視' });
    await views.getByRole('tab', { name: '比較', exact: true }).click();
    const compare = page.getByRole('region', { name: '比較' });
    const setting = compare.getByRole('combobox', { name: '要改變的設定' });
    expect(await setting.locator('option:checked').textContent()).toBe('學習率');
    expect(await setting.locator('option').allTextContents()).toContain('批次大小');
    await setting.selectOption('batchSize');
    await compare.getByRole('checkbox', { name: '全批次' }).waitFor();

    await views.getByRole('tab', { name: '實驗課', exact: true }).click();
    const lab = page.getByRole('region', { name: '實驗課' });
    expect(await lab.getByTestId('finding-6').textContent()).toContain('沒有激活函數就會失敗：線性映射無法分開 XOR。');
    const seeds = lab.getByLabel('每個實驗的種子數', { exact: true });
    await seeds.fill('1');
    await seeds.press('Enter');
    await lab.getByRole('button', { name: '執行發現 6：XOR 上不用激活函數' }).click();
    await expect.poll(() => lab.getByTestId('finding-6').getAttribute('data-status'), { timeout: 300_000 }).toBe('done');
    const verdict = lab.getByTestId('verdict-6');
    // One seed, one repeat of the lab's experiment: without activations XOR is not learned.
    expect(await verdict.textContent()).toBe('這裡： 成立：1 個種子中有 1 個成立');
    expect(await verdict.locator('b').textContent()).toBe('成立');
    const details = await lab.getByTestId('finding-6').locator('.lab-details li').allTextContents();
    expect(details).toHaveLength(2);
    for (const d of details) expect(d).toMatch(/：最終損失 .+（中位數），準確率 .+，1 個種子中有 [01] 個達到 100%$/);
    await screenshot(page, 'language-zh-lab-1280');
    expect(errors).toEqual([]);
  });
});
