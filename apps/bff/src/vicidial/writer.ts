import type {
  AddDidParams,
  AddPhoneAliasParams,
  AddPhoneParams,
  CopyDidParams,
  UpdateDidParams,
  UpdatePhoneAliasParams,
  UpdatePhoneParams,
  VicidialClient,
  VicidialResult,
} from '@vicidash/vicidial-client';
import type { VicidialApiAccount } from './api-account.js';
import { FIELD_NAMES, type FieldNames, translateFailure } from './translate.js';

/** The fields of a DID change without the DID itself (VICIdial addresses a DID by its pattern). */
export type DidChange = Omit<UpdateDidParams, 'did_pattern'>;

/**
 * Every write of the BFF goes through here: the client's calls, each answering its data or throwing
 * the translated AppError. Writes are never retried (a lost answer is not a lost write); a transport
 * failure says whether the change may have been made. Nothing is sent while VICIdial refuses the
 * API user (api-account.ts): each refused login brings VICIdial's lock-out closer.
 */
export class VicidialWriter {
  constructor(
    private readonly client: VicidialClient,
    /** After every call, whatever its answer (a failed one may have been applied): the lists look again. */
    private readonly afterWrite: () => void,
    private readonly account: VicidialApiAccount,
  ) {}

  private async send<T>(call: () => Promise<VicidialResult<T>>, names: FieldNames): Promise<T> {
    await this.account.assertUsable();
    const result = await call();
    this.afterWrite();
    if (result.kind === 'ok') return result.data;
    throw (result.kind === 'auth' && (await this.account.refused(result))) || translateFailure(result, names);
  }

  addPhone = (params: AddPhoneParams) => this.send(() => this.client.addPhone(params), FIELD_NAMES.phone);
  updatePhone = (params: UpdatePhoneParams) => this.send(() => this.client.updatePhone(params), FIELD_NAMES.phone);
  addAlias = (params: AddPhoneAliasParams) => this.send(() => this.client.addPhoneAlias(params), FIELD_NAMES.alias);
  updateAlias = (params: UpdatePhoneAliasParams) => this.send(() => this.client.updatePhoneAlias(params), FIELD_NAMES.alias);
  addDid = (params: AddDidParams) => this.send(() => this.client.addDid(params), FIELD_NAMES.did);
  updateDid = (params: UpdateDidParams) => this.send(() => this.client.updateDid(params), FIELD_NAMES.did);
  copyDid = (params: CopyDidParams) => this.send(() => this.client.copyDid(params), FIELD_NAMES.didCopy);
  refreshServers = () => this.send(() => this.client.serverRefresh(), FIELD_NAMES.server);
}
