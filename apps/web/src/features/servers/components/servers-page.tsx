import { useQuery } from '@tanstack/react-query';
import type { ServerListResponse, ServerRefreshResponse } from '@vicidash/contracts/lookups';
import { whenText } from '../../../components/history/format';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { errorMessage } from '../../../components/states';
import { Can } from '../../../lib/auth';
import { serverListQueryOptions, useServerRefresh } from '../api/servers';
import '../../../components/data-table/data-table.css';

type Server = ServerListResponse['servers'][number];
type Change = Server['changes'][number];

/**
 * The servers and their configuration rebuild: a phone change reaches a telephony server only once
 * it has rebuilt. Everyone sees the state; supervisors may ask every server to rebuild.
 */
export function ServersPage() {
  const servers = useQuery(serverListQueryOptions());
  return (
    <>
      <PageHeader
        title="Servers"
        description="A phone change reaches its telephony server only after the server rebuilds its configuration."
      />
      <Can permission="refresh:servers">
        <RefreshPanel />
      </Can>
      <QueryState query={servers}>{(data) => <ServerTable list={data} />}</QueryState>
    </>
  );
}

function RefreshPanel() {
  const refresh = useServerRefresh();
  return (
    <section className="panel servers-refresh" aria-labelledby="servers-refresh-heading">
      <h2 id="servers-refresh-heading">Rebuild the configuration</h2>
      <p>Asks VICIdial to rebuild the configuration of every server, so that waiting phone changes reach the phones.</p>
      <button type="button" className="button button--primary" disabled={refresh.isPending} onClick={() => refresh.mutate()}>
        {refresh.isPending ? 'Asking VICIdial…' : 'Ask every server to rebuild'}
      </button>
      <div role="status" className="servers-refresh-result">
        {refresh.isSuccess && <RefreshAnswer answer={refresh.data} />}
      </div>
      {refresh.isError && (
        <p role="alert" className="form-error">
          {errorMessage(refresh.error)}
        </p>
      )}
    </section>
  );
}

const serverCount = (count: number) => `${count} ${count === 1 ? 'server' : 'servers'}`;
const serverName = (server: { serverId: string; serverIp: string }) => `${server.serverId} (${server.serverIp})`;

/** What VICIdial was asked and what still waits, in plain words. */
function RefreshAnswer({ answer }: { answer: ServerRefreshResponse }) {
  const waiting = answer.serversAwaitingRebuild;
  return (
    <>
      <p>
        VICIdial was asked to rebuild every server's configuration ({serverCount(answer.serversUpdated)} newly marked for a rebuild).
      </p>
      <p>
        {waiting.length === 0
          ? 'No server is waiting any more.'
          : `Still waiting to rebuild: ${waiting.map(serverName).join(', ')}. Each server rebuilds at its next routine check; this page shows it once it has.`}
      </p>
    </>
  );
}

function ServerTable({ list }: { list: ServerListResponse }) {
  return (
    <>
      <p className="servers-last-refresh">
        {list.lastRefresh
          ? `Last asked to rebuild through the dashboard: ${whenText(list.lastRefresh.at)}, by ${list.lastRefresh.actor.displayName}.`
          : 'Nobody has asked the servers to rebuild through the dashboard yet.'}
      </p>
      <div className="data-table">
        <table>
          <caption className="visually-hidden">Servers and their configuration rebuild</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.servers.map((server) => (
              <tr key={server.serverId}>
                <td data-label="Server">{server.serverId}</td>
                <td data-label="IP">{server.serverIp}</td>
                <td data-label="Description">{server.description ?? <span className="none">None</span>}</td>
                <td data-label="Active">{server.active ? 'Yes' : 'No'}</td>
                <td data-label="Rebuild">{rebuildState(server)}</td>
                <td data-label="Waiting since">{server.awaitingRebuild ? waitingSince(server.waitingSince) : '–'}</td>
                <td data-label="Changes waiting">
                  <Changes changes={server.changes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const COLUMNS = ['Server', 'IP', 'Description', 'Active', 'Rebuild', 'Waiting since', 'Changes waiting'];

function rebuildState(server: Server): string {
  if (!server.active) return 'Inactive: does not rebuild';
  if (!server.rebuilds) return 'Generates no configuration: does not rebuild';
  return server.awaitingRebuild ? 'Waiting to rebuild' : 'Up to date';
}

const waitingSince = (at: string | null) => (at === null ? 'Unknown (marked outside the dashboard)' : whenText(at));

const ACTION_WORDS: Record<Change['action'], string> = {
  'create:phones': 'added',
  'update:phones': 'changed',
  'delete:phones': 'deleted',
};

function Changes({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return '–';
  return (
    <ul className="servers-changes">
      {changes.map((change) => (
        <li key={`${change.at}-${change.extension}-${change.action}`}>
          Phone {change.extension} {ACTION_WORDS[change.action]} by {change.actor.displayName}, {whenText(change.at)}
        </li>
      ))}
    </ul>
  );
}
