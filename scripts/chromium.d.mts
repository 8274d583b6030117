export interface ChromiumChoice {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'system' | 'packaged';
  /** Environment the browser needs beside the caller's (fontconfig, bundled libraries). */
  env: Record<string, string>;
}
export function chromiumForTests(): ChromiumChoice;
export function packagedChromium(): ChromiumChoice;
/** Flags for a browser on a closed network: no background connections, no first-run work. */
export const chromiumArgs: readonly string[];
