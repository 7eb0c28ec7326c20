// The compiled server (dist/, built by `npm run build` in postinstall; what `npm start` and the
// image run) reads a few files at run time that tsc does not emit: the replaceable mail
// templates (src/notifications/templates.ts resolves them beside its own module). Every such
// file under src/ must be in dist/ too, byte for byte, or mail rendering fails only in
// production.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('npm run build', () => {
  it('puts every non-TypeScript file of src/ (outside src/generated) into dist/', () => {
    expect(fs.existsSync(path.join(root, 'dist')), 'dist/ is missing: npm run build').toBe(true);
    const assets = filesUnder(path.join(root, 'src')).filter((f) => !f.endsWith('.ts') && !f.startsWith(`generated${path.sep}`));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const built = path.join(root, 'dist', asset);
      expect(fs.existsSync(built), `dist/${asset} is missing`).toBe(true);
      expect(fs.readFileSync(built).equals(fs.readFileSync(path.join(root, 'src', asset))), `dist/${asset} differs`).toBe(true);
    }
  });
});
