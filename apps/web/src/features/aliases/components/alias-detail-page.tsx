import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ALIAS_LOGINS_BUDGET, type AliasDetail, aliasLoginsLength } from '@vicidash/contracts/alias';
import { Details, Value } from '../../../components/details';
import { RecordHistory, showsHistory } from '../../../components/history/record-history';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { Can, useCan } from '../../../lib/auth';
import { aliasQueryOptions } from '../api/aliases';
import { aliasPaths } from '../paths';
import { DeleteAliasButton } from './delete-alias-button';

export function AliasDetailPage() {
  const { aliasId = '' } = useParams();
  const alias = useQuery(aliasQueryOptions(aliasId));
  const canEdit = useCan('update:aliases');

  return (
    <>
      <PageHeader
        title={`Alias ${aliasId}`}
        actions={
          <>
            <Link className="button" to={aliasPaths.list}>
              All aliases
            </Link>
            {canEdit && alias.data && (
              <Link className="button button--primary" to={aliasPaths.edit(aliasId)}>
                Edit alias
              </Link>
            )}
            {alias.data && (
              <Can permission="delete:aliases">
                <DeleteAliasButton alias={alias.data} />
              </Can>
            )}
          </>
        }
      />
      <QueryState query={alias}>{(data) => <AliasDetails alias={data} />}</QueryState>
      {showsHistory(alias) && <RecordHistory type="alias" id={aliasId} />}
    </>
  );
}

/** A phone's page (links between features are plain paths). */
const phonePath = ({ serverIp, extension }: AliasDetail['phones'][number]) => `/phones/${encodeURIComponent(serverIp)}/${encodeURIComponent(extension)}`;

function AliasDetails({ alias }: { alias: AliasDetail }) {
  const phones = new Map(alias.phones.map((phone) => [phone.login, phone]));
  return (
    <section className="panel" aria-label="Alias settings">
      <Details
        items={[
          ['Alias ID', alias.aliasId],
          ['Name', <Value value={alias.name} />],
          ['User group', <Value value={alias.userGroup} />],
          [
            'Phone logins',
            <ul className="inline-list">
              {alias.logins.map((login) => {
                const phone = phones.get(login);
                return (
                  <li key={login}>
                    {phone ? (
                      <Link to={phonePath(phone)} aria-label={`${login}: phone ${phone.extension} on ${phone.serverIp}`}>
                        {login}
                      </Link>
                    ) : (
                      <>
                        {login}
                        <strong> (no such phone)</strong>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>,
          ],
          ['Length of the list', `${aliasLoginsLength(alias.logins)} of ${ALIAS_LOGINS_BUDGET} characters`],
        ]}
      />
    </section>
  );
}
