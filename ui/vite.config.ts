import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The build is embedded into the Tauri binary (src-tauri/tauri.conf.json: frontendDist "../ui/dist").
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP forbids inline content: no inlined data-URL assets, no inline module preload.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    include: ['src/**/*.test.ts', 'live/**/*.test.ts'],
    environment: 'node',
  },
});
