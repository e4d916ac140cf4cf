import { useFormContext } from 'react-hook-form';
import { RECORD_CALL_MODES, RECORDING_LABELS } from '@vicidash/contracts/did';
import { CheckboxField, SelectField, TextField } from '../../../components/form-field';
import type { DidFormValues } from '../form/did-values';

/** The DID's own settings (everything but the route). The pattern is typed for a new DID only. */
export function DidSettingsFields({ isNew, storedRecordCall }: { isNew: boolean; storedRecordCall: DidFormValues['recordCall'] }) {
  const { register, formState } = useFormContext<DidFormValues>();
  const { errors } = formState;
  return (
    <fieldset>
      <legend>DID</legend>
      {isNew && (
        <TextField
          label="DID number (pattern)"
          hint="The number as the carrier sends it, e.g. 3125550101 or +13125550101: 2 to 50 letters, digits or : + * # . _"
          required
          autoComplete="off"
          error={errors.pattern?.message}
          {...register('pattern')}
        />
      )}
      <TextField
        label="Description"
        hint={isNew ? '6 to 50 letters, digits, spaces or . , _ -' : '6 to 50 letters, digits, spaces or . , _ - (VICIdial cannot empty it)'}
        autoComplete="off"
        error={errors.description?.message}
        {...register('description')}
      />
      <CheckboxField label="Active (VICIdial routes its calls)" error={errors.active?.message} {...register('active')} />
      <SelectField label="Recording" error={errors.recordCall?.message} {...register('recordCall')}>
        {storedRecordCall === '' && <option value="">Not set</option>}
        {RECORD_CALL_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {RECORDING_LABELS[mode] ?? mode}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Clean caller ID number"
        hint="VICIdial's clean CID setting, applied to the caller's number: 1 to 20 letters, digits, spaces or . , _ - (VICIdial cannot empty it)"
        autoComplete="off"
        error={errors.filterCleanCidNumber?.message}
        {...register('filterCleanCidNumber')}
      />
    </fieldset>
  );
}
