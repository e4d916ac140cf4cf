import { Link } from 'react-router';
import type { AuditEntry } from '@vicidash/contracts/audit';

const TYPE_LABELS: Record<string, string> = { phone: 'Phone', alias: 'Alias', did: 'DID' };

/** The detail page of an audited record (links between features are plain paths); none for servers or a bare pattern. */
export function recordPath({ type, id }: AuditEntry['target']): string | undefined {
  if (type === 'did') return /^[1-9]\d*$/.test(id) ? `/dids/${id}` : undefined;
  if (type === 'alias') return `/aliases/${encodeURIComponent(id)}`;
  if (type === 'phone') {
    const at = id.lastIndexOf('@');
    return at > 0 ? `/phones/${encodeURIComponent(id.slice(at + 1))}/${encodeURIComponent(id.slice(0, at))}` : undefined;
  }
  return undefined;
}

/** "DID 42", linked to its page when there is one; a rebuild request concerns the servers. */
export function RecordLink({ target }: { target: AuditEntry['target'] }) {
  const label = target.type === 'server' ? 'Servers' : `${TYPE_LABELS[target.type] ?? target.type} ${target.id}`;
  const path = recordPath(target);
  return path ? <Link to={path}>{label}</Link> : <>{label}</>;
}
