// describe/'s docs for events: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const eventsDocs: OpDocs = {
  'GET query':
    'List Node events, optionally filtered by various criteria via URL query parameters.\n\n' +
    'param hostname:\n\n' +
    'An optional hostname. Only events relating to the node with the matching hostname will be returned. This can be specified multiple times to get events relating to more than one node.\n\n' +
    'param mac_address:\n\n' +
    'An optional list of MAC addresses. Only nodes with matching MAC addresses will be returned.\n\n' +
    'param id:\n\n' +
    'An optional list of system ids. Only nodes with matching system ids will be returned.\n\n' +
    'param zone:\n\n' +
    'An optional name for a physical zone. Only nodes in the zone will be returned.\n\n' +
    'param agent_name:\n\n' +
    'An optional agent name. Only nodes with matching agent names will be returned.\n\n' +
    'param level:\n\n' +
    'Desired minimum log level of returned events. Returns this level of events and greater. Choose from: DEBUG, INFO, WARNING, CRITICAL, ERROR. The default is INFO.',
};
