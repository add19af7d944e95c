// Every entry point the installed @ssp packages declare in their `exports`, read from their
// package.json as npm installed them, and the list this project expects: a new entry point must
// be added to entry-points.json, and one that disappears fails the check.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const scope = join(__dirname, '..', 'node_modules', '@ssp');

const declared = () =>
  readdirSync(scope)
    .flatMap((dir) => {
      const manifest = JSON.parse(readFileSync(join(scope, dir, 'package.json'), 'utf8'));
      return Object.keys(manifest.exports ?? {})
        .filter((subpath) => subpath !== './package.json')
        .map((subpath) => `${manifest.name}${subpath.slice(1)}`);
    })
    .sort();

const expected = () => JSON.parse(readFileSync(join(__dirname, '..', 'entry-points.json'), 'utf8')).sort();

const openAccount = () => JSON.parse(readFileSync(join(__dirname, 'open-account.json'), 'utf8'));

module.exports = { declared, expected, openAccount };
