// html-validate configuration for every page in dist/ (scripts/check-html.ts, tests/quality/).
// The recommended preset applies in full; each departure below says why.
/** @type {import('html-validate').ConfigData} */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Code blocks: Shiki passes each token's light and dark colour as custom properties
    // (style="--shiki-light:…;--shiki-dark:…") and global.css applies them. Any real inline
    // declaration (color:…, overflow:…) is still an error.
    'no-inline-style': ['error', { allowVariables: true }],
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
