// Bundles the /design modeller (bpmn-js + properties panel + the Flowable moddle) into the jar's
// static folder. Run by Maven (exec-maven-plugin, generate-resources) as `npm ci && npm run build`;
// no CDN at run time, every asset is served by Opsflow itself.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error('\n[design studio] ' + message + '\n');
  process.exit(1);
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  fail('Node.js 20 or newer is needed to build the /design assets; this is Node.js ' + process.versions.node + '. See the README prerequisites.');
}

// `--install`: run `npm ci` when package-lock.json changed since the last install (node_modules is kept
// between builds, keyed by the lock file's hash), so a rebuild costs the bundling only.
if (process.argv.includes('--install')) {
  const lock = readFileSync(path.join(here, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const marker = path.join(here, 'node_modules', '.opsflow-lock-sha256');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== hash) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
    if (run.error) {
      fail('npm is needed next to Node.js 20 to build the /design assets, and it could not be run: ' + run.error.message);
    }
    if (run.status !== 0) {
      fail('`npm ci` failed (exit ' + run.status + '): the npm registry must be reachable for the first build.');
    }
    writeFileSync(marker, hash);
  }
}

const esbuild = await import('esbuild');
const outdir = process.env.OPSFLOW_DESIGN_OUT || path.join(here, '..', 'target', 'classes', 'static', 'design');

await esbuild.build({
  entryPoints: { modeler: path.join(here, 'src', 'modeler.js'), definition: path.join(here, 'src', 'definition.js') },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  outdir,
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  assetNames: 'assets/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning'
});
console.log('design studio assets written to ' + outdir);
