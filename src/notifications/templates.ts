// Mail templates are files a deployment can replace: NOTIFY_TEMPLATE_DIR is searched first,
// then the built-in folder beside this file. Each template is three files:
// NAME.subject.txt, NAME.txt (text part) and NAME.html (HTML part), rendered with Mustache
// (logic-less, HTML-escaping by default, so user text cannot add markup to the HTML part).
import fs from 'node:fs';
import path from 'node:path';
import Mustache from 'mustache';
import { headerText } from '../domain/notifications.ts';

const BUILT_IN = path.join(import.meta.dirname, 'templates');

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface TemplateFiles {
  subject: string;
  text: string;
  html: string;
}

export class MailTemplates {
  readonly #dirs: string[];
  // Read once per process: rendering happens inside a write transaction, which must not wait for the disk.
  readonly #cache = new Map<string, TemplateFiles>();

  constructor(overrideDir?: string) {
    this.#dirs = overrideDir ? [overrideDir, BUILT_IN] : [BUILT_IN];
  }

  #load(name: string): TemplateFiles {
    const cached = this.#cache.get(name);
    if (cached) return cached;
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) throw new Error(`bad template name "${name}"`);
    const read = (suffix: string) => {
      for (const dir of this.#dirs) {
        const file = path.join(dir, `${name}${suffix}`);
        if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
      }
      throw new Error(`mail template ${name}${suffix} not found in ${this.#dirs.join(', ')}`);
    };
    const files = { subject: read('.subject.txt'), text: read('.txt'), html: read('.html') };
    this.#cache.set(name, files);
    return files;
  }

  /** Throws when a template is missing, so a bad NOTIFY_EMAIL_RULES fails at start, not at the first mail. */
  check(names: Iterable<string>): void {
    for (const name of names) this.#load(name);
  }

  render(name: string, view: Record<string, unknown>): RenderedMail {
    const t = this.#load(name);
    const plain = { escape: (s: unknown) => String(s) };
    return {
      subject: headerText(Mustache.render(t.subject, view, {}, plain)),
      text: Mustache.render(t.text, view, {}, plain),
      html: Mustache.render(t.html, view),
    };
  }
}
