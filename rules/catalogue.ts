import type { RuleDefinition } from './core/index.ts';
import { RULESET } from './core/index.ts';
import { apheresisDefinitions } from './apheresis/index.ts';
import { carePlanDefinitions } from './care-plan/index.ts';
import { crsDefinitions } from './crs/index.ts';
import { doseSafetyDefinitions } from './dose-safety/index.ts';
import { eligibilityDefinitions } from './eligibility/index.ts';
import { escalationDefinitions } from './escalation/index.ts';
import { followUpDefinitions } from './follow-up/index.ts';
import { icansDefinitions } from './icans/index.ts';
import { handoffDefinitions } from './handoff/index.ts';
import { immunoglobulinDefinitions } from './immunoglobulin/index.ts';
import { indicationsDefinitions } from './indications/index.ts';
import { infectionDefinitions } from './infection/index.ts';
import { infusionDefinitions } from './infusion/index.ts';
import { lymphodepletionDefinitions } from './lymphodepletion/index.ts';
import { maintenanceDefinitions } from './maintenance/index.ts';
import { referenceDefinitions } from './reference/index.ts';
import { relapseDefinitions } from './relapse/index.ts';
import { responseDefinitions } from './response/index.ts';
import { supportiveCareDefinitions } from './supportive-care/index.ts';
import { timelineDefinitions } from './timeline/index.ts';
import { tocilizumabDefinitions } from './tocilizumab/index.ts';

/** Every rule the package implements, in the order of the consensus, with its citation. */
export const ruleCatalogue: readonly RuleDefinition[] = [
  ...eligibilityDefinitions,
  ...indicationsDefinitions,
  ...apheresisDefinitions,
  ...lymphodepletionDefinitions,
  ...infusionDefinitions,
  ...responseDefinitions,
  ...crsDefinitions,
  ...tocilizumabDefinitions,
  ...doseSafetyDefinitions,
  ...icansDefinitions,
  ...infectionDefinitions,
  ...immunoglobulinDefinitions,
  ...supportiveCareDefinitions,
  ...maintenanceDefinitions,
  ...relapseDefinitions,
  ...followUpDefinitions,
  ...carePlanDefinitions,
  ...referenceDefinitions,
  ...escalationDefinitions,
  ...timelineDefinitions,
  ...handoffDefinitions,
];

const cell = (value: string): string => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/rules.md: the catalogue as a Markdown table (generated; a test keeps it in step with the code). */
export const renderRuleCatalogue = (): string =>
  [
    '# Rules catalogue',
    '',
    `Generated from \`rules/\` (ruleset \`${RULESET.ref}\`) by \`npm run docs:rules\`; do not edit by hand.`,
    `Source: ${RULESET.title.en} (${RULESET.title.zh}), DOI ${RULESET.doi}; grading definitions from ASTCT 2019.`,
    '',
    `${ruleCatalogue.length} rules.`,
    '',
    '| id | summary | 摘要 | citation |',
    '|---|---|---|---|',
    ...ruleCatalogue.map(
      (rule) =>
        `| ${rule.id} | ${cell(rule.summary.en)} | ${cell(rule.summary.zh)} | ${rule.citation.source} ${cell(rule.citation.section)} |`,
    ),
    '',
  ].join('\n');
