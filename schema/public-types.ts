/**
 * Registers the public calculators' types on the builder: the scalars, the health check, the
 * reference data and every rule calculator (the operations of schema/public-operations.ts).
 * schema/index.ts adds the episodes' types after these; schema/public.ts builds these alone.
 */
import './types/scalars.ts';
import './types/health.ts';
import './types/calculator-crs.ts';
import './types/calculator-icans.ts';
import './types/calculator-tocilizumab.ts';
import './types/calculator-lymphodepletion.ts';
import './types/reference-data.ts';
import './types/calculator-follow-up.ts';
import './types/calculator-eligibility.ts';
import './types/calculator-apheresis.ts';
import './types/calculator-infusion.ts';
import './types/calculator-immunoglobulin.ts';
import './types/calculator-relapse.ts';
import './types/calculator-infection.ts';
import './types/calculator-seizure-prophylaxis.ts';
import './types/calculator-cell-dose.ts';
import './types/calculator-premedication.ts';
import './types/calculator-response.ts';
import './types/calculator-maintenance.ts';
import './types/calculator-indication.ts';
import './types/calculator-crs-suspicion.ts';
import './types/calculator-hlh.ts';
import './types/calculator-care-plan.ts';
