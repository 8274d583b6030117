// Marks the token the page itself runs on, in the list and in the drawer.
import './own-token.css';

export function OwnTokenBadge() {
  return (
    <span
      className="own-token-badge"
      title="This page signs in to InfluxDB with this token: deactivating or deleting it locks the page out"
    >
      This page's token
    </span>
  );
}
