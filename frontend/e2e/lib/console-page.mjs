// The console as an operator sees it: the actions of the e2e steps in the words of the UI.
import { check } from './harness.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

export class ConsolePage {
  /**
   * @param {Page} page
   * @param {string} baseUrl
   */
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl.replace(/\/$/, '');
  }

  /** @param {string} [query] */
  async open(query = '') {
    await this.page.goto(`${this.baseUrl}/${query}`);
    await this.page.getByRole('heading', { name: 'Data Source Management' }).waitFor();
    // The first page has come when the table (cards on a phone) or the first-run state is shown.
    await this.page.locator('.datasource-table, .datasource-cards, .first-run').first().waitFor();
  }

  /**
   * Signs in through the sign-in page, wherever the console sent the browser to it from.
   * @param {string} username
   * @param {string} password
   */
  async signIn(username, password) {
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await this.page.getByLabel('Username', { exact: true }).fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /**
   * Opens a page from the header's navigation, as a user would.
   * @param {string} name
   */
  async navigateTo(name) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { name, exact: true }).waitFor();
  }

  dialog() {
    return this.page.locator('.datasource-dialog');
  }

  /** @param {string} identifier */
  row(identifier) {
    return this.page.locator('.datasource-table tbody tr').filter({
      has: this.page.getByRole('link', { name: identifier, exact: true }),
    });
  }

  async openCreate() {
    const create = this.page.getByRole('button', { name: /Create (your first )?Data Source/i }).first();
    await create.click();
    await this.dialog().getByText('Create Data Source').first().waitFor();
    return this.dialog();
  }

  /**
   * Types into a dialog field by its label.
   * @param {string} label
   * @param {string | number} value
   */
  async fill(label, value) {
    const field = this.dialog().getByLabel(label, { exact: true });
    await field.fill(String(value));
  }

  /** @param {{ identifier?: string, host?: string, port?: number, username?: string, password?: string, database?: string, schema?: string, remarks?: string }} values */
  async fillForm(values) {
    if (values.identifier !== undefined) await this.fill('Data Source Identifier', values.identifier);
    if (values.host !== undefined) await this.fill('Host IP Address', values.host);
    if (values.port !== undefined) await this.fill('Port', values.port);
    if (values.username !== undefined) await this.fill('Username', values.username);
    if (values.password !== undefined) await this.fill('Password', values.password);
    if (values.database !== undefined) await this.fill('DB Name', values.database);
    if (values.schema !== undefined) await this.fill('Schema Name (Optional)', values.schema);
    if (values.remarks !== undefined) await this.fill('Remarks (Optional)', values.remarks);
  }

  /** Presses Test Connection and waits for the report; returns its verdict element. */
  async testConnection() {
    await this.dialog()
      .getByRole('button', { name: /Test (Connection|Again)/ })
      .click();
    const report = this.dialog().locator('.test-report');
    await report.waitFor({ timeout: 30_000 });
    return report;
  }

  /**
   * Checks that a test report answers first: both readiness verdicts, each with its state, above
   * the connection checks.
   * @param {Locator} report
   */
  async expectVerdictsFirst(report) {
    const verdicts = report.getByRole('list', { name: 'Migration readiness' });
    await verdicts.waitFor();
    const texts = await verdicts.getByRole('listitem').allTextContents();
    check(
      texts.length === 2 && texts[0].startsWith('Full migration: ') && texts[1].startsWith('Incremental sync: '),
      `expected the verdicts of full migration and incremental sync, got: ${JSON.stringify(texts)}`,
    );
    const first = await report.evaluate((element) => {
      const verdictsBlock = element.querySelector('.readiness-verdicts');
      const checks = element.querySelector('.test-report__connection');
      return (
        !!verdictsBlock &&
        !!checks &&
        !!(verdictsBlock.compareDocumentPosition(checks) & Node.DOCUMENT_POSITION_FOLLOWING)
      );
    });
    check(first, 'the readiness verdicts should come before the connection checks');
  }

  /**
   * Opens the findings of a report one by one until one shows SQL that fixes it; returns it.
   * @param {Locator} report
   */
  async openFindingWithFix(report) {
    const findings = report.locator('.finding');
    const count = await findings.count();
    check(count > 0, 'the report should list readiness findings');
    for (let index = 0; index < count; index += 1) {
      const finding = findings.nth(index);
      const toggle = finding.locator('.finding__toggle[aria-expanded]');
      if ((await toggle.count()) === 0) continue;
      await toggle.click();
      check((await toggle.getAttribute('aria-expanded')) === 'true', 'a finding opens on a click');
      if ((await finding.locator('.code-block').count()) > 0) return finding;
      await toggle.click();
    }
    throw new Error('no finding offers SQL that fixes it');
  }

  /**
   * Opens every finding of a report or readiness tab, so that their hints and details show too.
   * @param {Locator} container
   */
  async expandFindings(container) {
    const closed = container.locator('.finding__toggle[aria-expanded="false"]');
    while ((await closed.count()) > 0) await closed.first().click();
  }

  okButton() {
    return this.dialog().getByRole('button', { name: 'OK', exact: true });
  }

  /** @param {string} text */
  async waitForToast(text) {
    await this.page.locator('.ant-message').getByText(text).first().waitFor();
  }

  async waitForDialogClosed() {
    await this.dialog().waitFor({ state: 'hidden' });
  }

  /**
   * @param {Locator} locator
   * @param {string} what
   */
  async expectDisabled(locator, what) {
    check(await locator.isDisabled(), `${what} should be disabled`);
  }

  /**
   * @param {Locator} locator
   * @param {string} what
   */
  async expectEnabled(locator, what) {
    check(await locator.isEnabled(), `${what} should be enabled`);
  }

  /**
   * Switches the console's language with the header's language menu, from wherever it is.
   * @param {'English' | '简体中文'} language
   */
  async chooseLanguage(language) {
    const [menu, lang] = language === 'English' ? ['语言', 'en'] : ['Language', 'zh-CN'];
    await this.page.getByRole('combobox', { name: menu }).click();
    await this.page.getByText(language, { exact: true }).click();
    // <html lang> changes once the language's words have loaded and the page shows them.
    await this.page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
    // Away from the menu, so that no tooltip stays open over what the step looks at next.
    await this.page.mouse.move(5, 5);
  }

  /**
   * Shows more of the list's columns through its column chooser (remembered by the browser).
   * @param {string[]} columns their headers, e.g. ['Readiness']
   * @param {{ button?: string, title?: string }} [labels] the chooser's words in another language
   */
  async showColumns(columns, { button = 'Columns', title = 'Show these columns too' } = {}) {
    const toggle = this.page.getByRole('button', { name: button, exact: true });
    await toggle.click();
    const chooser = this.page.getByRole('group', { name: title });
    for (const column of columns) await chooser.getByRole('checkbox', { name: column, exact: true }).check();
    await toggle.click();
    await chooser.waitFor({ state: 'hidden' });
  }

  /**
   * The column headers of a table, in order.
   * @param {string} tableSelector
   */
  async headers(tableSelector) {
    const texts = await this.page.locator(`${tableSelector} thead th`).allTextContents();
    return texts.map((text) => text.trim()).filter((text) => text !== '');
  }

  /**
   * Fails unless every column header of the table is fully visible: inside the table's visible
   * area, not under a fixed column, and its title not cut short. Without `scrolls`, as the page
   * first shows it; with `scrolls`, the table must be wider than its box and each header is checked
   * once scrolled to.
   * @param {string} tableSelector e.g. '.datasource-table'
   * @param {{ scrolls?: boolean }} [options]
   */
  async expectHeadersVisible(tableSelector, { scrolls = false } = {}) {
    const table = this.page.locator(tableSelector).first();
    await table.locator('thead th').first().waitFor();
    const problems = await table.evaluate((root, scrolling) => {
      /** @param {DOMRect} a @param {DOMRect} b */
      const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5;
      const box = root.querySelector('.ant-table-content, .ant-table-header, .ant-table-body') ?? root;
      const found = [];
      if (scrolling && box.scrollWidth <= box.clientWidth) found.push('the table does not scroll sideways');
      const cells = Array.from(root.querySelectorAll('thead th')).filter(
        (cell) => cell.getBoundingClientRect().width > 0 && !cell.classList.contains('ant-table-selection-column'),
      );
      // Ant Design marks the columns that stay put while the rest scrolls sideways.
      const fixed = cells.filter((cell) => cell.classList.contains('ant-table-cell-fix'));
      for (const cell of cells) {
        const name = (cell.textContent ?? '').trim();
        if (name === '') continue; // the expand column has no title
        if (scrolling) cell.scrollIntoView({ block: 'nearest', inline: 'center' });
        // In the window (a nested table's headers may lie below it), so the page can say what covers it.
        const { top, bottom } = cell.getBoundingClientRect();
        if (top < 0 || bottom > window.innerHeight) window.scrollBy(0, top - 100);
        const viewport = box.getBoundingClientRect();
        const bounds = cell.getBoundingClientRect();
        if (bounds.left < viewport.left - 0.5 || bounds.right > viewport.right + 0.5) {
          found.push(`"${name}" reaches outside the visible table`);
        }
        if (!fixed.includes(cell)) {
          const under = fixed.find((other) => overlap(bounds, other.getBoundingClientRect()));
          if (under) found.push(`"${name}" lies under the fixed column "${(under.textContent ?? '').trim()}"`);
        }
        const title = cell.querySelector('.ant-table-column-title') ?? cell;
        if (title.scrollWidth > title.clientWidth) found.push(`"${name}" is cut short`);
        // Covered: whatever the pointer meets at the title's start, middle and end must be the header.
        const words = title.getBoundingClientRect();
        const y = words.top + words.height / 2;
        for (const x of [words.left + 1, (words.left + words.right) / 2, words.right - 1]) {
          const hit = document.elementFromPoint(x, y);
          if (!hit || !cell.contains(hit)) {
            const other = hit?.closest('th')?.textContent?.trim() ?? hit?.className ?? 'nothing';
            found.push(`"${name}" is covered by "${other}" at x=${Math.round(x)}`);
            break;
          }
        }
      }
      box.scrollLeft = 0;
      return found;
    }, scrolls);
    check(problems.length === 0, `column headers of ${tableSelector} not fully visible: ${problems.join('; ')}`);
  }
}
