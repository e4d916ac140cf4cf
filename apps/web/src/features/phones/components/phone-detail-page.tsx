import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { PhoneDetail, PhoneKey } from '@vicidash/contracts/phone';
import { Details, Value, YesNo } from '../../../components/details';
import { RecordHistory, showsHistory } from '../../../components/history/record-history';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { useCan } from '../../../lib/auth';
import { phoneQueryOptions } from '../api/phones';
import { phonePaths } from '../paths';
import { DeletePhoneButton } from './delete-phone';
import { PhoneSecrets } from './phone-secrets';
import { SaveOutcomeNotice } from './save-outcome';

export function PhoneDetailPage() {
  const { serverIp = '', extension = '' } = useParams();
  const key: PhoneKey = { serverIp, extension };
  const phone = useQuery(phoneQueryOptions(key));
  const canEdit = useCan('update:phones');

  return (
    <>
      <PageHeader
        title={`Phone ${extension}`}
        description={`On server ${serverIp}`}
        actions={
          <>
            <Link className="button" to={phonePaths.list}>
              All phones
            </Link>
            {canEdit && phone.data && (
              <Link className="button button--primary" to={phonePaths.edit(key)}>
                Edit phone
              </Link>
            )}
            {phone.data && <DeletePhoneButton phone={phone.data} />}
          </>
        }
      />
      <SaveOutcomeNotice />
      <QueryState query={phone}>
        {(data) => (
          <>
            <PhoneDetails phone={data} />
            <PhoneSecrets phoneKey={key} />
          </>
        )}
      </QueryState>
      {showsHistory(phone) && <RecordHistory type="phone" id={`${extension}@${serverIp}`} />}
    </>
  );
}

function PhoneDetails({ phone }: { phone: PhoneDetail }) {
  return (
    <section className="panel" aria-label="Phone settings">
      <Details
        items={[
          ['Extension', phone.extension],
          ['Server IP', phone.serverIp],
          ['Login', <Value value={phone.login} />],
          ['Full name', <Value value={phone.fullName} />],
          ['Dialplan number', <Value value={phone.dialplanNumber} />],
          ['Voicemail box', <Value value={phone.voicemailId} />],
          ['Protocol', <Value value={phone.protocol} />],
          ['Time zone (GMT offset)', <Value value={phone.gmtOffset} />],
          ['Outbound caller ID', <Value value={phone.outboundCallerId} />],
          ['Alternate outbound caller ID', <Value value={phone.outboundAltCallerId} />],
          ['Email', <Value value={phone.email} />],
          ['Context', <Value value={phone.context} />],
          ['User group', <Value value={phone.userGroup} />],
          ['Template', <Value value={phone.templateId} />],
          ['Ring timeout (seconds)', <Value value={phone.ringTimeout} />],
          ['Active', <YesNo value={phone.active} />],
          ['Status', <Value value={phone.status} />],
          ['Webphone', <Value value={phone.webphone} />],
          ['Webphone auto-answer', <YesNo value={phone.webphoneAutoAnswer} />],
          ['Use external server IP', <YesNo value={phone.useExternalServerIp} />],
          ['On-hook agent', <YesNo value={phone.onHookAgent} />],
          ['Delete voicemail after email', <YesNo value={phone.deleteVoicemailAfterEmail} />],
          [
            'Listed in aliases',
            phone.listedInAliases.length === 0 ? (
              <span className="none">none</span>
            ) : (
              <ul className="inline-list">
                {phone.listedInAliases.map((aliasId) => (
                  <li key={aliasId}>
                    <Link to={`/aliases/${encodeURIComponent(aliasId)}`}>{aliasId}</Link>
                  </li>
                ))}
              </ul>
            ),
          ],
        ]}
      />
    </section>
  );
}
