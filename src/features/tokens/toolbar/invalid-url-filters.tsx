// Says which parts of the link's list query the page cannot show, instead of silently matching nothing.
import type { UrlFilterProblem } from '../model/url-filter-problems';
import { useListParams } from './use-list-params';

export function InvalidUrlFilters({ problems }: { problems: UrlFilterProblem[] }) {
  const [, update] = useListParams();
  if (problems.length === 0) return null;
  return (
    <div className="callout callout--error invalid-url-filters" role="alert">
      <p>
        This link's view is not valid, so {problems.length === 1 ? 'that part is' : 'those parts are'} not applied:{' '}
        {problems.map((p) => p.message).join('; ')}.
      </p>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => update(Object.fromEntries(problems.map((p) => [p.key, undefined])), { replace: true })}
      >
        Remove from the link
      </button>
    </div>
  );
}
