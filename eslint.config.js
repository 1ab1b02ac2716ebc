import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const platformModules = ['react', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks', 'electron', 'i18next', 'react-i18next', 'xstate', '@xstate/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', '.data/**', 'coverage/**', 'dist-console/**', 'dist-portal/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    // Listed first: the layer rules below replace it for their folders.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'node:*', 'better-sqlite3', 'fastify'], message: 'The renderer reaches its host only through src/platform.' }] }],
    },
  },
  {
    // The domain is pure: the renderer, the Electron main process and the back office all import it.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...platformModules, 'node:*', 'fs', 'path', '../*/**'], message: 'src/domain is pure TypeScript: no platform, no other layer.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'fetch'],
    },
  },
  {
    // Screens read state and send events; storage and the host are reached through machines and the platform interface.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['dexie', 'dexie-react-hooks', 'electron', '**/storage/db', 'node:*', 'better-sqlite3', 'fastify'], message: 'Screens import no Dexie and no Electron.' }] }],
    },
  },
  {
    files: ['src/machines/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'dexie', 'electron', 'node:*', 'better-sqlite3', 'fastify'], message: 'Machines receive their side effects as actors and actions.' }] }],
    },
  },
  {
    // The console is a browser page: it reaches the back office through its HTTP API only.
    files: ['backoffice/console/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'better-sqlite3', 'fastify', '**/backoffice/src/**', 'dexie', 'electron'], message: 'The console speaks to the back office through src/api only.' }] }],
    },
  },
);
