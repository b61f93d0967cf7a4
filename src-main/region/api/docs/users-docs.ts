// describe/'s docs for users: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const usersDocs: OpDocs = {
  'GET': 'List users.',
  'POST':
    'Create a MAAS user account.\n\n' +
    'This is not safe: the password is sent in plaintext. Avoid it for production, unless you are confident that you can prevent eavesdroppers from observing the request.\n\n' +
    'param username:\n\n' +
    'Identifier-style username for the new user.\n\n' +
    'type username:\n\n' +
    'unicode\n\n' +
    'param email:\n\n' +
    'Email address for the new user.\n\n' +
    'type email:\n\n' +
    'unicode\n\n' +
    'param password:\n\n' +
    'Password for the new user.\n\n' +
    'type password:\n\n' +
    'unicode\n\n' +
    'param is_superuser:\n\n' +
    'Whether the new user is to be an administrator.\n\n' +
    'type is_superuser:\n\n' +
    'bool (‘0’ for False, ‘1’ for True)\n\n' +
    'Returns 400 if any mandatory parameters are missing.',
};

export const userDocs: OpDocs = {
  'GET': 'Read a user account (username, email, is_superuser).',
  'DELETE': 'Delete a user account (admin only; not your own).',
};
