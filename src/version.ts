import pkg from '../package.json' with { type: 'json' };

/** The cailiang version, as in package.json. */
export const VERSION: string = pkg.version;
