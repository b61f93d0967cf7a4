// describe/'s docs for commissioning scripts: the MAAS 1.8 API page's text for each action
// (test/fixtures/spec/maas-1.8-api.md; describe-docs.test.ts holds them equal to it).
import type { OpDocs } from '../../http/context';

export const commissioningScriptsDocs: OpDocs = {
  'GET': 'List commissioning scripts.',
  'POST':
    'Create a new commissioning script.\n\n' +
    'Each commissioning script is identified by a unique name.\n\n' +
    'By convention the name should consist of a two-digit number, a dash, and a brief descriptive identifier consisting only of ASCII characters. You don’t need to follow this convention, but not doing so opens you up to risks w.r.t. encoding and ordering. The name must not contain any whitespace, quotes, or apostrophes.\n\n' +
    'A commissioning node will run each of the scripts in lexicographical order. There are no promises about how non-ASCII characters are sorted, or even how upper-case letters are sorted relative to lower-case letters. So where ordering matters, use unique numbers.\n\n' +
    'Scripts built into MAAS will have names starting with “00-maas” or “99-maas” to ensure that they run first or last, respectively.\n\n' +
    'Usually a commissioning script will be just that, a script. Ideally a script should be ASCII text to avoid any confusion over encoding. But in some cases a commissioning script might consist of a binary tool provided by a hardware vendor. Either way, the script gets passed to the commissioning node in the exact form in which it was uploaded.\n\n' +
    'param name:\n\n' +
    'Unique identifying name for the script. Names should follow the pattern of “25-burn-in-hard-disk” (all ASCII, and with numbers greater than zero, and generally no “weird” characters).\n\n' +
    'param content:\n\n' +
    'A script file, to be uploaded in binary form. Note: this is not a normal parameter, but a file upload. Its filename is ignored; MAAS will know it by the name you pass to the request.',
};

export const commissioningScriptDocs: OpDocs = {
  'GET': 'Read a commissioning script.',
  'PUT': 'Update a commissioning script.',
  'DELETE': 'Delete a commissioning script.',
};
