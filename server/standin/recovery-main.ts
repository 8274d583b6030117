// `npm run standin:recovery -- create-operator [--org my-org] [--username admin]`: a new operator token in
// $DATA_DIR/operator-token, like `influxd recovery auth create-operator`, in the first start's my-org unless --org
// names another (influxd asks for --org). Prints where it is, never the token.
import { createOperatorToken, type RecoveryOptions } from './recovery';

const USAGE =
  'usage: npm run standin:recovery -- create-operator [--org NAME] [--username NAME]   (DATA_DIR selects the data folder)';

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command !== 'create-operator') {
    console.error(USAGE);
    return 2;
  }
  const options: RecoveryOptions = { dataDir: process.env.DATA_DIR || './data' };
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i];
    const value = rest[i + 1];
    if ((flag !== '--org' && flag !== '--username') || value === undefined) {
      console.error(USAGE);
      return 2;
    }
    if (flag === '--org') options.org = value;
    else options.username = value;
  }
  try {
    const made = createOperatorToken(options);
    console.log(`Made a new operator token "${made.description}" (ID ${made.id}) and wrote it to ${made.path}.`);
    console.log('The running app server picks it up: press "Try again" on the page. Read it with: cat ' + made.path);
    return 0;
  } catch (error) {
    console.error(`Recovery failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
