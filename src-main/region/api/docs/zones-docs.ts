// describe/'s docs for zones: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const zonesDocs: OpDocs = {
  'GET':
    'List zones.\n\n' +
    'Get a listing of all the physical zones.',
  'POST':
    'Create a new physical zone.\n\n' +
    'param name:\n\n' +
    'Identifier-style name for the new zone.\n\n' +
    'type name:\n\n' +
    'unicode\n\n' +
    'param description:\n\n' +
    'Free-form description of the new zone.\n\n' +
    'type description:\n\n' +
    'unicode',
};

export const zoneDocs: OpDocs = {
  'GET':
    'GET request. Return zone.\n\n' +
    'Returns 404 if the zone is not found.',
  'PUT':
    'PUT request. Update zone.\n\n' +
    'Returns 404 if the zone is not found.',
  'DELETE':
    'DELETE request. Delete zone.\n\n' +
    'Returns 404 if the zone is not found. Returns 204 if the zone is successfully deleted.',
};
