// describe/'s docs for license keys: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

/** Paragraphs the API page repeats word for word in more than one action. */
const LICENSE_KEY_FIELDS = [
  'param osystem:',
  'Operating system that the key belongs to.',
  'param distro_series:',
  'OS release that the key belongs to.',
  'param license_key:',
  'License key for osystem/distro_series combo.',
].join('\n\n');

export const licenseKeysDocs: OpDocs = {
  'GET': 'List license keys.',
  'POST': [
    'Define a license key.',
    LICENSE_KEY_FIELDS,
  ].join('\n\n'),
};

export const licenseKeyDocs: OpDocs = {
  'GET': 'Read license key.',
  'PUT': [
    'Update license key.',
    LICENSE_KEY_FIELDS,
  ].join('\n\n'),
  'DELETE': 'Delete license key.',
};
