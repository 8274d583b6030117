// One check of the Health view: its count (a link to the list filtered to those tokens), and what it means.
import { Link } from 'react-router';
import type { HealthCheck } from '../../lib/token-health';
import { useBasePath } from '../../lib/org-query';

interface HealthCheckRowProps {
  check: HealthCheck;
  /** null when it cannot be told; `unknown` then says why. */
  count: number | null;
  unknown?: string;
}

export function HealthCheckRow({ check, count, unknown }: HealthCheckRowProps) {
  const base = useBasePath();
  const headingId = `health-check-${check.key}`;
  const number = count === null ? null : count.toLocaleString('en-US');
  return (
    <li className={`health-check${count ? ' health-check--found' : ''}`} aria-labelledby={headingId}>
      <h2 className="health-check__title" id={headingId}>
        {count ? (
          // The count and the title are one link: "3 All-access tokens" opens the list of just those three.
          <Link to={`${base}/tokens?check=${check.key}`}>
            <span className="health-check__count">{number}</span> {check.title}
          </Link>
        ) : (
          <>
            <span className="health-check__count" aria-hidden={count === null}>
              {number ?? '—'}
            </span>{' '}
            {check.title}
          </>
        )}
      </h2>
      <p className="health-check__meaning">{check.meaning}</p>
      {count === null && unknown && <p className="health-check__unknown">{unknown}</p>}
    </li>
  );
}
