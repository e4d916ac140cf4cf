import type { PhoneKey } from '@vicidash/contracts/phone';
import { Details, Value } from '../../../components/details';
import { errorMessage } from '../../../components/states';
import { useCan } from '../../../lib/auth';
import { useRevealSecrets } from '../api/phones';

/** A secret that has not been revealed: dots for the eye, "hidden" for screen readers. */
function Masked() {
  return (
    <>
      <span aria-hidden="true">••••••••</span>
      <span className="visually-hidden">hidden</span>
    </>
  );
}

/**
 * The phone's SIP secrets, masked, with a reveal for the roles that may see them (supervisors; the
 * BFF audits each reveal). Other roles get nothing: no control, no value, not even in the page.
 * The revealed values live in the mutation only, and Hide forgets them.
 */
export function PhoneSecrets({ phoneKey }: { phoneKey: PhoneKey }) {
  const canReveal = useCan('reveal:secrets');
  const reveal = useRevealSecrets(phoneKey);
  if (!canReveal) return null;
  const secrets = reveal.data;

  return (
    <section className="panel phone-secrets" aria-labelledby="phone-secrets-heading">
      <h2 id="phone-secrets-heading">SIP secrets</h2>
      <Details
        items={[
          ['Password', secrets ? <code><Value value={secrets.password} /></code> : <Masked />],
          ['Registration password', secrets ? <code><Value value={secrets.registrationPassword} /></code> : <Masked />],
        ]}
      />
      <p className="field-hint">Every reveal is recorded in the audit log.</p>
      <p className="form-error" role="alert">
        {reveal.isError ? errorMessage(reveal.error) : ''}
      </p>
      {secrets ? (
        <button type="button" className="button" onClick={() => reveal.reset()}>
          Hide secrets
        </button>
      ) : (
        <button type="button" className="button" onClick={() => reveal.mutate()} disabled={reveal.isPending}>
          {reveal.isPending ? 'Revealing…' : 'Reveal secrets'}
        </button>
      )}
    </section>
  );
}
