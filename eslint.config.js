// ESLint flat config: TypeScript rules plus the layering zones of architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'db/migrations/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain Node scripts (npm start, configs).
    files: ['scripts/**/*.mjs', '*.js', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './renderer', from: './electron', message: 'renderer talks to main only through the typed client' },
            { target: './renderer', from: './db', message: 'renderer may not import db/' },
            { target: './shared', from: './electron', message: 'shared/ imports nothing of the other layers' },
            { target: './shared', from: './db', message: 'shared/ imports nothing of the other layers' },
            { target: './shared', from: './renderer', message: 'shared/ imports nothing of the other layers' },
            { target: './db', from: './electron', message: 'db/ may not import electron/' },
            { target: './db', from: './renderer', message: 'db/ may not import renderer/' },
            { target: './electron/core', from: './electron/main', message: 'core never imports main' },
            { target: './electron/core', from: './renderer', message: 'core never imports renderer' },
          ],
        },
      ],
    },
  },
  {
    // Only electron/main (and the preload) may touch Electron; shared/ stays free of Node and DOM.
    files: ['shared/**/*.ts', 'db/**/*.ts', 'electron/core/**/*.ts', 'electron/cli/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure TypeScript' }, { name: 'react', message: 'shared/ is pure TypeScript' }],
          patterns: [{ group: ['node:*'], message: 'shared/ runs in the renderer too: no node:* imports' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
