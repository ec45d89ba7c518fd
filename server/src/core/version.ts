import { version } from '../../../package.json';

declare const __ANALYZER_SOURCE_HASH__: string | undefined;

/**
 * Which analysis produced a result: the package version and, in builds, a hash of the analysis
 * sources (set by scripts/build.mjs). Cached results of any other version are not used.
 */
export const ANALYZER_VERSION = `${version}+${typeof __ANALYZER_SOURCE_HASH__ === 'string' ? __ANALYZER_SOURCE_HASH__ : 'dev'}`;
