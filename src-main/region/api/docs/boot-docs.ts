// describe/'s docs for boot sources, selections and resources: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const bootResourcesDocs: OpDocs = {
  'GET':
    'List all boot resources.\n\n' +
    'param type:\n\n' +
    'Type of boot resources to list. Default: all',
  'POST':
    'Uploads a new boot resource.\n\n' +
    'param name:\n\n' +
    'Name of the boot resource.\n\n' +
    'param title:\n\n' +
    'Title for the boot resource.\n\n' +
    'param architecture:\n\n' +
    'Architecture the boot resource supports.\n\n' +
    'param filetype:\n\n' +
    'Filetype for uploaded content. (Default: tgz)\n\n' +
    'param content:\n\n' +
    'Image content. Note: this is not a normal parameter, but a file upload.',
  'POST import': 'Import the boot resources.',
};

export const bootResourceDocs: OpDocs = {
  'GET': 'Read a boot resource.',
  'DELETE': 'Delete boot resource.',
};

export const bootSourcesDocs: OpDocs = {
  'GET':
    'List boot sources.\n\n' +
    'Get a listing of boot sources.',
  'POST':
    'Create a new boot source.\n\n' +
    'param url:\n\n' +
    'The URL of the BootSource.\n\n' +
    'param keyring_filename:\n\n' +
    'The path to the keyring file for this BootSource.\n\n' +
    'param keyring_data:\n\n' +
    'The GPG keyring for this BootSource, base64-encoded.',
};

export const bootSourceDocs: OpDocs = {
  'GET': 'Read a boot source.',
  'PUT':
    'Update a specific boot source.\n\n' +
    'param url:\n\n' +
    'The URL of the BootSource.\n\n' +
    'param keyring_filename:\n\n' +
    'The path to the keyring file for this BootSource.\n\n' +
    'param keyring_filename:\n\n' +
    'The GPG keyring for this BootSource, base64-encoded data.',
  'DELETE': 'Delete a specific boot source.',
};

export const bootSourceSelectionsDocs: OpDocs = {
  'GET':
    'List boot source selections.\n\n' +
    'Get a listing of a boot source’s selections.',
  'POST':
    'Create a new boot source selection.\n\n' +
    'param release:\n\n' +
    'The release for which to import resources.\n\n' +
    'param arches:\n\n' +
    'The architecture list for which to import resources.\n\n' +
    'param subarches:\n\n' +
    'The subarchitecture list for which to import resources.\n\n' +
    'param labels:\n\n' +
    'The label lists for which to import resources.',
};

export const bootSourceSelectionDocs: OpDocs = {
  'GET': 'Read a boot source selection.',
  'PUT':
    'Update a specific boot source selection.\n\n' +
    'param release:\n\n' +
    'The release for which to import resources.\n\n' +
    'param arches:\n\n' +
    'The list of architectures for which to import resources.\n\n' +
    'param subarches:\n\n' +
    'The list of subarchitectures for which to import resources.\n\n' +
    'param labels:\n\n' +
    'The list of labels for which to import resources.',
  'DELETE': 'Delete a specific boot source.',
};

export const bootResourceUploadDocs: OpDocs = {
  'PUT': 'Upload piece of boot resource file.\n\n' +
    'The body is the next bytes of the file (application/octet-stream), for a file created by POST boot-resources/ with ' +
    'sha256 and size but no content. When the last byte arrives the SHA-256 is checked; on a mismatch the file starts again ' +
    '(MAAS kept the bad bytes).',
};
