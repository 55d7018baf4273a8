/**
 * `skhod/ui-text`: words a user reads come from the locale files (renderer/i18n/<lang>/<namespace>.ts), never
 * from a literal in the code — the rule behind docs/ARCHITECTURE.md «Language». It reports
 *   - text between JSX tags that has a letter in it («Сохранить», "Save"),
 *   - a string with a letter in a JSX attribute a person reads (title, placeholder, aria-label, alt, label…),
 *   - a string or template literal with a letter shown as it stands: a JSX child ({ok ? 'да' : 'no'}) or a read
 *     attribute's expression (title={busy ? 'Saving' : 'Save'}),
 *   - any string or template literal with a Cyrillic letter anywhere in the file (labels, error messages).
 * Data that only looks like text (a regular expression, a letter-folding table) says so with
 * `// eslint-disable-next-line skhod/ui-text -- <why this is data>`.
 */
const letter = /\p{L}/u;
const cyrillic = /[\u0400-\u04ff]/;
const readAttributes = new Set(['title', 'placeholder', 'alt', 'label', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder']);

const message = {
  jsxText: 'текст «{{text}}» в JSX — вынесите его в renderer/i18n/ru|en/<область>.ts и выводите через t()',
  attribute: 'атрибут {{name}}="{{text}}" читает человек — возьмите строку из файлов языка через t()',
  literal: 'строка «{{text}}» видна пользователю — вынесите её в renderer/i18n/ru|en/<область>.ts и выводите через t()',
};

const short = (text) => (text.trim().length > 40 ? `${text.trim().slice(0, 40)}…` : text.trim());

/** @type {import('eslint').Rule.RuleModule} */
const uiText = {
  meta: { type: 'problem', docs: { description: 'user-visible text only from the locale files' }, messages: message, schema: [] },
  create(context) {
    const reported = new Set();
    const report = (node, messageId, data) => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data });
    };
    const attributeName = (attr) => (attr.name.type === 'JSXNamespacedName' ? `${attr.name.namespace.name}:${attr.name.name.name}` : attr.name.name);
    /** A literal a person reads as it stands: a JSX child expression, or the value of a read attribute. */
    const shownAsIs = (node) => {
      let up = node.parent;
      while (up && (up.type === 'ConditionalExpression' || up.type === 'LogicalExpression')) up = up.parent;
      if (up?.type !== 'JSXExpressionContainer') return false;
      if (up.parent?.type === 'JSXAttribute') return readAttributes.has(attributeName(up.parent));
      return true;
    };
    return {
      JSXText(node) {
        if (letter.test(node.value)) report(node, 'jsxText', { text: short(node.value) });
      },
      JSXAttribute(node) {
        const name = attributeName(node);
        const value = node.value;
        if (value?.type !== 'Literal' || typeof value.value !== 'string') return;
        if ((readAttributes.has(name) && letter.test(value.value)) || cyrillic.test(value.value)) {
          report(value, 'attribute', { name, text: short(value.value) });
        }
      },
      Literal(node) {
        if (typeof node.value !== 'string' || node.regex) return;
        if (node.parent?.type === 'ImportDeclaration' || node.parent?.type === 'JSXAttribute') return;
        if (cyrillic.test(node.value) || (shownAsIs(node) && letter.test(node.value))) {
          report(node, 'literal', { text: short(node.value) });
        }
      },
      TemplateLiteral(node) {
        const text = node.quasis.map((q) => q.value.cooked ?? '').join('…');
        if (cyrillic.test(text) || (shownAsIs(node) && letter.test(text))) report(node, 'literal', { text: short(text) });
      },
    };
  },
};

export default { rules: { 'ui-text': uiText } };
