import { describe, expect, it } from 'vitest';
import { isCompressibleType, isLoopbackClient, preferredEncoding } from './content-encoding';

describe('preferredEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.1, gzip;q=1', 'br'], // our order wins among acceptable ones: br is smaller and as cheap to send
    ['*', 'br'],
    ['*;q=0', null],
    ['*, br;q=0', 'gzip'],
    ['identity', null],
    ['', null],
    ['GZIP', 'gzip'],
    ['gzip;q=0', null],
    ['gzip;q=nonsense', null],
  ])('%j → %s', (header, expected) => {
    expect(preferredEncoding(header, ['br', 'gzip'])).toBe(expected);
  });

  it('offers only what exists', () => {
    expect(preferredEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(preferredEncoding('br', ['gzip'])).toBeNull();
    expect(preferredEncoding(undefined, ['br', 'gzip'])).toBeNull();
  });
});

describe('isLoopbackClient', () => {
  it.each([
    ['127.0.0.1', true],
    ['::ffff:127.0.0.1', true],
    ['::1', true],
    ['127.3.2.1', true],
    ['10.0.0.7', false],
    ['::ffff:192.168.1.20', false],
    ['2001:db8::1', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopbackClient(address)).toBe(expected);
  });
});

describe('isCompressibleType', () => {
  it.each([
    ['application/json; charset=utf-8', true],
    ['text/html', true],
    ['image/svg+xml', true],
    ['application/problem+json', true],
    ['image/png', false],
    ['font/woff2', false],
    [undefined, false],
  ])('%s → %s', (type, expected) => {
    expect(isCompressibleType(type)).toBe(expected);
  });
});
