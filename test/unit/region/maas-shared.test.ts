import { describe, expect, test } from 'vitest';
import {
  NodeStatus as S, NODE_TRANSITIONS, api1LegacyStatus, canTransition, displayStatus, normaliseMac, parseNodeStatus,
  realStatusOfApi1, tagNameProblem,
} from '../../../src-shared/maas/index';

describe('node statuses', () => {
  test('0–22 have MAAS display names', () => {
    expect(displayStatus(0)).toBe('New');
    expect(displayStatus(13)).toBe('Releasing failed');
    expect(displayStatus(22)).toBe('Failed testing');
    expect(displayStatus(99)).toBe('Unknown (99)');
    expect(parseNodeStatus('failed deployment')).toBe(S.FAILED_DEPLOYMENT);
    expect(parseNodeStatus('DISK_ERASING')).toBe(S.DISK_ERASING);
  });

  test('API 1.0 folds 6 and 9–15 into status 6; substatus keeps the real one', () => {
    for (const real of [6, 9, 10, 11, 12, 13, 14, 15] as const) expect(api1LegacyStatus(real)).toBe(6);
    for (const real of [0, 1, 2, 3, 4, 5, 7, 8] as const) expect(api1LegacyStatus(real)).toBe(real);
    expect(realStatusOfApi1({ status: 6, substatus: 10 })).toBe(10);
    expect(realStatusOfApi1({ status: 4 })).toBe(4);
  });

  test('transitions follow MAAS 1.x NODE_TRANSITIONS', () => {
    expect(canTransition(null, S.NEW)).toBe(true);
    expect(canTransition(null, S.READY)).toBe(false);
    expect(canTransition(S.NEW, S.COMMISSIONING)).toBe(true);
    expect(canTransition(S.NEW, S.ALLOCATED)).toBe(false);
    expect(canTransition(S.ALLOCATED, S.DEPLOYING)).toBe(true);
    expect(canTransition(S.DEPLOYED, S.DEPLOYING)).toBe(false);
    expect(canTransition(S.FAILED_DISK_ERASING, S.ALLOCATED)).toBe(true);
    // Every 1.x state has a row, and every target is a 1.x state.
    for (let s = 0; s <= 15; s++) expect(NODE_TRANSITIONS[s as 0]).toBeDefined();
    for (const targets of Object.values(NODE_TRANSITIONS)) for (const t of targets!) expect(t).toBeLessThanOrEqual(15);
  });
});

describe('MAC addresses', () => {
  test.each([
    ['AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff'],
    ['aa-bb-cc-dd-ee-ff', 'aa:bb:cc:dd:ee:ff'],
    ['aabbccddeeff', 'aa:bb:cc:dd:ee:ff'],
    ['aabb.ccdd.eeff', 'aa:bb:cc:dd:ee:ff'],
    [' 52:54:00:12:34:56 ', '52:54:00:12:34:56'],
  ])('%s → %s', (raw, want) => expect(normaliseMac(raw)).toBe(want));

  test.each(['', 'aa:bb:cc:dd:ee', 'aa:bb-cc:dd:ee:ff', 'gg:bb:cc:dd:ee:ff', 'aa:bb:cc:dd:ee:ff:00', 'x'])('%j is refused', (raw) =>
    expect(normaliseMac(raw)).toBeNull());
});

describe('tag names', () => {
  test('MAAS rule: ^[a-zA-Z0-9_-]+$, at most 256', () => {
    expect(tagNameProblem('gpu_big-1')).toBeNull();
    expect(tagNameProblem('')).toMatch(/empty/);
    expect(tagNameProblem('has space')).toMatch(/letters/);
    expect(tagNameProblem('a/b')).toMatch(/letters/);
    expect(tagNameProblem('x'.repeat(257))).toMatch(/256/);
  });
});
