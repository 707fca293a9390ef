import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import config from '../../eslint.config.js';

/**
 * The layout's one-way import direction is enforced by lint. These cases run the project's own
 * boundary rules (without type information) on imports each layer may and may not make.
 */
const boundaryConfig: Linter.Config[] = [
  { languageOptions: { parser: tseslint.parser } },
  ...(config as Linter.Config[]).filter((entry) => entry.rules && 'no-restricted-imports' in entry.rules),
];
const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: boundaryConfig });

const violations = async (filePath: string, importLine: string): Promise<string[]> => {
  const [result] = await eslint.lintText(`${importLine}\nexport const x = 1;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

const cases: [file: string, importLine: string, allowed: boolean][] = [
  ['rules/crs/grading.ts', "import * as z from 'zod';", true],
  ['rules/crs/grading.ts', "import { cite } from '../core/citation.ts';", true],
  ['rules/crs/grading.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';", false],
  ['rules/crs/grading.ts', "import { readFileSync } from 'node:fs';", false],
  ['rules/crs/grading.ts', "import { schema } from '../../schema/index.ts';", false],
  ['functions/episodes/service.ts', "import { gradeCrs } from '#rules';", true],
  ['functions/episodes/service.ts', "import { schema } from '../../schema/index.ts';", false],
  ['functions/episodes/service.ts', "import { createSlackApp } from '../../slack-bot/app.ts';", false],
  ['schema/types/episode.ts', "import type { EpisodeService } from '#episodes';", true],
  ['schema/types/episode.ts', "import { helpView } from '../../slack-bot/views/help.ts';", false],
  ['schema/types/episode.ts', "import { App } from '@slack/bolt';", false],
  ['slack-bot/commands/cart.ts', "import type { EpisodeService } from '#episodes';", true],
  ['slack-bot/commands/cart.ts', "import { schema } from '../../schema/index.ts';", false],
  ['slack-bot/commands/cart.ts', "import { builder } from '@pothos/core';", false],
  ['functions/graphql/handler.ts', "import { schema } from '../../schema/index.ts';", true],
  ['functions/graphql/handler.ts', "import { TableConstruct } from '../../infra/table.ts';", false],
  ['infra/table.ts', "import { episodesTable } from '../functions/episodes/table-definition.ts';", true],
  ['infra/api.ts', "import { httpRoutes } from '../functions/http-routes.ts';", true],
  ['infra/live.ts', "import { liveConnectionsTable } from '../functions/live/table-definition.ts';", true],
  ['infra/live.ts', "import { fanOut } from '../functions/live/fan-out.ts';", false],
  ['infra/api.ts', "import { handler } from '../functions/graphql/handler.ts';", false],
  ['infra/api.ts', "import { gradeCrs } from '../rules/index.ts';", false],
];

describe('import boundaries (lint)', () => {
  it.each(cases)('%s: %s → %s', async (file, importLine, allowed) => {
    const messages = await violations(file, importLine);
    if (allowed) expect(messages).toEqual([]);
    else expect(messages.join('\n')).toMatch(/may import only/);
  });
});
