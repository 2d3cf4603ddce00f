// End-to-end tests of the console in Debian's Chromium, against a running dsm (API and console on
// one origin, or the Vite dev server proxying to one) and a real PostgreSQL target with a password.
// Starts no server itself. Environment:
//   DSM_URL          where the console is served, e.g. http://localhost:8080
//   DSM_USERNAME     an administrator to sign in as (default: admin)
//   DSM_PASSWORD     their password (the first admin's is DSM_ADMIN_PASSWORD)
//   TARGET_HOST, TARGET_PORT, TARGET_USER, TARGET_PASSWORD, TARGET_DB   the PostgreSQL to register
//   SCREENSHOT_DIR   where to write PNGs (default: screenshots/e2e)
//   DSM_PROVISIONING_DIR   the running dsm's provisioning folder: a step puts a broken file there
// Exits non-zero when a step fails; the last line is "N passed, N failed".
import { expectAccessible } from './lib/accessibility.mjs';
import { launch } from './lib/browser.mjs';
import { ConsolePage } from './lib/console-page.mjs';
import { Harness, check, eventually } from './lib/harness.mjs';
import { englishRuns, untranslatedIn } from './lib/untranslated.mjs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** @param {string} name */
function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set (see the header of e2e/run.mjs)`);
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
  return value;
}

const DSM_URL = required('DSM_URL');
const credentials = { username: process.env.DSM_USERNAME || 'admin', password: required('DSM_PASSWORD') };
const target = {
  host: required('TARGET_HOST'),
  port: Number(required('TARGET_PORT')),
  username: required('TARGET_USER'),
  password: required('TARGET_PASSWORD'),
  database: required('TARGET_DB'),
};
const harness = new Harness(process.env.SCREENSHOT_DIR ?? 'screenshots/e2e');

// Unique per run, so reruns against the same store do not collide: letters and digits only.
const runId = Date.now().toString(36);
const identifier = `e2e${runId}`;
const copyIdentifier = `e2e${runId}copy`;

/** A provisioning file dsm refuses: no attribute, a port out of range. */
const BROKEN_PROVISIONING_FILE = `apiVersion: dsm/v1
dataSources:
  - identifier: e2e${runId}prov
    type: POSTGRESQL
    host: 127.0.0.1
    port: 70000
    username: migrator
    passwordRef: env:DSM_E2E_NO_SUCH_PASSWORD
    databaseName: appdb
`;

const COPY_STEP = 'copy it: the same values with identifier and password to fill in';
/** The seed's columns, which the list shows until its user chooses more. */
const SEED_HEADERS = [
  'Data Source Identifier',
  'Data Source Type',
  'Host IP Address:Port',
  'Username',
  'Added At',
  'Actions',
];
/** dsm's own columns; the region's is offered only with several regions. */
const DSM_COLUMNS = ['DB Name / Schema', 'Database Attributes', 'Heartbeat', 'Readiness'];

const browser = await launch({ width: 1280, height: 900 });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
/** @type {string[]} */
const browserErrors = [];
/** Set once the sign-in step submits a wrong password on purpose: only from then on is a 401 expected. */
let wrongPasswordSent = false;
page.on('pageerror', (error) => browserErrors.push(error.message));
page.on('console', (message) => {
  if (message.type() !== 'error') return;
  // Chromium logs every 4xx as an error. Expected here: the wrong password tried on purpose answers
  // 401 (asking who is signed in answers 200 even before signing in, so no 401 comes before it); the
  // audit log asks whether the data sources it names still exist, and deleted ones answer 404.
  const url = message.location().url;
  const expected =
    (wrongPasswordSent && /status of 401/.test(message.text()) && /\/api\/session$/.test(url)) ||
    (/status of 404/.test(message.text()) && /\/api\/datasources\/[0-9a-f-]{36}$/.test(url));
  if (!expected) browserErrors.push(message.text());
});
const ui = new ConsolePage(page, DSM_URL);

/** @param {import('playwright-core').Locator} report */
async function expectPassed(report) {
  await report.getByText(/^Connection test passed/).waitFor();
}

const SIGN_IN_STEP = 'signing in: the console sends a new visitor to sign in, then back to the list';
const CREATE_STEP = 'create through the dialog after a passed Test Connection';

try {
  await harness.step('the sign-in page comes first, and refuses a wrong password', async () => {
    await page.goto(`${DSM_URL.replace(/\/$/, '')}/?q=${identifier}`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    check(new URL(page.url()).pathname === '/sign-in', `expected /sign-in, got ${page.url()}`);
    await harness.screenshot(page, 'sign-in-1280');
    await expectAccessible(page, 'the sign-in page');
    check(browserErrors.length === 0, `the sign-in page logs no error before signing in: ${browserErrors.join('; ')}`);
    wrongPasswordSent = true;
    await ui.signIn(credentials.username, `${credentials.password}-wrong`);
    await page.getByRole('alert').getByText('Wrong username or password.').waitFor();
    check((await page.getByLabel('Password', { exact: true }).inputValue()) === '', 'the password is emptied');
    await harness.screenshot(page, 'sign-in-wrong-password-1280');
  });

  await harness.step(SIGN_IN_STEP, async () => {
    if (new URL(page.url()).pathname !== '/sign-in') await page.goto(`${DSM_URL.replace(/\/$/, '')}/?q=${identifier}`);
    await ui.signIn(credentials.username, credentials.password);
    await page.getByRole('heading', { name: 'Data Source Management' }).waitFor();
    // Back where the visit started, search included.
    check(new URL(page.url()).searchParams.get('q') === identifier, `expected ?q=${identifier}, got ${page.url()}`);
    await page.getByRole('button', { name: new RegExp(`^Account: ${credentials.username} `) }).waitFor();
  });

  await harness.step(
    'the list page opens',
    async () => {
      await ui.open();
      const empty = await page.locator('.first-run').isVisible();
      await harness.screenshot(page, empty ? 'list-empty-1280' : 'list-1280');
    },
    { needs: [SIGN_IN_STEP] },
  );

  await harness.step('a wrong password shows the AUTHENTICATION failure in the dialog', async () => {
    await ui.openCreate();
    await ui.fillForm({ ...target, identifier, password: `${target.password}-wrong` });
    const report = await ui.testConnection();
    await report.getByText('Connection test failed').waitFor();
    const authentication = report
      .locator('.test-report__check')
      .filter({ has: page.getByText('Authentication', { exact: true }) });
    await authentication.getByText('Failed', { exact: true }).waitFor();
    const text = (await authentication.textContent()) ?? '';
    check(text.includes('28P01'), `the AUTHENTICATION check should name SQLSTATE 28P01, got: ${text}`);
    check(!text.includes(`${target.password}-wrong`), 'the report must not show the password');
    await ui.expectDisabled(ui.okButton(), 'OK after a failed test');
    await harness.screenshot(page, 'dialog-failed-test-1280');
  });

  await harness.step(CREATE_STEP, async () => {
    if (!(await ui.dialog().isVisible())) {
      await ui.openCreate();
      await ui.fillForm({ ...target, identifier });
    }
    await ui.fill('Password', target.password);
    await ui.expectDisabled(ui.okButton(), 'OK before testing the corrected password');
    await expectPassed(await ui.testConnection());
    await ui.expectEnabled(ui.okButton(), 'OK after a passed test');
    await harness.screenshot(page, 'dialog-passed-test-1280');
    await expectAccessible(page, 'the create dialog with its test report');

    await ui.okButton().click();
    await ui.waitForDialogClosed();
    await ui.waitForToast(`Data source ${identifier} created`);
    await ui.row(identifier).waitFor();
    await harness.screenshot(page, 'list-with-rows-1280');
    const headers = await ui.headers('.datasource-table');
    check(
      JSON.stringify(headers) === JSON.stringify(SEED_HEADERS),
      `the list shows the seed's columns by default, got: ${headers.join(', ')}`,
    );
    await ui.expectHeadersVisible('.datasource-table');
    await expectAccessible(page, 'the list');
  });

  await harness.step(
    "the column chooser adds dsm's columns, and with all of them every header still fits 1280 px",
    async () => {
      await ui.showColumns(DSM_COLUMNS);
      await page.getByRole('columnheader', { name: 'Readiness' }).waitFor();
      const headers = await ui.headers('.datasource-table');
      check(
        headers.length === SEED_HEADERS.length + DSM_COLUMNS.length,
        `all columns shown, got: ${headers.join(', ')}`,
      );
      await ui.expectHeadersVisible('.datasource-table');
      await harness.screenshot(page, 'list-all-columns-1280');
      await expectAccessible(page, 'the list with all columns');
      // Remembered: the steps that follow read the readiness, heartbeat and database columns.
      await page.reload();
      await page.getByRole('columnheader', { name: 'Readiness' }).waitFor();
    },
    { needs: [CREATE_STEP] },
  );

  await harness.step(
    'with every column chosen, regions too, no header is covered or cut at 1280x800, in English and in Chinese',
    async () => {
      // The region column appears only when there is a choice of regions; this dsm has one.
      await page.route('**/api/regions', (route) => route.fulfill({ json: { regions: ['default', 'east'] } }));
      await page.setViewportSize({ width: 1280, height: 800 });
      try {
        await ui.open(`?q=${identifier}`);
        await ui.showColumns(['Region']);
        await page.getByRole('columnheader', { name: 'Region' }).waitFor();
        const headers = await ui.headers('.datasource-table');
        check(
          headers.length === SEED_HEADERS.length + DSM_COLUMNS.length + 1,
          `every column shown, got: ${headers.join(', ')}`,
        );
        await ui.expectHeadersVisible('.datasource-table');
        await harness.screenshot(page, 'list-every-column-1280x800');
        await ui.chooseLanguage('简体中文');
        await page.getByRole('columnheader', { name: '地域' }).waitFor();
        await ui.expectHeadersVisible('.datasource-table');
        await harness.screenshot(page, 'list-every-column-zh-CN-1280x800');
        await ui.chooseLanguage('English');
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.unroute('**/api/regions');
      }
      // Back to the list as this dsm configures it, for the steps that follow.
      await ui.open(`?q=${identifier}`);
    },
    { needs: [CREATE_STEP] },
  );

  await harness.step(
    'search finds it, and the search survives a reload',
    async () => {
      const box = page.getByRole('searchbox', { name: 'Search data sources' });
      await box.fill(identifier.toUpperCase());
      await page.waitForURL((url) => url.searchParams.get('q') === identifier.toUpperCase());
      await ui.row(identifier).waitFor();
      const rows = page.locator('.datasource-table tbody tr.ant-table-row');
      await eventually(async () => (await rows.count()) === 1, 'exactly one row should match');
      await page.reload();
      await ui.row(identifier).waitFor();
      check((await box.inputValue()) === identifier.toUpperCase(), 'the search box keeps the search after a reload');
    },
    { needs: ['create through the dialog after a passed Test Connection'] },
  );

  await harness.step(
    'its details open in a drawer with a shareable URL',
    async () => {
      await page.getByRole('link', { name: identifier, exact: true }).click();
      const drawer = page.locator('.datasource-drawer');
      await drawer.getByText(`Data source ${identifier}`).waitFor();
      await drawer.getByText('Stored (never shown)').first().waitFor();
      check(new URL(page.url()).searchParams.has('detail'), 'the URL names the open data source');
      await harness.screenshot(page, 'drawer-1280');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      check(!new URL(page.url()).searchParams.has('detail'), 'closing the drawer removes it from the URL');
    },
    { needs: ['create through the dialog after a passed Test Connection'] },
  );

  await harness.step(
    "the readiness watch's verdict shows in the list, its report and history in the drawer, and it re-checks on demand",
    async () => {
      // A new source is checked within seconds, and the list refreshes by itself until it is.
      const badge = ui.row(identifier).locator('.readiness-badge');
      await badge.filter({ hasNotText: 'Not checked yet' }).waitFor({ timeout: 30_000 });
      await badge.click();
      const drawer = page.locator('.datasource-drawer');
      await drawer.getByRole('tab', { name: 'Readiness', selected: true }).waitFor();
      await drawer.getByRole('heading', { name: 'Latest report' }).waitFor();
      await drawer.getByText('State changed').first().waitFor();
      check(new URL(page.url()).searchParams.get('detailTab') === 'readiness', 'the URL names the readiness tab');
      await harness.screenshot(page, 'drawer-readiness-1280');
      await expectAccessible(page, 'the readiness tab of the drawer');
      await drawer.getByRole('button', { name: 'Re-check now' }).click();
      await ui.waitForToast(`Re-checked ${identifier}:`);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    },
    { needs: [CREATE_STEP] },
  );

  await harness.step(
    'in Simplified Chinese the list, the dialogs and the readiness tab read as well, and the server is asked in Chinese',
    async () => {
      await ui.open(`?q=${identifier}`);
      await page.getByRole('combobox', { name: 'Language' }).click();
      const askedInChinese = page.waitForRequest(
        (request) =>
          new URL(request.url()).pathname === '/api/datasources' && request.headers()['accept-language'] === 'zh-CN',
      );
      await page.getByText('简体中文').click();
      await page.getByRole('heading', { name: '数据源管理' }).waitFor();
      await askedInChinese;
      check((await page.getAttribute('html', 'lang')) === 'zh-CN', 'the page says it is in Chinese (<html lang>)');
      await page.mouse.move(5, 5);
      await expectAccessible(page, 'the list (zh-CN)');

      await page
        .getByRole('button', { name: /新建数据源/ })
        .first()
        .click();
      await ui.dialog().getByText('新建数据源').first().waitFor();
      await expectAccessible(page, 'the create dialog (zh-CN)');
      await page.keyboard.press('Escape');
      await ui.waitForDialogClosed();

      await page.getByRole('button', { name: `编辑 ${identifier}` }).click();
      await ui.dialog().getByText(`编辑数据源 ${identifier}`).waitFor();
      await expectAccessible(page, 'the edit dialog (zh-CN)');
      await page.keyboard.press('Escape');
      await ui.waitForDialogClosed();

      await ui.row(identifier).locator('.readiness-badge').click();
      const drawer = page.locator('.datasource-drawer');
      await drawer.getByRole('tab', { name: '就绪检查', selected: true }).waitFor();
      await drawer.getByRole('button', { name: /立即重新检查/ }).waitFor();
      await harness.screenshot(page, 'drawer-readiness-zh-CN-1280');
      await expectAccessible(page, 'the readiness tab of the drawer (zh-CN)');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      await page.getByRole('combobox', { name: '语言' }).click();
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: 'Data Source Management' }).waitFor();
    },
    { needs: [CREATE_STEP] },
  );

  await harness.step(
    'edit it: a remark saves without a test, a schema change is tested with the stored password',
    async () => {
      await page.getByRole('button', { name: `Edit ${identifier}` }).click();
      await ui.dialog().getByText(`Edit Data Source ${identifier}`).waitFor();
      const password = ui.dialog().getByLabel('Password', { exact: true });
      check((await password.inputValue()) === '', 'the password field starts empty');
      check(
        (await password.getAttribute('placeholder')) === 'Leave empty to keep the current password',
        'the placeholder says an empty password keeps the current one',
      );
      await ui.fill('Remarks (Optional)', 'Edited by the e2e test');
      await ui.expectEnabled(ui.okButton(), 'OK when only a remark changed');
      await ui.okButton().click();
      await ui.waitForDialogClosed();
      await ui.waitForToast(`Data source ${identifier} saved`);

      await page.getByRole('button', { name: `Edit ${identifier}` }).click();
      await ui.dialog().getByText(`Edit Data Source ${identifier}`).waitFor();
      check(
        (await ui.dialog().getByLabel('Remarks (Optional)').inputValue()) === 'Edited by the e2e test',
        'the saved remark is shown when editing again',
      );
      await ui.fill('Schema Name (Optional)', 'public');
      await ui.expectDisabled(ui.okButton(), 'OK after a connection field changed');
      await expectPassed(await ui.testConnection());
      await ui.okButton().click();
      await ui.waitForDialogClosed();
      await ui.waitForToast(`Data source ${identifier} saved`);
      await ui.row(identifier).getByText('/ public').waitFor();
    },
    { needs: ['create through the dialog after a passed Test Connection'] },
  );

  await harness.step(
    COPY_STEP,
    async () => {
      await page.getByRole('searchbox', { name: 'Search data sources' }).fill('');
      await page.getByRole('button', { name: `Copy ${identifier}` }).click();
      await ui.dialog().getByText(`Copy Data Source ${identifier}`).waitFor();
      check((await ui.dialog().getByLabel('Data Source Identifier').inputValue()) === '', 'the identifier is empty');
      check((await ui.dialog().getByLabel('Password', { exact: true }).inputValue()) === '', 'the password is empty');
      check(
        (await ui.dialog().getByLabel('Host IP Address').inputValue()) === target.host,
        'the host is copied from the original',
      );
      await ui.fillForm({ identifier: copyIdentifier, password: target.password });
      await expectPassed(await ui.testConnection());
      await ui.okButton().click();
      await ui.waitForDialogClosed();
      await ui.waitForToast(`Data source ${copyIdentifier} created`);
      await ui.row(copyIdentifier).waitFor();
    },
    { needs: ['create through the dialog after a passed Test Connection'] },
  );

  await harness.step(
    'test a row: the result shows next to it',
    async () => {
      await ui.row(identifier).getByRole('button', { name: 'Test Connection' }).click();
      const popover = page.locator('.ant-popover').filter({ hasText: `Connection test of ${identifier}` });
      await popover.getByText(/^Connection test passed/).waitFor({ timeout: 30_000 });
      await harness.screenshot(page, 'row-test-1280');
      await page.keyboard.press('Escape');
      await page.mouse.click(5, 5);
    },
    { needs: ['create through the dialog after a passed Test Connection'] },
  );

  await harness.step(
    "a row's test report leads with the two readiness verdicts",
    async () => {
      // The mark by the button reopens the last report without testing again.
      await ui.row(identifier).locator('.row-test__verdict').click();
      const popover = page.locator('.ant-popover').filter({ hasText: `Connection test of ${identifier}` });
      const report = popover.locator('.test-report');
      await report.waitFor();
      await ui.expectVerdictsFirst(report);
      await harness.screenshot(page, 'row-test-readiness-1280');
      await page.keyboard.press('Escape');
      await page.mouse.click(5, 5);
      await popover.waitFor({ state: 'hidden' });
    },
    { needs: [CREATE_STEP] },
  );

  await harness.step(
    "the dialog's test report leads with the readiness verdicts, and a finding opens to a fix that copies",
    async () => {
      await ui.open(`?q=${identifier}`);
      await page.getByRole('button', { name: `Edit ${identifier}`, exact: true }).click();
      await ui.dialog().getByText(`Edit Data Source ${identifier}`).waitFor();
      const report = await ui.testConnection();
      await ui.expectVerdictsFirst(report);
      await report.locator('.readiness-verdicts').scrollIntoViewIfNeeded();
      await harness.screenshot(page, 'dialog-readiness-1280');

      const finding = await ui.openFindingWithFix(report);
      const code = finding.locator('.code-block__code');
      const fixSql = (await code.textContent()) ?? '';
      check(fixSql.trim() !== '', 'the fix shows its SQL');
      check(
        /monospace/.test(await code.evaluate((element) => getComputedStyle(element).fontFamily)),
        'the SQL is set in a monospace font',
      );
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(DSM_URL).origin,
      });
      await finding.getByRole('button', { name: 'Copy', exact: true }).click();
      await finding.getByRole('button', { name: 'Copied', exact: true }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      check(copied === fixSql, `the clipboard should hold exactly the fix, got: ${copied}`);
      await finding.scrollIntoViewIfNeeded();
      await harness.screenshot(page, 'dialog-finding-fix-1280');

      await page.keyboard.press('Escape');
      await ui.waitForDialogClosed();
    },
    { needs: [CREATE_STEP] },
  );

  await harness.step(
    'the audit log shows the data source created in this run, what it was created with, and links to it',
    async () => {
      await ui.navigateTo('Audit Log');
      check(new URL(page.url()).pathname === '/audit', `expected /audit, got ${page.url()}`);
      const created = page
        .locator('.audit-table tbody tr.ant-table-row')
        .filter({ has: page.getByRole('link', { name: `Open data source ${identifier}`, exact: true }) })
        .filter({ hasText: 'Data source created' });
      await created.first().waitFor();
      check((await created.count()) === 1, 'one creation of the data source is recorded');
      await created.getByText(credentials.username, { exact: true }).waitFor();
      await created.getByRole('button', { name: /expand row/i }).click();
      const changes = page.getByRole('table', { name: 'Changes' }).first();
      await changes.getByRole('row', { name: /^host/ }).getByText(target.host, { exact: true }).waitFor();
      await changes
        .getByRole('row', { name: /^password/ })
        .getByText('changed (value never recorded)')
        .waitFor();
      const text = (await page.locator('.audit-table').textContent()) ?? '';
      check(!text.includes(target.password), 'the audit log must not show the password');
      // The updates of the edit step, newest first, above the creation.
      await page
        .locator('.audit-table tbody tr.ant-table-row')
        .filter({ hasText: 'Data source updated' })
        .filter({ has: page.getByRole('link', { name: `Open data source ${identifier}`, exact: true }) })
        .first()
        .waitFor();
      // The toasts of earlier steps would cover the navigation in the picture.
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
      await harness.screenshot(page, 'audit-1280');
      await ui.expectHeadersVisible('.audit-table');

      await page.getByRole('combobox', { name: 'Action' }).click();
      await page.getByTitle('Data source created', { exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('action') === 'DATA_SOURCE_CREATED');
      await created.first().waitFor();
      const others = page.locator('.audit-table tbody tr.ant-table-row').filter({ hasNotText: 'Data source created' });
      await eventually(async () => (await others.count()) === 0, 'only creations are listed');

      await created.getByRole('link', { name: `Open data source ${identifier}` }).click();
      await page.locator('.datasource-drawer').getByText(`Data source ${identifier}`).waitFor();
      check(new URL(page.url()).pathname === '/', 'the link opens the data sources page');
      await page.keyboard.press('Escape');
      await page.locator('.datasource-drawer').waitFor({ state: 'hidden' });
    },
    { needs: [CREATE_STEP] },
  );

  await harness.step(
    'in Simplified Chinese the list, the test report, the readiness tab, the provisioning banner and the audit log show no English sentence',
    async () => {
      check(
        englishRuns('端口：must be between 1 and 65535').length === 1 &&
          englishRuns('端口必须在 1 到 65535 之间').length === 0,
        'the detector finds an English sentence among Chinese, and only that',
      );
      // A provisioning file with errors, so that the banner above the list shows the server's words.
      const folder = process.env.DSM_PROVISIONING_DIR;
      check(folder, 'DSM_PROVISIONING_DIR is not set: the running dsm needs a provisioning folder (see the header)');
      const broken = path.join(folder, `e2e${runId}-broken.yaml`);
      await writeFile(broken, BROKEN_PROVISIONING_FILE);
      try {
        await ui.open(`?q=${identifier}`);
        const banner = page.locator('.provisioning-banner');
        // The server reads the file within its 2 s scan; the console asks again every 30 s.
        await banner.waitFor({ timeout: 45_000 });
        const drawer = page.locator('.datasource-drawer');
        await ui.row(identifier).locator('.readiness-badge').click();
        await drawer.getByRole('heading', { name: 'Latest report' }).waitFor();
        await ui.expandFindings(drawer);
        // The check can fail: the same screen in English is full of sentences.
        const english = await untranslatedIn({ 'the banner': banner, 'the readiness tab': drawer });
        check(english.length > 0, 'the detector finds the English of the English screen');
        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'hidden' });

        await ui.chooseLanguage('简体中文');
        await banner
          .getByText(/第 \d+ 行/)
          .first()
          .waitFor();
        await harness.screenshot(page, 'list-provisioning-banner-zh-CN-1280');
        await ui.row(identifier).locator('.readiness-badge').click();
        await drawer.getByRole('tab', { name: '就绪检查', selected: true }).waitFor();
        await drawer.locator('.finding').first().waitFor();
        await ui.expandFindings(drawer);
        await harness.screenshot(page, 'drawer-readiness-zh-CN-expanded-1280');
        const found = await untranslatedIn({
          'the list': page.locator('.datasource-table'),
          'the provisioning banner': banner,
          'the readiness tab': drawer,
        });
        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'hidden' });

        await page.getByRole('button', { name: `编辑 ${identifier}`, exact: true }).click();
        const report = ui.dialog().locator('.test-report');
        await ui
          .dialog()
          .getByRole('button', { name: /测试连接|重新测试/ })
          .click();
        await report.waitFor({ timeout: 30_000 });
        await ui.expandFindings(report);
        await harness.screenshot(page, 'dialog-test-report-zh-CN-1280');
        found.push(...(await untranslatedIn({ "the dialog's test report": report })));
        await page.keyboard.press('Escape');
        await ui.waitForDialogClosed();

        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
        const audit = page.locator('.audit-table');
        await audit.locator('tbody tr.ant-table-row').first().waitFor();
        await audit
          .getByRole('button', { name: /expand row|展开行/i })
          .first()
          .click();
        await harness.screenshot(page, 'audit-zh-CN-1280');
        found.push(...(await untranslatedIn({ 'the audit log': audit }, ['Edited by the e2e test'])));
        console.log(
          `        English found in Chinese screens: ${found.length}\n          ${found.join('\n          ')}`,
        );
        check(found.length === 0, `untranslated text in the Chinese screens:\n${found.join('\n')}`);
      } finally {
        await rm(broken, { force: true });
        await page.keyboard.press('Escape');
        if ((await page.getAttribute('html', 'lang')) !== 'en') await ui.chooseLanguage('English');
        await ui.open();
      }
    },
    { needs: [CREATE_STEP] },
  );

  await harness.step(
    'the users page lists the signed-in administrator, who cannot delete themselves',
    async () => {
      await ui.navigateTo('Users');
      const row = page.locator('.users-table tbody tr').filter({
        has: page.getByText(credentials.username, { exact: true }),
      });
      await row.getByText('Administrator', { exact: true }).waitFor();
      await row.getByText('you', { exact: true }).waitFor();
      await ui.expectDisabled(row.getByRole('button', { name: `Delete ${credentials.username}` }), 'deleting yourself');
      await harness.screenshot(page, 'users-1280');
      await ui.expectHeadersVisible('.users-table');
      await page.getByRole('button', { name: 'Create User' }).click();
      const dialog = page.locator('.user-dialog');
      await dialog.getByText('Viewer', { exact: true }).waitFor();
      await harness.screenshot(page, 'users-create-1280');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    },
    { needs: [SIGN_IN_STEP] },
  );

  await harness.step(
    'works on a 390 px phone screen',
    async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await ui.open();
        await harness.screenshot(page, 'list-390');
        await page.getByRole('link', { name: identifier, exact: true }).click();
        await page.locator('.datasource-drawer').getByText(`Data source ${identifier}`).waitFor();
        await harness.screenshot(page, 'drawer-390');
        await page.keyboard.press('Escape');
        await page.locator('.datasource-drawer').waitFor({ state: 'hidden' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        check(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
        await ui.openCreate();
        await ui.dialog().getByText('Primary Database + Standby Database').click();
        await ui.dialog().getByLabel('Standby Host IP Address').waitFor();
        await harness.screenshot(page, 'dialog-standby-390');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Discard' }).click();
        await ui.waitForDialogClosed();
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
    { needs: ['create through the dialog after a passed Test Connection'] },
  );

  await harness.step(
    'delete it after a confirmation that names it',
    async () => {
      await ui.open(`?q=${identifier}`);
      const copied = !harness.failures.has(COPY_STEP);
      for (const name of copied ? [copyIdentifier, identifier] : [identifier]) {
        await ui.row(name).waitFor();
        await page.getByRole('button', { name: `Delete ${name}` }).click();
        const confirm = page.locator('.ant-modal').filter({ hasText: `Delete data source ${name}?` });
        await confirm.waitFor();
        await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
        await ui.waitForToast(`Data source ${name} deleted`);
        await ui.row(name).waitFor({ state: 'detached' });
      }
      await page.getByText('Nothing matches this search and these filters.').waitFor();
    },
    { needs: ['create through the dialog after a passed Test Connection'] },
  );

  await harness.step('a data source with heartbeat starts beating, and its table can be dropped with it', async () => {
    const heartbeatIdentifier = `e2e${runId}hb`;
    await ui.open();
    await ui.openCreate();
    await ui.fillForm({ ...target, identifier: heartbeatIdentifier });
    await ui
      .dialog()
      .getByLabel(/Allow the service to automatically write incremental heartbeat data/)
      .check();
    const report = await ui.testConnection();
    await expectPassed(report);
    await report
      .locator('.test-report__check')
      .filter({ has: page.getByText('Heartbeat table', { exact: true }) })
      .getByText('Passed', { exact: true })
      .waitFor();
    await ui.okButton().click();
    await ui.waitForDialogClosed();
    const row = ui.row(heartbeatIdentifier);
    await row.waitFor();
    // The list refreshes by itself every 30 s; Refresh asks now.
    await eventually(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.waitForTimeout(1000);
        return (await row.getByText('Active', { exact: true }).count()) > 0;
      },
      'the heartbeat should become Active',
      45_000,
    );
    await row.getByText(/last beat/).waitFor();
    await harness.screenshot(page, 'list-heartbeat-active-1280');

    await page.getByRole('button', { name: `Delete ${heartbeatIdentifier}` }).click();
    const confirm = page.locator('.ant-modal').filter({ hasText: `Delete data source ${heartbeatIdentifier}?` });
    await confirm.getByLabel(/Also drop the heartbeat table public.oms_postgres_heartbeat/).check();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await ui.waitForToast(`Data source ${heartbeatIdentifier} deleted`);
    await row.waitFor({ state: 'detached' });
  });

  await harness.step('the dialog shows the standby section for Primary + Standby', async () => {
    await ui.open();
    await ui.openCreate();
    await ui.dialog().getByText('Primary Database + Standby Database').click();
    await ui.dialog().getByLabel('Standby Host IP Address').waitFor();
    await ui.dialog().getByLabel('Standby Port').waitFor();
    await harness.screenshot(page, 'dialog-standby-1280');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Discard' }).click();
    await ui.waitForDialogClosed();
  });

  await harness.step('the dialog works from the keyboard: Enter opens it focused, Escape closes it', async () => {
    await ui.open();
    await page.getByRole('button', { name: 'Create Data Source' }).first().focus();
    await page.keyboard.press('Enter');
    await ui.dialog().getByText('Create Data Source').first().waitFor();
    await eventually(
      () => page.evaluate(() => document.activeElement?.id === 'identifier'),
      'the identifier field should have the focus when the dialog opens',
    );
    await page.keyboard.type('kbd1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    // Typed work is not thrown away unasked.
    await page.locator('.ant-modal-confirm-title').getByText('Discard your changes?').waitFor();
    await page.getByRole('button', { name: 'Discard' }).click();
    await ui.waitForDialogClosed();
    await eventually(
      () => page.evaluate(() => (document.activeElement?.textContent ?? '').includes('Create Data Source')),
      'the focus should return to Create Data Source',
    );
  });

  await harness.step('switches to Simplified Chinese', async () => {
    await ui.open();
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByText('简体中文').click();
    await page.getByRole('heading', { name: '数据源管理' }).waitFor();
    await page
      .getByRole('button', { name: /新建数据源/ })
      .first()
      .waitFor();
    await harness.screenshot(page, 'list-zh-CN-1280');
    // The pointer rests where the language menu was: away from it, no button's tooltip stays open.
    await page.mouse.move(5, 5);
    await page.getByRole('combobox', { name: '语言' }).click();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Data Source Management' }).waitFor();
  });

  const viewer = { username: `viewer${runId}`, password: `${runId}-looks-but-never-touches` };
  const VIEWER_STEP = 'an administrator creates a viewer on the users page';

  await harness.step(
    VIEWER_STEP,
    async () => {
      await ui.open();
      await ui.navigateTo('Users');
      await page.getByRole('button', { name: 'Create User' }).click();
      const dialog = page.locator('.user-dialog');
      await dialog.getByLabel('Username', { exact: true }).fill(viewer.username);
      await dialog.getByText('Viewer', { exact: true }).click();
      await dialog.getByLabel('Password', { exact: true }).fill(viewer.password);
      await dialog.getByRole('button', { name: 'OK', exact: true }).click();
      await ui.waitForToast(`User ${viewer.username} created`);
      const row = page
        .locator('.users-table tbody tr')
        .filter({ has: page.getByText(viewer.username, { exact: true }) });
      await row.getByText('Viewer', { exact: true }).waitFor();
    },
    { needs: [SIGN_IN_STEP] },
  );

  await harness.step(
    'a viewer sees what their role may not do, disabled, with the reason, and no admin pages',
    async () => {
      await page.getByRole('button', { name: new RegExp(`^Account: ${credentials.username} `) }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByText('You have signed out.').waitFor();
      await ui.signIn(viewer.username, viewer.password);
      await page.getByRole('heading', { name: 'Data Source Management' }).waitFor();
      await ui.open();
      await page.getByRole('button', { name: `Account: ${viewer.username} Viewer` }).waitFor();
      const reason = 'Your role, Viewer, can view data sources but not change or test them.';
      const create = page.getByRole('button', { name: /Create (your first )?Data Source/ }).first();
      await ui.expectDisabled(create, 'Create Data Source for a viewer');
      await page.getByText(/You are signed in as a Viewer/).waitFor();
      await page.locator('.disabled-reason').first().hover();
      await page.getByRole('tooltip').getByText(reason).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      check((await nav.getByRole('link', { name: 'Audit Log' }).count()) === 0, 'no Audit Log for a viewer');
      check((await nav.getByRole('link', { name: 'Users' }).count()) === 0, 'no Users for a viewer');
      await harness.screenshot(page, 'viewer-list-1280');

      // An address a viewer may not open (a bookmark of an administrator's), reached in the page.
      await page.evaluate(() => {
        window.history.pushState(null, '', '/audit');
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
      await page.getByText('Only administrators can read the audit log; your role is Viewer.').waitFor();
      await harness.screenshot(page, 'viewer-forbidden-1280');

      await page.getByRole('button', { name: `Account: ${viewer.username} Viewer` }).click();
      await page.getByRole('menuitem', { name: 'Change password' }).click();
      const dialog = page.locator('.password-dialog');
      await dialog.getByLabel('Current password').fill(viewer.password);
      await dialog.getByLabel('New password', { exact: true }).fill('short');
      await dialog.getByText('At least 12 characters').waitFor();
      await harness.screenshot(page, 'change-password-1280');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: `Account: ${viewer.username} Viewer` }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByText('You have signed out.').waitFor();
    },
    { needs: [VIEWER_STEP] },
  );

  await harness.step(
    'the administrator deletes the viewer after a confirmation that names them',
    async () => {
      if (new URL(page.url()).pathname !== '/sign-in') await page.goto(`${DSM_URL.replace(/\/$/, '')}/users`);
      await ui.signIn(credentials.username, credentials.password);
      await page.getByRole('heading', { name: 'Data Source Management' }).waitFor();
      await ui.navigateTo('Users');
      await page.getByRole('button', { name: `Delete ${viewer.username}` }).click();
      const confirm = page.locator('.ant-modal').filter({ hasText: `Delete user ${viewer.username}?` });
      await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
      await ui.waitForToast(`User ${viewer.username} deleted`);
      await page.getByText(viewer.username, { exact: true }).waitFor({ state: 'detached' });
    },
    { needs: [VIEWER_STEP] },
  );

  await harness.step(
    'signing out ends the session: the console asks to sign in again',
    async () => {
      await ui.open();
      await page.getByRole('button', { name: new RegExp(`^Account: ${credentials.username} `) }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByText('You have signed out.').waitFor();
      check(new URL(page.url()).pathname === '/sign-in', `expected /sign-in, got ${page.url()}`);
      await page.goto(`${DSM_URL.replace(/\/$/, '')}/`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    },
    { needs: [SIGN_IN_STEP] },
  );

  await harness.step('a browser that prefers Chinese opens the console in Chinese, which reads as well', async () => {
    const chinese = await launch({ width: 1280, height: 800, locale: 'zh-CN' });
    try {
      const zhPage = chinese.context.pages()[0] ?? (await chinese.context.newPage());
      const asked = zhPage.waitForRequest((request) => new URL(request.url()).pathname === '/api/session');
      await zhPage.goto(DSM_URL);
      await zhPage.getByRole('heading', { name: '登录' }).waitFor();
      const language = (await asked).headers()['accept-language'];
      check(language === 'zh-CN', `the console asks the server in Chinese, sent: ${language}`);
      check((await zhPage.getAttribute('html', 'lang')) === 'zh-CN', 'the page says it is in Chinese (<html lang>)');
      await harness.screenshot(zhPage, 'sign-in-zh-CN-1280');
      await expectAccessible(zhPage, 'the sign-in page (zh-CN)');
    } finally {
      await chinese.close();
    }
  });

  await harness.step('the browser reported no errors', async () => {
    check(browserErrors.length === 0, `browser errors:\n${browserErrors.join('\n')}`);
  });
} finally {
  await browser.close();
}

process.exit(harness.summary());
