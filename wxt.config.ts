import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * OCR runs inside the extension with no download at run time: the tesseract
 * worker, one WebAssembly core (SIMD + LSTM) and the English data are shipped
 * as files under /tesseract (the .wasm must sit beside the worker script).
 */
const OCR_FILES = [
  [join(packageDir('tesseract.js'), 'dist/worker.min.js'), 'tesseract/worker.min.js'],
  [
    join(packageDir('tesseract.js-core'), 'tesseract-core-simd-lstm.js'),
    'tesseract/tesseract-core-simd-lstm.js',
  ],
  [
    join(packageDir('tesseract.js-core'), 'tesseract-core-simd-lstm.wasm'),
    'tesseract/tesseract-core-simd-lstm.wasm',
  ],
  [
    join(packageDir('@tesseract.js-data/eng'), '4.0.0_best_int/eng.traineddata.gz'),
    'tesseract/eng.traineddata.gz',
  ],
] as const;

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const [absoluteSrc, relativeDest] of OCR_FILES) files.push({ absoluteSrc, relativeDest });
    },
  },
  manifest: {
    name: 'Sidecar CRM',
    description: 'Onboarding CRM in a side panel beside the apps you already work in.',
    // Least privilege: no standing access to sites. activeTab + scripting read only the page
    // the person is on, after they ask there: the toolbar button, the "Capture lead" menu
    // (contextMenus) or the shortcut. alarms retries captures queued while offline.
    permissions: ['sidePanel', 'storage', 'activeTab', 'scripting', 'contextMenus', 'alarms'],
    // The default API origin is the local worker. Chrome match patterns ignore
    // the port, so `npm start` on any PORT works without a prompt.
    host_permissions: ['http://127.0.0.1/*'],
    // A different server is granted at run time, for that one origin only (Settings).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Open Sidecar CRM' },
    commands: {
      'capture-lead': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Capture a lead from this page or email',
      },
    },
    // WebAssembly for OCR; nothing else is loosened.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
  },
});
