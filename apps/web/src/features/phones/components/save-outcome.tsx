import { Link, useLocation, useNavigate } from 'react-router';
import { type ServerLookup, serverLookupSchema } from '@vicidash/contracts/lookups';
import { z } from 'zod';

/**
 * What a phone write answered, carried to the page the user lands on (the phone after a create or
 * an update, the list after a delete): a phone change reaches the telephony servers only after they
 * rebuild their configuration, and a deleted phone's login stays in the aliases that list it.
 */
const saveOutcomeSchema = z.object({
  summary: z.string(),
  serversAwaitingRebuild: serverLookupSchema,
  stillListedInAliases: z.array(z.string()).optional(),
});
export type PhoneSaveOutcome = z.infer<typeof saveOutcomeSchema>;

/** The navigation state that shows `outcome` on the next page. */
export const saveOutcomeState = (outcome: PhoneSaveOutcome) => ({ phoneSaveOutcome: outcome });

function outcomeOf(state: unknown): PhoneSaveOutcome | undefined {
  const parsed = z.object({ phoneSaveOutcome: saveOutcomeSchema }).safeParse(state);
  return parsed.success ? parsed.data.phoneSaveOutcome : undefined;
}

const serverName = (server: ServerLookup[number]) =>
  `${server.serverId} (${server.serverIp})${server.description ? ` – ${server.description}` : ''}`;

/** The outcome of the write that led here, if one did; dismissing it forgets it (a reload keeps it until then). */
export function SaveOutcomeNotice() {
  const location = useLocation();
  const navigate = useNavigate();
  const outcome = outcomeOf(location.state);
  if (!outcome) return null;
  const dismiss = () => void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  // Keyed by the outcome: a later write starts with its own server list.
  return <Notice key={location.key} outcome={outcome} onDismiss={dismiss} />;
}

/** The servers page shows each server's rebuild state and asks them to rebuild (links between features are plain paths). */
const SERVERS_PATH = '/servers';

function Notice({ outcome, onDismiss }: { outcome: PhoneSaveOutcome; onDismiss: () => void }) {
  const servers = outcome.serversAwaitingRebuild;
  const aliases = outcome.stillListedInAliases ?? [];

  return (
    <section className="form-notice save-outcome" aria-label="Result of the last change">
      <div>
        <p>{outcome.summary}</p>
        {aliases.length > 0 && (
          <p>
            VICIdial does not remove the login from aliases: still listed in{' '}
            <span className="save-outcome-aliases">{aliases.join(', ')}</span>.
          </p>
        )}
        {servers.length === 0 ? (
          <p>No server is waiting for a configuration rebuild.</p>
        ) : (
          <>
            <p>The change reaches the phones once these servers rebuild their configuration:</p>
            <ul aria-label="Servers awaiting a configuration rebuild">
              {servers.map((server) => (
                <li key={server.serverId}>{serverName(server)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="page-actions">
        {servers.length > 0 && (
          <Link className="button" to={SERVERS_PATH}>
            Servers and their rebuild
          </Link>
        )}
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
