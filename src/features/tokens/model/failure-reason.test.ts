import { describe, expect, it } from 'vitest';
import { InfluxApiError } from '../../../../core/influx-client';
import { failureReason, outcomeUnknown } from './failure-reason';

describe('failureReason', () => {
  it('names InfluxDB and the status for its own server errors', () => {
    const error = new InfluxApiError(503, 'unavailable', 'service unavailable: the storage engine is restarting');
    expect(failureReason(error)).toBe(
      'InfluxDB answered HTTP 503: service unavailable: the storage engine is restarting',
    );
  });

  it("keeps the app server's account of an unreachable or slow InfluxDB as it is", () => {
    const message =
      'InfluxDB at http://127.0.0.1:8086 is unreachable: connection refused (is it running, and on that port?)';
    expect(failureReason(new InfluxApiError(502, 'unavailable', message))).toBe(message);
  });

  it('keeps a network failure as it is', () => {
    expect(failureReason(new InfluxApiError(0, 'unavailable', 'Could not reach the server: Failed to fetch'))).toBe(
      'Could not reach the server: Failed to fetch',
    );
  });

  it('adds the status to a refusal', () => {
    expect(failureReason(new InfluxApiError(404, 'not found', 'authorization not found'))).toBe(
      'authorization not found (HTTP 404)',
    );
  });

  it('falls back to the message of any other error', () => {
    expect(failureReason(new TypeError('boom'))).toBe('boom');
    expect(failureReason('odd')).toBe('odd');
  });
});

describe('outcomeUnknown', () => {
  it('is true when no complete answer came or the app server stopped waiting', () => {
    expect(outcomeUnknown(new InfluxApiError(0, 'unavailable', 'cut off'))).toBe(true);
    expect(outcomeUnknown(new InfluxApiError(504, 'unavailable', 'did not answer within 30000 ms'))).toBe(true);
  });

  it('is false when InfluxDB answered, or could not be reached at all', () => {
    expect(outcomeUnknown(new InfluxApiError(503, 'unavailable', 'service unavailable'))).toBe(false);
    expect(outcomeUnknown(new InfluxApiError(502, 'unavailable', 'connection refused'))).toBe(false);
    expect(outcomeUnknown(new InfluxApiError(404, 'not found', 'authorization not found'))).toBe(false);
  });
});
