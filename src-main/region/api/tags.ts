// tags/ and tags/{name}/ (MAAS 1.8 TagsHandler / TagHandler). Definitions are compiled
// when saved (400 "Invalid xpath expression…"); membership of defined tags is rebuilt in
// the background; manual tags (empty definition) change only through op=update_nodes.
import { tagNameProblem, type Api1Tag } from '../../../src-shared/maas/index';
import { badRequest, conflict, notFound, unavailable } from '../http/errors';
import { json, noContent, type Ctx, type OpTable } from '../http/context';
import { clip } from '../http/params';
import type { RegionCore } from '../region-core';
import { findNodes } from '../stores/node-query';
import type { TagRow } from '../stores/tags-store';
import { requireAdmin, userOf } from './access';
import { list, nodesByIds } from './lookup';
import { nodesJson } from './node-json';

export const tagJson = (t: TagRow): Api1Tag => ({
  name: t.name, definition: t.definition, comment: t.comment, kernel_opts: t.kernel_opts,
  resource_uri: `/MAAS/api/1.0/tags/${encodeURIComponent(t.name)}/`,
});

async function checkDefinition(core: RegionCore, definition: string): Promise<void> {
  if (definition === '') return;
  if (definition.length > 10_000) throw badRequest('Invalid xpath expression: the definition is longer than 10000 characters.');
  if (!core.tagEngine) throw unavailable('Tag definitions cannot be checked: this region has no XPath engine.');
  const r = await core.tagEngine.checkDefinition(definition);
  if (!r.ok) throw badRequest(`Invalid xpath expression: ${r.message}`);
}

function checkName(core: RegionCore, name: string, self?: TagRow): void {
  const problem = tagNameProblem(name);
  if (problem) throw badRequest(`name: ${problem}`);
  const other = core.tags.byName(name);
  if (other && other.id !== self?.id) throw badRequest('name: Tag with this Name already exists.');
}

const text = (ctx: Ctx, name: string, max = 10_000): string | undefined => {
  const v = ctx.params.get(name);
  if (v !== undefined && v.length > max) throw badRequest(`${name}: at most ${max} characters.`);
  return v;
};

export function tagsOps(core: RegionCore): OpTable {
  return {
    'GET list': (ctx) => {
      userOf(ctx);
      return json(core.tags.list().map(tagJson));
    },
    'POST new': async (ctx) => {
      requireAdmin(ctx, 'Creating tags');
      const name = ctx.params.get('name')?.trim() ?? '';
      const definition = (text(ctx, 'definition') ?? '').trim();
      checkName(core, name);
      await checkDefinition(core, definition);
      const tag = core.tx(() => {
        checkName(core, name); // again: another request may have taken it while we awaited
        return core.tags.insert({ name, definition, comment: text(ctx, 'comment') ?? '', kernel_opts: text(ctx, 'kernel_opts', 4096) ?? '' });
      });
      if (definition) core.rebuilder?.tag(tag.id);
      return json(tagJson(tag));
    },
  };
}

export function tagOps(core: RegionCore): OpTable {
  const tag = (ctx: Ctx): TagRow => {
    userOf(ctx);
    const t = core.tags.byName(ctx.args[0]);
    if (!t) throw notFound(`Tag ${clip(ctx.args[0])}`);
    return t;
  };
  return {
    GET: (ctx) => json(tagJson(tag(ctx))),
    PUT: async (ctx) => {
      requireAdmin(ctx, 'Changing tags');
      const t = tag(ctx);
      const name = ctx.params.get('name')?.trim();
      if (name !== undefined) checkName(core, name, t);
      const definition = text(ctx, 'definition')?.trim();
      if (definition !== undefined && definition !== t.definition) await checkDefinition(core, definition);
      core.tx(() => {
        if (name !== undefined) checkName(core, name, t);
        core.tags.update(t.id, {
          ...(name !== undefined && { name }), ...(definition !== undefined && { definition }),
          ...(ctx.params.has('comment') && { comment: text(ctx, 'comment') ?? '' }),
          ...(ctx.params.has('kernel_opts') && { kernel_opts: text(ctx, 'kernel_opts', 4096) ?? '' }),
        });
      });
      if (definition && definition !== t.definition) core.rebuilder?.tag(t.id);
      return json(tagJson(core.tags.byId(t.id)!));
    },
    DELETE: (ctx) => {
      requireAdmin(ctx, 'Deleting tags');
      const t = tag(ctx);
      core.tx(() => core.tags.delete(t.id));
      return noContent();
    },
    'GET nodes': (ctx) => {
      const t = tag(ctx);
      const u = userOf(ctx);
      const ids = core.tags.memberIds(t.id);
      const rows = findNodes(core.db, { installable: true, visibleToUserId: u.isSuperuser ? null : u.id })
        .filter((n) => ids.has(n.id));
      return json(nodesJson(core.db, rows));
    },
    'POST rebuild': (ctx) => {
      requireAdmin(ctx, 'Rebuilding tags');
      const t = tag(ctx);
      if (!t.definition) throw badRequest(`Tag '${t.name}' has no definition: it is a manual tag, changed only with op=update_nodes.`);
      core.rebuilder?.tag(t.id);
      return json({ rebuilding: t.name });
    },
    'POST update_nodes': (ctx) => {
      requireAdmin(ctx, 'Changing the nodes of a tag');
      const t = tag(ctx);
      const nodegroup = ctx.params.get('nodegroup');
      if (nodegroup && nodegroup !== core.nodegroupUuid) throw badRequest(`nodegroup: no cluster "${clip(nodegroup)}".`);
      const expected = ctx.params.get('definition');
      if (expected !== undefined && expected !== t.definition) {
        throw conflict(`Definition supplied '${clip(expected)}' doesn't match current definition '${clip(t.definition)}'`);
      }
      const add = nodesByIds(core, list(ctx.params, 'add'));
      const remove = nodesByIds(core, list(ctx.params, 'remove'));
      const counts = core.tx(() => ({
        added: add.filter((n) => core.tag(t.id, t.name, n.id)).length,
        removed: remove.filter((n) => core.untag(t.id, t.name, n.id)).length,
      }));
      return json(counts);
    },
  };
}
