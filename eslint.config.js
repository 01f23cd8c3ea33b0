// @ts-check
// Lint: ESLint's and typescript-eslint's recommended rules, and the Astro plugin's for .astro files.
// Formatting is Prettier's job (.prettierrc.json), so no style rules here. `npm run lint` runs both.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['**/dist/', '**/dist.*/', '**/.astro/', '**/.tmp/', '.bench/', 'reports/', '**/node_modules/', 'public/', 'content/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `const { rank: _rank, ...rest } = group` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/scripts/**/*.ts', '**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
