// describe/'s docs for account/ (the logged-in user, SSH and SSL keys): the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const accountDocs: OpDocs = {
  'POST create_authorisation_token':
    'Create an authorisation OAuth token and OAuth consumer.\n\n' +
    'return:\n\n' +
    'a json dict with three keys: ‘token_key’, ‘token_secret’ and ‘consumer_key’ (e.g. {token_key: ‘s65244576fgqs’, token_secret: ‘qsdfdhv34’, consumer_key: ‘68543fhj854fg’}).\n\n' +
    'rtype:\n\n' +
    'string (json)',
  'POST delete_authorisation_token':
    'Delete an authorisation OAuth token and the related OAuth consumer.\n\n' +
    'param token_key:\n\n' +
    'The key of the token to be deleted.\n\n' +
    'type token_key:\n\n' +
    'unicode',
};

export const sshKeysDocs: OpDocs = {
  'GET list': 'List all keys belonging to the requesting user.',
  'POST new':
    'Add a new SSH key to the requesting user’s account.\n\n' +
    'The request payload should contain the public SSH key data in form data whose name is “key”.',
};

export const sshKeyDocs: OpDocs = {
  'GET':
    'GET an SSH key.\n\n' +
    'Returns 404 if the key does not exist.',
  'DELETE':
    'DELETE an SSH key.\n\n' +
    'Returns 404 if the key does not exist. Returns 401 if the key does not belong to the calling user.',
  'POST delete':
    'DELETE an SSH key.\n\n' +
    'Returns 404 if the key does not exist. Returns 401 if the key does not belong to the calling user.',
};

export const sslKeysDocs: OpDocs = {
  'GET list': 'List all keys belonging to the requesting user.',
  'POST new':
    'Add a new SSL key to the requesting user’s account.\n\n' +
    'The request payload should contain the SSL key data in form data whose name is “key”.',
};

export const sslKeyDocs: OpDocs = {
  'GET':
    'GET an SSL key.\n\n' +
    'Returns 404 if the keyid is not found. Returns 401 if the key does not belong to the requesting user.',
  'DELETE':
    'DELETE an SSL key.\n\n' +
    'Returns 401 if the key does not belong to the requesting user. Returns 204 if the key is successfully deleted.',
  'GET delete':
    'DELETE an SSL key.\n\n' +
    'Returns 401 if the key does not belong to the requesting user. Returns 204 if the key is successfully deleted.',
};
