// Watches every answer and log line of a run for secrets (the server token above all), remembering where one showed up.
export class LeakWatch {
  /** How many answers or log lines were looked at. */
  checked = 0;
  /** Where a secret was seen (never the secret itself). */
  readonly leaks: string[] = [];
  private readonly secrets: string[] = [];

  add(secret: string): void {
    if (secret.length < 16) throw new Error('LeakWatch: a secret this short would match by accident');
    this.secrets.push(secret);
  }

  check(where: string, text: string): void {
    this.checked++;
    for (const secret of this.secrets) {
      // Half a token is as bad as all of it.
      if (text.includes(secret.slice(0, 44)) || text.includes(secret.slice(44))) this.leaks.push(where);
    }
  }
}
