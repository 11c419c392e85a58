/**
 * The console build: served by the server under /console/ from web/dist.
 * In development `npm run dev -w web` proxies /api to a server on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd's page chunks are large but lazy; the initial JS is what users wait for.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // React and the router load on every page: one long-cached chunk. antd is left
        // to automatic splitting so each page pulls only the components it uses.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
