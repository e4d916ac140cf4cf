import { Link } from 'react-router';
import { DID_ROUTE_FIELDS, type DidDetail, didTarget, missableTargetKind, RECORDING_LABELS } from '@vicidash/contracts/did';
import { Details, Value, YesNo } from '../../../components/details';
import { RecordHistory, showsHistory } from '../../../components/history/record-history';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { useCan } from '../../../lib/auth';
import { useDidOfPath } from '../api/dids';
import { ROUTE_FIELD_LABELS, routeLabel } from '../labels';
import { didPaths } from '../paths';
import { CopyAndDelete } from './copy-and-delete';

export function DidDetailPage() {
  const { didId, did, missing } = useDidOfPath();
  const canEdit = useCan('update:dids');

  return (
    <>
      <PageHeader
        title={did.data ? `DID ${did.data.pattern}` : 'DID'}
        description={did.data?.description ?? undefined}
        actions={
          <>
            <Link className="button" to={didPaths.list}>
              All DIDs
            </Link>
            {canEdit && did.data && (
              <Link className="button button--primary" to={didPaths.edit(didId)}>
                Edit DID
              </Link>
            )}
            {did.data && <CopyAndDelete did={did.data} />}
          </>
        }
      />
      <QueryState query={did} missing={missing}>
        {(data) => <DidDetails did={data} />}
      </QueryState>
      {showsHistory(did) && <RecordHistory type="did" id={String(didId)} />}
    </>
  );
}

function DidDetails({ did }: { did: DidDetail }) {
  const routeFields = did.route && did.route in DID_ROUTE_FIELDS ? DID_ROUTE_FIELDS[did.route as keyof typeof DID_ROUTE_FIELDS] : [];
  return (
    <>
      <section className="panel" aria-labelledby="did-settings">
        <h2 id="did-settings">Settings</h2>
        <Details
          items={[
            ['DID (pattern)', did.pattern],
            ['DID ID', did.didId],
            ['Description', <Value value={did.description} />],
            ['Active', <YesNo value={did.active} />],
            ['Recording', <Value value={did.recordCall === null ? null : (RECORDING_LABELS[did.recordCall] ?? did.recordCall)} />],
            ['Clean caller ID number', <Value value={did.filterCleanCidNumber} />],
            ['User group', <Value value={did.userGroup} />],
          ]}
        />
      </section>
      <section className="panel" aria-labelledby="did-routing">
        <h2 id="did-routing">Where calls go</h2>
        <Details
          items={[
            ['Route', <Value value={routeLabel(did.route)} />],
            ['Target', <Target did={did} />],
            ...routeFields.map((field) => [ROUTE_FIELD_LABELS[field], <Value value={did[field]} />] as const),
            ...(did.route === 'AGENT' ? [['Agent', <Value value={did.agentUser} />] as const] : []),
          ]}
        />
      </section>
    </>
  );
}

/**
 * Where a target can be looked at: a phone's page (links between features are plain paths), or
 * the DIDs routed to the same in-group or call menu (the dashboard has no pages of those).
 */
function targetLink(did: DidDetail): { to: string; label: string } | undefined {
  if (did.targetMissing) return undefined;
  if (did.route === 'PHONE' && did.phoneExtension && did.serverIp) {
    return { to: `/phones/${encodeURIComponent(did.serverIp)}/${encodeURIComponent(did.phoneExtension)}`, label: `Phone ${did.phoneExtension} on ${did.serverIp}` };
  }
  if (did.route === 'IN_GROUP' && did.inGroup) return { to: `${didPaths.list}?${new URLSearchParams({ inGroup: did.inGroup })}`, label: `DIDs routed to ${did.inGroup}` };
  if (did.route === 'CALLMENU' && did.menuId) {
    return { to: `${didPaths.list}?${new URLSearchParams({ route: 'CALLMENU', target: did.menuId })}`, label: `DIDs routed to ${did.menuId}` };
  }
  return undefined;
}

/** The route's target, linked to what it is, and a warning when VICIdial no longer has it (calls to it go nowhere). */
function Target({ did }: { did: DidDetail }) {
  const link = targetLink(did);
  return (
    <>
      {link ? (
        <Link to={link.to} aria-label={link.label}>
          {didTarget(did)}
        </Link>
      ) : (
        <Value value={didTarget(did)} />
      )}
      {did.targetMissing && (
        <>
          {' '}
          <span className="badge badge--missing">no such {missableTargetKind(did.route)}</span>
        </>
      )}
    </>
  );
}
