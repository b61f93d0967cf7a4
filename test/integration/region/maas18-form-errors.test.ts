// An invalid form answers as MAAS 1.8 did (maasserver/middleware.py, ExceptionMiddleware
// .process_exception: a ValidationError with a message_dict becomes HttpResponseBadRequest of
// json.dumps(message_dict), content_type application/json).
import { expect, test } from 'vitest';
import { client, testRegion } from './helpers';
import { fieldError, formErrors } from '../../../src-main/region/api/form';

test('form helper: one field or a whole form, each field a list of messages', () => {
  expect(fieldError('name', 'This field is required.').fields).toEqual({ name: ['This field is required.'] });
  const e = formErrors({ ip: ['bad'], netmask: ['worse', 'worst'] });
  expect(e.status).toBe(400);
  expect(e.fields).toEqual({ ip: ['bad'], netmask: ['worse', 'worst'] });
  expect(e.message).toBe('ip: bad; netmask: worse worst');
});

test('ExceptionMiddleware.process_exception: an invalid form is 400 application/json {"field": ["message"]}', async () => {
  const region = await testRegion();
  const admin = client(region);
  const r = await admin('networks/', { multipart: { name: 'n2', ip: '10.3.0.0' } });
  expect(r.status).toBe(400);
  expect(r.type).toBe('application/json');
  expect(r.json()).toEqual({ netmask: ['This field is required.'] });
  // A failure that is not a form's stays text/plain, as MAAS's MAASAPIBadRequest did.
  const other = await admin('nodes/', { query: { op: 'nonsense' } });
  expect(other.status).toBe(400);
  expect(other.type).toMatch(/^text\/plain/);
});
