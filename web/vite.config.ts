import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * One Vite build, two entry chunks: the staff console (/app/) and the customer portal (/portal/).
 * They share nothing at runtime except React, so the portal stays small for customers on phones.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://localhost:3000';

/**
 * The dev server's stand-in for what the gateway / CloudFront does in production: deep links
 * under /app/ and /portal/ get their own index.html, and / goes to the console.
 */
function spaFallback(): Plugin {
  return {
    name: 'cirrus-spa-fallback',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (path === '/' || path === '/app') {
          res.statusCode = 302;
          res.setHeader('location', '/app/');
          res.end();
          return;
        }
        const wantsHtml = req.headers.accept?.includes('text/html') ?? false;
        const lastSegment = path.split('/').pop() ?? '';
        if (wantsHtml && !lastSegment.includes('.')) {
          if (path.startsWith('/app/')) req.url = '/app/index.html';
          else if (path.startsWith('/portal/') || path === '/portal') req.url = '/portal/index.html';
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), spaFallback()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        app: fileURLToPath(new URL('./app/index.html', import.meta.url)),
        portal: fileURLToPath(new URL('./portal/index.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/oidc': backend,
      '/config.json': backend,
      '/local': backend,
    },
  },
});
