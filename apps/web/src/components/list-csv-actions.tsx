import { Link } from 'react-router';
import { apiUrl } from '../lib/api-client';
import { Can } from '../lib/auth';

type QueryValue = string | number | boolean | null | undefined;
type List = 'dids' | 'phones' | 'aliases';

/**
 * A list's CSV actions: "Export N rows" (every row matching its search, filters and sort, not the
 * page shown, as a file the browser downloads) and, for the roles that may, "Import".
 */
export function ListCsvActions({ list, query, total }: { list: List; query: Readonly<Record<string, unknown>>; total: number | undefined }) {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return (
    <>
      {total !== undefined && (
        <a className="button" href={apiUrl(`/api/${list}/export.csv`, filters as Record<string, QueryValue>)} download>
          Export {total.toLocaleString('en-US')} {total === 1 ? 'row' : 'rows'}
        </a>
      )}
      <Can permission={`import:${list}`}>
        <Link className="button" to={`/${list}/import`}>
          Import
        </Link>
      </Can>
    </>
  );
}
