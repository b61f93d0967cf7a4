// describe/'s docs for tags: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

/** Paragraphs the API page repeats word for word in more than one action. */
const TAG_FIELDS = [
  'param name:',
  'The name of the Tag to be created. This should be a short name, and will be used in the URL of the tag.',
  'param comment:',
  'A long form description of what the tag is meant for. It is meant as a human readable description of the tag.',
  'param definition:',
  'An XPATH query that will be evaluated against the hardware_details stored for all nodes (output of lshw -xml).',
].join('\n\n');

export const tagsDocs: OpDocs = {
  'GET list':
    'List Tags.\n\n' +
    'Get a listing of all tags that are currently defined.',
  'POST new': [
    'Create a new Tag.',
    TAG_FIELDS,
    'param kernel_opts:',
    'Can be None. If set, nodes associated with this tag will add this string to their kernel options when booting. The value overrides the global ‘kernel_opts’ setting. If more than one tag is associated with a node, the one with the lowest alphabetical name will be picked (eg 01-my-tag will be taken over 99-tag-name).',
    'Returns 401 if the user is not an admin.',
  ].join('\n\n'),
};

export const tagDocs: OpDocs = {
  'GET':
    'Read a specific Tag.\n\n' +
    'Returns 404 if the tag is not found.',
  'PUT': [
    'Update a specific Tag.',
    TAG_FIELDS,
    'Returns 404 if the tag is not found.',
  ].join('\n\n'),
  'DELETE':
    'Delete a specific Tag.\n\n' +
    'Returns 404 if the tag is not found. Returns 204 if the tag is successfully deleted.',
  'GET nodes':
    'Get the list of nodes that have this tag.\n\n' +
    'Returns 404 if the tag is not found.',
  'POST rebuild':
    'Manually trigger a rebuild the tag <=> node mapping.\n\n' +
    'This is considered a maintenance operation, which should normally not be necessary. Adding nodes or updating a tag’s definition should automatically trigger the appropriate changes.\n\n' +
    'Returns 404 if the tag is not found.',
  'POST update_nodes':
    'Add or remove nodes being associated with this tag.\n\n' +
    'param add:\n\n' +
    'system_ids of nodes to add to this tag.\n\n' +
    'param remove:\n\n' +
    'system_ids of nodes to remove from this tag.\n\n' +
    'param definition:\n\n' +
    '(optional) If supplied, the definition will be validated against the current definition of the tag. If the value does not match, then the update will be dropped (assuming this was just a case of a worker being out-of-date)\n\n' +
    'param nodegroup:\n\n' +
    'A uuid of a nodegroup being processed. This value is optional. If not supplied, the requester must be a superuser. If supplied, then the requester must be the worker associated with that nodegroup, and only nodes that are part of that nodegroup can be updated.\n\n' +
    'Returns 404 if the tag is not found. Returns 401 if the user does not have permission to update the nodes. Returns 409 if ‘definition’ doesn’t match the current definition.',
};
