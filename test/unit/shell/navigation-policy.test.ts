import { expect, test } from 'vitest';
import { judgeNavigation } from '../../../src-main/ipc/navigation-policy';

const fileApp = 'file:///opt/maas-console/resources/app.asar/out/renderer/index.html';
const devApp = 'http://localhost:5173/';

test('the app itself may load; everything else is refused or sent to the browser', () => {
  expect(judgeNavigation(fileApp + '#/tags', fileApp)).toBe('allow');
  expect(judgeNavigation('file:///etc/passwd', fileApp)).toBe('deny');
  expect(judgeNavigation('https://maas.io/docs', fileApp)).toBe('open-external');
  expect(judgeNavigation('http://10.0.0.2:5240/MAAS/', fileApp)).toBe('open-external');
  expect(judgeNavigation('javascript:alert(1)', fileApp)).toBe('deny');
  expect(judgeNavigation('data:text/html,hi', fileApp)).toBe('deny');
  expect(judgeNavigation('not a url', fileApp)).toBe('deny');
  expect(judgeNavigation('http://localhost:5173/#/events', devApp)).toBe('allow');
  expect(judgeNavigation('http://localhost:5174/', devApp)).toBe('open-external');
});
