// html-validate configuration for every page in dist/ (scripts/check-html.ts, tests/quality/).
// The recommended preset applies in full; each change below says why.
/** @type {import('html-validate').ConfigData} */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Stricter than the preset (which allows custom properties and `display`): the
    // Content-Security-Policy blocks every style attribute, so none may reach a page.
    // Code blocks carry their colours as classes (src/lib/theme/code-colour-classes.ts).
    'no-inline-style': ['error', { allowVariables: false, allowedProperties: [] }],
    // Heading ids are GitHub-style slugs of the heading text, so "1. Clarify requirements"
    // becomes id="1-clarify-requirements". HTML allows any id without spaces; the strict
    // mode only guards CSS selectors, and readers' deep links must not change.
    // Relaxed mode still rejects empty ids and ids with whitespace.
    'valid-id': ['error', { relaxed: true }],
    // The header search is an ARIA 1.2 combobox: its popup must be role="listbox" with
    // live options, which a native <select> cannot be. Every other role is still checked.
    'prefer-native-element': ['error', { exclude: ['listbox'] }],
  },
};
