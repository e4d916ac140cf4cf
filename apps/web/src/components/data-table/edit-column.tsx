import type { RowData } from '@tanstack/react-table';
import { Link } from 'react-router';
import { type ListColumn, listColumns } from './data-table';

/** A list's last column for those who may edit: an Edit link per row, named for the row ("Edit alias pod_1"). */
export function editColumn<T extends RowData>(to: (row: T) => string, name: (row: T) => string): ListColumn<T> {
  return listColumns<T>().display({
    id: 'actions',
    header: 'Actions',
    cell: ({ row }) => (
      <Link to={to(row.original)}>
        Edit <span className="visually-hidden">{name(row.original)}</span>
      </Link>
    ),
  });
}
