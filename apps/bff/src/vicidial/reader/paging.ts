/** A list query's sort direction and page, as the contracts' listQuery parses them. */
export interface Paging {
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}
