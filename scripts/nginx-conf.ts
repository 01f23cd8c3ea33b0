/**
 * Writes deploy/nginx.conf, the self-hosting server block, from src/integrations/hosting/response-headers.ts
 * (the same source as the dist/_headers the build writes). Run after changing that file:
 *
 *   npm run nginx-conf                 # the committed file: base "/"
 *   npm run nginx-conf -- --base /atlas/ --root /srv/atlas --out -   # another deploy, to stdout
 *
 * tests/hosting fails when the committed file and the generator disagree.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderNginxConf } from '../src/integrations/hosting/response-headers.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    root: { type: 'string' },
    'server-name': { type: 'string' },
    out: { type: 'string', default: resolve(import.meta.dirname, '../deploy/nginx.conf') },
  },
});
const conf = renderNginxConf({
  ...(values.base ? { base: `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/') } : {}),
  ...(values.root ? { root: values.root } : {}),
  ...(values['server-name'] ? { serverName: values['server-name'] } : {}),
});
if (values.out === '-') process.stdout.write(conf);
else {
  writeFileSync(values.out, conf);
  console.log(`Wrote ${values.out}`);
}
