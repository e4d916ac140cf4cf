import { Link } from 'react-router';
import { PageHeader } from '../components/page-header';

/** A page failed to render or to load its code: say so and offer a way out. */
export function RouteError({ error }: { error: unknown }) {
  // A chunk that no longer exists: the app was updated since this tab loaded it.
  const stale = error instanceof TypeError && /dynamically imported module|Importing a module script failed/.test(error.message);
  return (
    <>
      <PageHeader title="Something went wrong" />
      <div className="state state--error" role="alert">
        <p>{stale ? 'The dashboard was updated. Reload the page to continue.' : 'This page could not be shown.'}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    </>
  );
}

export function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no page at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </>
  );
}
