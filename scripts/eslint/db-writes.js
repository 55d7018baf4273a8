/**
 * `skhod/db-writes`: one write path — docs/ARCHITECTURE.md «1. Layers». Every write goes through a repository
 * in renderer/db (one `rw` transaction, changes recorded by putTracked/deleteTracked), so outside renderer/db the
 * rule reports a Dexie write reached through a database handle (`ctx.db.people.put(…)`, `db.table(t).bulkPut(…)`,
 * `ctx.db.changes.where(…).delete()`, `ctx.db.transaction('rw', …)`), whatever its import. With `{ reads: true }`
 * (renderer/features) it also reports any use of a table or method on the handle (`ctx.db.changes.count()`):
 * features read through renderer/hooks and the repositories. Passing the handle itself on (`whenSettled(ctx.db, …)`,
 * a dependency list) is not a use.
 *
 * `skhod/change-log-reads`, everywhere but renderer/db/change-pages.ts: reports reading the change log's entries
 * as values (`db.changes.where(…).toArray()`, `.bulkGet`, `.get`, `.each`, `.sortBy`): an entry may be a page of
 * many changes, and only change-pages.ts turns entries into changes. Key-only reads (`count`, `last()?.hlc`,
 * `primaryKeys`, `uniqueKeys`) stay allowed: a page's key is its newest change's stamp.
 */
const WRITES = new Set(['put', 'add', 'bulkPut', 'bulkAdd', 'bulkDelete', 'bulkUpdate', 'delete', 'update', 'modify', 'clear']);

const VALUE_READS = new Set(['toArray', 'each', 'sortBy', 'bulkGet', 'get']);

const message = {
  changeRead: 'журнал изменений читается только через renderer/db/change-pages.ts (запись журнала может быть страницей из многих изменений)',
  write: 'запись в базу «{{method}}» мимо репозитория — пишите через функцию в renderer/db/repo (одна транзакция, изменение попадает в журнал)',
  transaction: 'транзакция записи мимо репозитория — перенесите её в renderer/db/repo (см. docs/ARCHITECTURE.md «1. Layers»)',
  read: 'чтение базы прямо из функции — читайте через хук (renderer/hooks) или функцию репозитория (renderer/db/repo)',
};

const isHandle = (node) => (node.type === 'Identifier' && node.name === 'db') || (node.type === 'MemberExpression' && !node.computed && node.property.name === 'db');

/** Whether a call's callee chain (a.b(…).c…) starts from or passes through a database handle. */
function throughHandle(node) {
  for (let n = node; n; ) {
    if (isHandle(n)) return true;
    if (n.type === 'MemberExpression') n = n.object;
    else if (n.type === 'CallExpression') n = n.callee;
    else if (n.type === 'TSNonNullExpression' || n.type === 'ChainExpression') n = n.expression;
    else return false;
  }
  return false;
}

/** Whether a callee chain passes through `<handle>.changes`. */
function throughChanges(node) {
  for (let n = node; n; ) {
    if (n.type === 'MemberExpression' && !n.computed && n.property.name === 'changes' && isHandle(n.object)) return true;
    if (n.type === 'MemberExpression') n = n.object;
    else if (n.type === 'CallExpression') n = n.callee;
    else if (n.type === 'TSNonNullExpression' || n.type === 'ChainExpression') n = n.expression;
    else return false;
  }
  return false;
}

/** @type {import('eslint').Rule.RuleModule} */
const dbWrites = {
  meta: {
    type: 'problem',
    docs: { description: 'Dexie writes only in renderer/db; features do not read the database handle' },
    messages: message,
    schema: [{ type: 'object', properties: { reads: { type: 'boolean' } }, additionalProperties: false }],
  },
  create(context) {
    const reads = context.options[0]?.reads === true;
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || !throughHandle(callee.object)) return;
        const method = callee.property.name;
        if (WRITES.has(method)) context.report({ node, messageId: 'write', data: { method } });
        else if (method === 'transaction' && node.arguments[0]?.type === 'Literal' && String(node.arguments[0].value).startsWith('rw')) {
          context.report({ node, messageId: 'transaction' });
        }
      },
      MemberExpression(node) {
        if (reads && !node.computed && isHandle(node.object) && node.object.type === 'MemberExpression') context.report({ node, messageId: 'read' });
      },
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const changeLogReads = {
  meta: {
    type: 'problem',
    docs: { description: 'the change log is read through renderer/db/change-pages.ts' },
    messages: { changeRead: message.changeRead },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && !callee.computed && VALUE_READS.has(callee.property.name) && throughChanges(callee.object)) {
          context.report({ node, messageId: 'changeRead' });
        }
      },
    };
  },
};

export default { rules: { 'db-writes': dbWrites, 'change-log-reads': changeLogReads } };
