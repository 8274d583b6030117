/**
 * A connection setting is wrong: the message says which setting, where it came from, and what to do.
 * `value`: a flag or variable holds something unusable. `configs-file`: the influx CLI configs file is
 * missing, unreadable, not TOML, or lacks the config asked for. Never carries a token.
 */
export class SettingsError extends Error {
  readonly kind: 'value' | 'configs-file';

  constructor(message: string, kind: 'value' | 'configs-file') {
    super(message);
    this.name = 'SettingsError';
    this.kind = kind;
  }
}
