import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Sidecar CRM',
    description: 'Onboarding CRM in a side panel beside the apps you already work in.',
    // Least privilege: no tabs, no scripting, no standing access to sites.
    permissions: ['sidePanel', 'storage'],
    // The default API origin is the local worker. Chrome match patterns ignore
    // the port, so `npm start` on any PORT works without a prompt.
    host_permissions: ['http://127.0.0.1/*'],
    // A different server is granted at run time, for that one origin only (Settings).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Open Sidecar CRM' },
  },
});
