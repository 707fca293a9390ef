import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger per function. Log ids and grades, never patient identifiers beyond the
 * pseudonymous episode id, never free text typed by clinicians.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'cart-oncall' });
