import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// In development the console talks to a running backend through this proxy, so the browser sees
// one origin exactly as in production. DSM_API_TARGET points it elsewhere (e.g. a snapshot on :8181).
const apiTarget = process.env.DSM_API_TARGET ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: Number(process.env.DSM_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/q': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // The budget is 350 KB gzipped for the initial JS; scripts/check-bundle.mjs enforces it.
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Two cores shared with the backend's build: keep the test run from taking both.
    maxWorkers: 1,
    // A whole page rendered in jsdom, asked by role, takes seconds per query on a loaded CI machine.
    testTimeout: 45000,
  },
});
