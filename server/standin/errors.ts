// The stand-in's errors, in InfluxDB's words. Every failure it reports is an InfluxError (../influx-error.ts, shared
// with the app server), so the one error handler in app.ts can answer it.
import { InfluxError } from '../influx-error';

export const invalid = (message: string) => new InfluxError('invalid', message);
export const notFound = (message: string) => new InfluxError('not found', message);
export const unauthorized = (message: string) => new InfluxError('unauthorized', message);
export const forbidden = (message: string) => new InfluxError('forbidden', message);

/** What the real server answers for a missing, malformed or unknown token. */
export const unauthorizedAccess = () => unauthorized('unauthorized access');
export const tokenInactive = () => unauthorized('token is inactive');
export const authorizationNotFound = () => notFound('authorization not found');
