/** A setting is missing, malformed or unsafe; the message says which and what to do. Shown without a stack trace. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
