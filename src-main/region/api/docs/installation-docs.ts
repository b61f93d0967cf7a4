// describe/'s docs for commissioning and installation results: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const nodeResultsDocs: OpDocs = {
  'GET list':
    'List NodeResult visible to the user, optionally filtered.\n\n' +
    'param system_id:\n\n' +
    'An optional list of system ids. Only the results related to the nodes with these system ids will be returned.\n\n' +
    'type system_id:\n\n' +
    'iterable\n\n' +
    'param name:\n\n' +
    'An optional list of names. Only the results with the specified names will be returned.\n\n' +
    'type name:\n\n' +
    'iterable\n\n' +
    'param result_type:\n\n' +
    'An optional result_type. Only the results with the specified result_type will be returned.\n\n' +
    'type name:\n\n' +
    'iterable',
};
