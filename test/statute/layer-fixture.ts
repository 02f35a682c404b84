import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { statutoryLayer, type LayerOptions } from '../../src/statute/layer.js';
import { readPenalties } from '../../src/statute/read.js';
import type { LawReading } from '../../src/statute/types.js';
import type { StatuteSource } from '../../src/verify/context.js';

/**
 * A national law's statutory layer built from a text the test holds verbatim: the reading, the
 * layer, its files as a rule set would be given them, a loader that can swap the items file (to
 * try a wrong rule file against the text) and the text as the statute source verify compares with.
 */
export function layerFixture(
  text: string,
  opts: Omit<LayerOptions, 'region'> & { readonly title: string },
): {
  reading: LawReading;
  layer: ReturnType<typeof statutoryLayer>;
  files: { path: string; text: string }[];
  load: (items?: string) => ReturnType<typeof loadRuleSet>;
  source: StatuteSource;
} {
  const { title, ...layerOpts } = opts;
  const reading = readPenalties(text);
  const layer = statutoryLayer(reading, { ...layerOpts, region: { code: '100000', name: '全国' } });
  const files = [...layer.files].filter(([n]) => n.endsWith('.yaml')).map(([n, t]) => ({ path: `layer/${n}`, text: t }));
  const load = (items = layer.files.get('items.yaml')!): ReturnType<typeof loadRuleSet> =>
    loadRuleSet(files.map((f) => (f.path.endsWith('items.yaml') ? { ...f, text: items } : f)));
  const source: StatuteSource = {
    find: (law) => (law.title === title && law.version === opts.version ? reading : undefined),
    versions: (t) => (t === title ? [opts.version] : []),
  };
  return { reading, layer, files, load, source };
}
