// Lint: typescript-eslint strict type-checked, plus the one-way import direction of the layout
// (rules ← episode service ← schema / slack-bot ← function entries; infra reads only definitions).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** A regex that matches a relative import reaching into one of the given folders. */
const intoFolder = (...folders) => `^\\.{1,2}/(.*/)?(${folders.join('|')})(/|$)`;

/** no-restricted-imports with one message per forbidden pattern. */
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }],
});

const layerMessage = (layer, allowed) =>
  `${layer} may import only ${allowed} (one-way layout, see README "Layout").`;

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'cdk.out/**',
      'dist/**',
      'coverage/**',
      '.data/**',
      '.scratch/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // rules/: pure clinical logic. zod and its own files only: no AWS, no Node built-ins, no other layer.
  {
    files: ['rules/**/*.ts'],
    ignores: ['rules/**/*.test.ts', 'rules/**/*.bench.ts'],
    rules: restrict(
      ['^(?!zod(/|$)|\\.{1,2}/|#rules$)', layerMessage('rules/', 'zod and rules/ itself')],
      [
        intoFolder('functions', 'schema', 'slack-bot', 'infra', 'test'),
        layerMessage('rules/', 'zod and rules/ itself'),
      ],
    ),
  },
  // The episode service and its repository: rules and AWS SDK, never the layers above it.
  {
    files: ['functions/episodes/**/*.ts'],
    ignores: ['functions/episodes/**/*.test.ts'],
    rules: restrict(
      [
        intoFolder('schema', 'slack-bot', 'infra', 'test', 'local', 'graphql', 'slack', 'alerts', 'sweeper'),
        layerMessage('the episode service', 'rules/ and the AWS SDK'),
      ],
      [
        '^@(slack|pothos)/|^graphql|^aws-cdk-lib|^constructs',
        layerMessage('the episode service', 'rules/ and the AWS SDK'),
      ],
    ),
  },
  // schema/: the GraphQL schema. rules and the episode service's interface; never slack-bot.
  {
    files: ['schema/**/*.ts'],
    ignores: ['schema/**/*.test.ts'],
    rules: restrict(
      [
        intoFolder('slack-bot', 'infra', 'test', 'local', 'graphql', 'slack', 'alerts', 'sweeper'),
        layerMessage('schema/', 'rules/ and the episode service (#episodes)'),
      ],
      [
        '^@slack/|^@aws-sdk/|^aws-cdk-lib|^constructs',
        layerMessage('schema/', 'rules/ and the episode service (#episodes)'),
      ],
    ),
  },
  // slack-bot/: the Bolt app. rules and the episode service's interface; never schema.
  {
    files: ['slack-bot/**/*.ts'],
    ignores: ['slack-bot/**/*.test.ts'],
    rules: restrict(
      [
        intoFolder('schema', 'infra', 'test', 'local', 'graphql', 'slack', 'alerts', 'sweeper'),
        layerMessage('slack-bot/', 'rules/ and the episode service (#episodes)'),
      ],
      [
        '^@pothos/|^graphql|^@aws-sdk/|^aws-cdk-lib|^constructs',
        layerMessage('slack-bot/', 'rules/ and the episode service (#episodes)'),
      ],
    ),
  },
  // Function entries wire things together: anything but infra.
  {
    files: ['functions/**/*.ts'],
    ignores: ['functions/episodes/**', 'functions/**/*.test.ts'],
    rules: restrict([
      intoFolder('infra', 'test'),
      layerMessage('functions/', 'rules/, schema/, slack-bot/ and the episode service'),
    ]),
  },
  // Entry files only wire: keep them short.
  {
    files: ['functions/*/handler.ts'],
    rules: { 'max-lines': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  // infra/: the CDK app. aws-cdk-lib, constructs, cdk-nag, and the two shared definitions it deploys.
  {
    files: ['infra/**/*.ts'],
    rules: restrict(
      [
        intoFolder('rules', 'schema', 'slack-bot', 'test'),
        layerMessage('infra/', 'aws-cdk-lib, constructs, cdk-nag and the table/route definitions'),
      ],
      [
        '^\\.{1,2}/(.*/)?functions/(?!episodes/table-definition\\.ts$|http-routes\\.ts$|live/table-definition\\.ts$|live/connection-url\\.ts$)',
        layerMessage('infra/', 'aws-cdk-lib, constructs, cdk-nag and the table/route definitions'),
      ],
      ['^#', layerMessage('infra/', 'aws-cdk-lib, constructs, cdk-nag and the table/route definitions')],
    ),
  },
  prettier,
);
