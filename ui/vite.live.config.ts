import { defineConfig } from 'vite';

// The participant page of a live workshop, served by the coach's app (src/live/) under /live/TOKEN/:
// relative asset URLs, nothing inline (the server's CSP forbids inline script and style).
export default defineConfig({
  root: 'live',
  base: './',
  clearScreen: false,
  build: {
    outDir: '../dist-live',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
