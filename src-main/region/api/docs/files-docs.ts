// describe/'s docs for files: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const filesDocs: OpDocs = {
  'GET list':
    'List the files from the file storage.\n\n' +
    'The returned files are ordered by file name and the content is excluded.\n\n' +
    'param prefix:\n\n' +
    'Optional prefix used to filter out the returned files.\n\n' +
    'type prefix:\n\n' +
    'string',
  'GET get':
    'Get a named file from the file storage.\n\n' +
    'param filename:\n\n' +
    'The exact name of the file you want to get.\n\n' +
    'type filename:\n\n' +
    'string\n\n' +
    'return:\n\n' +
    'The file is returned in the response content.',
  'GET get_by_key':
    'Get a file from the file storage using its key.\n\n' +
    'param key:\n\n' +
    'The exact key of the file you want to get.\n\n' +
    'type key:\n\n' +
    'string\n\n' +
    'return:\n\n' +
    'The file is returned in the response content.',
  'POST add':
    'Add a new file to the file storage.\n\n' +
    'param filename:\n\n' +
    'The file name to use in the storage.\n\n' +
    'type filename:\n\n' +
    'string\n\n' +
    'param file:\n\n' +
    'Actual file data with content type application/octet-stream\n\n' +
    'Returns 400 if any of these conditions apply: :   -   The filename is missing from the parameters -   The file data is missing -   More than one file is supplied',
};

export const fileDocs: OpDocs = {
  'GET':
    'GET a FileStorage object as a json object.\n\n' +
    'The ‘content’ of the file is base64-encoded.',
  'DELETE': 'Delete a FileStorage object.',
  'POST delete': 'Delete a FileStorage object.',
};
