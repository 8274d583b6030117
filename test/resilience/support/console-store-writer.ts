// A process that writes to the console's store as fast as it can and prints each trail entry's token ID once the
// write returned (acknowledged), so a test can SIGKILL it mid-stream and check what survived.
import { GovernanceStore } from '../../../server/governance/store';

const [file, instance] = process.argv.slice(2);
const store = new GovernanceStore(file!, instance!);
let n = 0;
function burst(): void {
  for (let i = 0; i < 20; i++, n++) {
    const tokenID = `t${n}`;
    const at = Date.now();
    store.setExpiry(
      tokenID,
      'org1',
      { expiresAt: at + 86_400_000, deleteAt: null },
      {
        at,
        orgID: 'org1',
        tokenID,
        description: `token ${n}`,
        action: 'expiry-set',
        actor: { kind: 'server-token' },
        via: 'api',
      },
    );
    process.stdout.write(`${tokenID}\n`);
  }
  setImmediate(burst);
}
burst();
