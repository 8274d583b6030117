import { Link } from 'react-router';
import { StatePanel } from '../components/ui/state-panel';

export function NotFoundPage() {
  return (
    <StatePanel title="Page not found" actions={<Link to="/tokens">Go to API Tokens</Link>}>
      <p>There is nothing at this address.</p>
    </StatePanel>
  );
}
