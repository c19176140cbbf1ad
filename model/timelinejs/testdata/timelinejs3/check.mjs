// Runs TimelineJS3's own configuration checks on TimelineJS JSON files:
// the TimelineConfig a timeline is built from, its validate(), and each
// slide's dates as TimelineJS makes them.
//
//   node check.mjs DIR FILE...
//
// DIR is where `npm install @knight-lab/timelinejs jsdom` ran. Prints one
// JSON line per file: {"file", "valid", "errors", "slides", "events",
// "shown"}, shown giving each slide's unique_id the date it shows.
import { register, createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, ...files] = process.argv.slice(2);
// TimelineJS logs what it skips to the console; keep stdout for the results.
const report = (result) => process.stdout.write(JSON.stringify(result) + '\n');
console.log = (...args) => console.error(...args);
register(pathToFileURL(path.join(path.dirname(new URL(import.meta.url).pathname), 'hooks.mjs')));
const require = createRequire(path.join(path.resolve(dir), 'package.json'));

// TimelineJS's modules reach for a browser as they load; its own tests
// run them in jsdom.
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
for (const name of ['window', 'document', 'navigator', 'getComputedStyle', 'HTMLElement', 'Element', 'Node',
  'DOMParser', 'DocumentFragment', 'NodeFilter', 'HTMLFormElement', 'HTMLTemplateElement', 'Text', 'Comment',
  'NamedNodeMap', 'location']) {
  const value = name === 'window' ? dom.window : dom.window[name];
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

const root = path.join(path.resolve(dir), 'node_modules', '@knight-lab', 'timelinejs');
const { TimelineConfig } = await import(pathToFileURL(path.join(root, 'src', 'js', 'core', 'TimelineConfig.js')));

const describe = (e) => (typeof e === 'string' ? e : `${e.message_key || e.message || e} ${e.detail || ''}`.trim());

for (const file of files) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const slides = Array.isArray(data.events) ? data.events.length : 0;
  let config;
  try {
    config = new TimelineConfig(data);
  } catch (e) {
    // TimelineJS shows this in place of the timeline.
    report({ file, valid: false, errors: [describe(e)], slides, events: 0 });
    continue;
  }
  config.validate();
  const errors = config.getErrors().map(describe);
  for (const event of config.events) {
    for (const which of ['start_date', 'end_date']) {
      const d = event[which];
      if (d && Number.isNaN(d.getTime())) {
        errors.push(`${event.unique_id}: ${which} is not a date TimelineJS can place`);
      }
    }
  }
  // The date each slide shows, as TimelineJS's Slide writes it: the
  // slide's display_date, or its dates' own (each its display_date or
  // its fields in the default language), the end after a dash.
  const shown = {};
  for (const event of config.events) {
    const slide = (event.display_date || '').trim();
    const end = event.end_date ? ' — ' + event.end_date.getDisplayDate() : '';
    shown[event.unique_id] = slide || event.start_date.getDisplayDate() + end;
  }
  report({ file, valid: config.isValid() && errors.length === 0, errors, slides, events: config.events.length, shown });
}
