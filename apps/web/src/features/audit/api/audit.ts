import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { type AuditQuery, auditListResponseSchema, auditPeopleResponseSchema } from '@vicidash/contracts/audit';
import { api } from '../../../lib/api-client';

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditQuery) => [...auditKeys.all, 'list', query] as const,
  people: () => [...auditKeys.all, 'people'] as const,
};

/** The people the audit names, for its person filter. */
export const auditPeopleQueryOptions = () =>
  queryOptions({
    queryKey: auditKeys.people(),
    queryFn: ({ signal }) => api.get('/api/audit/people', { schema: auditPeopleResponseSchema, signal }),
  });

/** A page of the audit; fetched again whenever the page opens (it is a log: what was just done belongs in it). */
export const auditListQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => api.get('/api/audit', { schema: auditListResponseSchema, query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
