import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { DEFAULT_GMT_OFFSET } from '@vicidash/contracts/gmt';
import { type CreatePhoneRequest, createPhoneRequestSchema } from '@vicidash/contracts/phone';
import type { z } from 'zod';
import { CheckboxField, FormError, TextField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { ErrorState, LoadingState } from '../../../components/states';
import { DraftNotice, useFormSaved } from '../../../components/unsaved-changes';
import { useFormDraft } from '../../../lib/form-draft';
import { setServerErrors } from '../../../lib/form-errors';
import { useCreatePhone } from '../api/phones';
import { phonePaths } from '../paths';
import { ALL_USER_GROUPS, ChoiceField, type PhoneChoices, protocolChoices, usePhoneChoices, webphoneChoices } from './phone-choices';
import { saveOutcomeState } from './save-outcome';
import './phone-form.css';

type CreateValues = z.input<typeof createPhoneRequestSchema>;

/** A new phone starts as VICIdial would make it: SIP, VICIdial's default time zone, every user group. */
const DEFAULTS: CreateValues = {
  extension: '',
  serverIp: '',
  login: '',
  fullName: '',
  dialplanNumber: '',
  voicemailId: '',
  outboundCallerId: '',
  protocol: 'SIP',
  gmtOffset: DEFAULT_GMT_OFFSET,
  password: '',
  registrationPassword: '',
  userGroup: ALL_USER_GROUPS,
};

/** Optional fields left empty are not sent (VICIdial keeps its default). */
const optional = { setValueAs: (value: string) => (value === '' ? undefined : value) };

const SECRET_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random secret of letters and digits (the characters VICIdial keeps), from the browser's CSPRNG. */
function generateSecret(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => SECRET_CHARS[byte % SECRET_CHARS.length]).join('');
}

export function PhoneCreatePage() {
  const { choices, error, retry } = usePhoneChoices();
  return (
    <>
      <PageHeader
        title="Add phone"
        actions={
          <Link className="button" to={phonePaths.list}>
            All phones
          </Link>
        }
      />
      <RequirePermission permission="create:phones">
        {choices ? <PhoneCreateForm choices={choices} /> : error ? <ErrorState error={error} onRetry={retry} /> : <LoadingState />}
      </RequirePermission>
    </>
  );
}

function PhoneCreateForm({ choices }: { choices: PhoneChoices }) {
  const form = useForm<CreateValues, unknown, CreatePhoneRequest>({ resolver: zodResolver(createPhoneRequestSchema), defaultValues: DEFAULTS });
  const draft = useFormDraft(form);
  const create = useCreatePhone();
  const saved = useFormSaved(draft);
  const [showSecrets, setShowSecrets] = useState(false);
  const { errors, isSubmitting } = form.formState;

  /** The dialplan number and voicemail box usually are the extension: follow it until the user types their own. */
  const followExtension = (extension: string) => {
    for (const name of ['dialplanNumber', 'voicemailId'] as const) {
      if (!form.getFieldState(name).isDirty) form.setValue(name, extension);
    }
  };
  const generate = (name: 'password' | 'registrationPassword') => {
    form.setValue(name, generateSecret(), { shouldDirty: true, shouldValidate: true });
    setShowSecrets(true);
  };

  const submit = form.handleSubmit(async (phone) => {
    try {
      const answer = await create.mutateAsync(phone);
      const summary = `Added phone ${answer.extension} on ${answer.serverIp}.`;
      saved(summary, phonePaths.detail(answer), saveOutcomeState({ summary, serversAwaitingRebuild: answer.serversAwaitingRebuild }));
    } catch (failure) {
      setServerErrors(form.setError, failure);
    }
  });

  const secretType = showSecrets ? 'text' : 'password';
  return (
    <form className="phone-form" onSubmit={(event) => void submit(event)} noValidate aria-label="New phone">
      <DraftNotice draft={draft} />
      <FormError message={errors.root?.server?.message} />

      <fieldset className="panel">
        <legend>Phone</legend>
        <div className="phone-form-grid">
          <TextField
            label="Extension"
            hint="2 to 100 letters, digits, - or _"
            required
            error={errors.extension?.message}
            {...form.register('extension', { onChange: (event: { target: { value: string } }) => followExtension(event.target.value) })}
          />
          <ChoiceField label="Server" required placeholder="Choose a server" choices={choices.servers} error={errors.serverIp?.message} {...form.register('serverIp')} />
          <TextField label="Login" hint="Agents log in with it: up to 15 letters, digits, - or _" required autoComplete="off" error={errors.login?.message} {...form.register('login')} />
          <TextField label="Full name" required error={errors.fullName?.message} {...form.register('fullName')} />
          <TextField label="Dialplan number" hint="Follows the extension until you change it" required error={errors.dialplanNumber?.message} {...form.register('dialplanNumber')} />
          <TextField label="Voicemail box" hint="Follows the extension until you change it" required error={errors.voicemailId?.message} {...form.register('voicemailId')} />
          <TextField label="Outbound caller ID" hint="6 to 18 digits" required inputMode="numeric" error={errors.outboundCallerId?.message} {...form.register('outboundCallerId')} />
          <ChoiceField label="Protocol" required choices={protocolChoices} error={errors.protocol?.message} {...form.register('protocol')} />
          <ChoiceField label="Time zone" required choices={choices.timeZones} error={errors.gmtOffset?.message} {...form.register('gmtOffset')} />
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>SIP secrets</legend>
        <div className="phone-form-grid">
          <SecretInput label="Password" type={secretType} error={errors.password?.message} onGenerate={() => generate('password')} {...form.register('password')} />
          <SecretInput
            label="Registration password"
            type={secretType}
            error={errors.registrationPassword?.message}
            onGenerate={() => generate('registrationPassword')}
            {...form.register('registrationPassword')}
          />
        </div>
        <CheckboxField label="Show the passwords" checked={showSecrets} onChange={(event) => setShowSecrets(event.target.checked)} />
      </fieldset>

      <fieldset className="panel">
        <legend>Optional settings</legend>
        <div className="phone-form-grid">
          <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...form.register('email', optional)} />
          <TextField label="Context" hint="Leave empty for VICIdial's default" error={errors.context?.message} {...form.register('context', optional)} />
          <ChoiceField label="User group" choices={choices.userGroups} error={errors.userGroup?.message} {...form.register('userGroup')} />
          <ChoiceField label="Template" choices={choices.templates} error={errors.templateId?.message} {...form.register('templateId', optional)} />
          <ChoiceField label="Webphone" placeholder="VICIdial's default" choices={webphoneChoices} error={errors.webphone?.message} {...form.register('webphone', optional)} />
        </div>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add phone'}
        </button>
        <Link className="button" to={phonePaths.list}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

type SecretInputProps = Omit<Parameters<typeof TextField>[0], 'hint' | 'required'> & { onGenerate: () => void };

/** A new secret: typed, or generated (then shown, to be copied into the phone's settings). */
function SecretInput({ onGenerate, label, ...input }: SecretInputProps) {
  return (
    <div className="secret-input">
      <TextField label={label} hint="2 to 30 letters, digits, - or _" required autoComplete="new-password" spellCheck={false} {...input} />
      <button type="button" className="button" onClick={onGenerate}>
        Generate <span className="visually-hidden">{label}</span>
      </button>
    </div>
  );
}
