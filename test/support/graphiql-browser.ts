import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium, or one sentence saying how to install it. */
export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The GraphiQL browser test needs Chromium at ${CHROMIUM_PATH}: install it (\`sudo apt-get install chromium\`) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH });
};

export type GraphiQLPage = {
  readonly page: Page;
  /** The query editor's visible text. */
  editorText(): Promise<string>;
  /** The visible tool editor's text (GraphiQL shows the headers when it opens with some). */
  headersText(): Promise<string>;
  /** The response pane's visible text. */
  resultText(): Promise<string>;
  /** Replaces every occurrence in the query editor, with the editor's own find-and-replace (Ctrl+H). */
  replaceAll(find: string, replacement: string): Promise<void>;
  /** Presses Run and picks the operation, as a reader does; resolves with the response GraphiQL received. */
  run(operationName: string): Promise<{ readonly status: number; readonly body: RunResult }>;
  /** Every URL the page asked for outside the server under test (none: hospital networks block them). */
  readonly externalRequests: readonly string[];
};

export type RunResult = {
  readonly data?: Record<string, unknown>;
  readonly errors?: readonly { readonly message: string }[];
};

const isGraphQLPost = (response: Response, operationName: string): boolean => {
  const request = response.request();
  if (request.method() !== 'POST' || !response.url().endsWith('/graphql')) return false;
  const body = request.postDataJSON() as { operationName?: unknown } | null;
  return body?.operationName === operationName;
};

/**
 * Opens GraphiQL at `${baseUrl}/graphql` in a fresh browser context (no stored tabs) on a tall
 * viewport, so that the editors show their whole text, and blocks every request that leaves
 * the server under test.
 */
export const openGraphiQL = async (browser: Browser, baseUrl: string): Promise<GraphiQLPage> => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 5000 } });
  const externalRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${baseUrl}/`)) return route.continue();
    externalRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/graphql`);
  const queryEditor = page.locator('.graphiql-query-editor');
  await queryEditor.locator('.view-lines').waitFor();

  const text = (selector: string) => async () =>
    (await page.locator(`${selector} .view-lines`).innerText()).replace(/\u00a0/g, ' ');

  return {
    page,
    externalRequests,
    editorText: text('.graphiql-query-editor'),
    headersText: text('.graphiql-editor-tool .graphiql-editor:not(.hidden)'),
    resultText: text('.graphiql-response'),
    replaceAll: async (find, replacement) => {
      await queryEditor.locator('.view-lines').click();
      await page.keyboard.press('Control+h');
      await queryEditor.getByRole('textbox', { name: 'Find' }).fill(find);
      await queryEditor.getByRole('textbox', { name: 'Replace' }).fill(replacement);
      await queryEditor.getByRole('button', { name: /^Replace All/ }).click();
      await page.keyboard.press('Escape');
    },
    run: async (operationName) => {
      const responded = page.waitForResponse((response) => isGraphQLPost(response, operationName));
      await page.locator('.graphiql-execute-button').click();
      await page.getByRole('menuitem', { name: operationName, exact: true }).click();
      const response = await responded;
      return { status: response.status(), body: (await response.json()) as RunResult };
    },
  };
};
