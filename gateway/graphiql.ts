import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Route } from '../lib/http-server';

/**
 * GraphiQL at /graphiql, for development only (the gateway serves it when NODE_ENV is not
 * production): its script and style come from node_modules (graphiql 3's prebuilt bundle, React 18's
 * UMD builds, all devDependencies), so it works offline and loads nothing from a CDN. The page
 * talks to /graphql on the same origin; a token goes into its Headers tab.
 */
export const graphiqlPath = '/graphiql';

const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

interface Asset {
  type: string;
  file: () => string;
}

const assets: Record<string, Asset> = {
  'graphiql.min.js': { type: 'text/javascript; charset=utf-8', file: () => join(packageDir('graphiql'), 'graphiql.min.js') },
  'graphiql.min.css': { type: 'text/css; charset=utf-8', file: () => join(packageDir('graphiql'), 'graphiql.min.css') },
  'react.production.min.js': { type: 'text/javascript; charset=utf-8', file: () => join(packageDir('react'), 'umd/react.production.min.js') },
  'react-dom.production.min.js': { type: 'text/javascript; charset=utf-8', file: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js') },
};

/** Mounts GraphiQL; a file of its own so the page needs no inline script. */
const startScript = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: JSON.stringify({ authorization: 'Bearer <npm run --silent token -- thomas>' }, null, 2),
    defaultQuery: '{\\n  me {\\n    id\\n  }\\n}\\n',
    shouldPersistHeaders: false,
  }));
})();
`;

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>borger-graph GraphiQL (development)</title>
  <link rel="stylesheet" href="${graphiqlPath}/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${graphiqlPath}/react.production.min.js"></script>
  <script src="${graphiqlPath}/react-dom.production.min.js"></script>
  <script src="${graphiqlPath}/graphiql.min.js"></script>
  <script src="${graphiqlPath}/start.js"></script>
</body>
</html>
`;

/** Only this origin's scripts run; GraphiQL's styles and fonts are inline (data:) in its CSS. */
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

function send(response: Parameters<Route>[1], type: string, body: string | Buffer): void {
  response.writeHead(200, {
    'content-type': type,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  response.end(body);
}

/** The routes of /graphiql; null for any other path (and for an unknown asset, which is then a 404). */
export function graphiqlRoute(pathname: string): Route | null {
  if (pathname === graphiqlPath || pathname === `${graphiqlPath}/`) {
    return async (_request, response) => send(response, 'text/html; charset=utf-8', page);
  }
  if (!pathname.startsWith(`${graphiqlPath}/`)) return null;
  const name = pathname.slice(graphiqlPath.length + 1);
  if (name === 'start.js') return async (_request, response) => send(response, 'text/javascript; charset=utf-8', startScript);
  const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
  if (!asset) return null;
  // The packages are devDependencies: absent from a production image, where this route is never mounted.
  return async (_request, response) => send(response, asset.type, await readFile(asset.file()));
}
