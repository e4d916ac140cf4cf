import type { FunctionHandler } from './context.js';
import type { ApiReply } from './reply.js';
import { viewableGroupsLenient } from './visibility.js';

/**
 * ingroup_list and callmenu_list: VICIdial's HTML chooser pages (an iframe of its admin screen that
 * fills the form field named by `comments`). Values are printed unescaped, as VICIdial prints them.
 */
const FONT1 = '<font size=1 face="Arial,Helvetica">';
const FONT2 = '<font size=2 face="Arial,Helvetica">';

const PAGE_HEAD = `
<HTML><head><title>NON-AGENT API</title>
<script language="Javascript">
function choose_file(filename,fieldname)
\t{
\tif (filename.length > 0)
\t\t{
\t\tparent.document.getElementById(fieldname).value = filename;
\t\tdocument.getElementById("selectframe").innerHTML = '';
\t\tdocument.getElementById("selectframe").style.visibility = 'hidden';
\t\tparent.close_chooser();
\t\t}
\t}
function close_file()
\t{
\tdocument.getElementById("selectframe").innerHTML = '';
\tdocument.getElementById("selectframe").style.visibility = 'hidden';
\tparent.close_chooser();
\t}
</script>
</head>

<body>
<a href="javascript:close_file();">${FONT1}close frame</font></a>
<div id='selectframe' style="height:400px;width:710px;overflow:scroll;">
<table border=0 cellpadding=1 cellspacing=2 width=690 bgcolor=white><tr>
<td width=30>#</td>
`;
const PAGE_FOOT = '</table></div></body></HTML>\n';

/** The chooser's field name: VICIdial drops ; # " from `comments` and reads '+' as a space. */
const fieldName = (comments: string) => comments.replace(/[;#"]/g, '').replace(/\+/g, ' ');

/** One chooser row: number, the clickable id, then the row's other cells (each already closed). */
function row(index: number, id: string, field: string, cells: string): string {
  const color = index % 2 === 1 ? '#E6E6E6' : '#F6F6F6';
  return (
    `<tr bgcolor="${color}"><td width=30>${FONT1}${index}</td>\n` +
    `<td colspan=2><a href="javascript:choose_file('${id}','${field}');">${FONT2}${id}</a></td>\n` +
    `${cells}</tr>\n`
  );
}

const page = (columns: string, rows: string[]): ApiReply => ({
  status: 200,
  body: `${PAGE_HEAD}${columns}</tr>\n${rows.join('')}${PAGE_FOOT}`,
});

/** Active in-groups the user may see, by group_id. */
export const ingroupList: FunctionHandler = async (ctx) => {
  const groups = viewableGroupsLenient(ctx.user.adminViewableGroups);
  let query = ctx.db
    .selectFrom('vicidial_inbound_groups')
    .select(['group_id', 'group_name', 'group_color'])
    .where('active', '=', 'Y');
  if (groups) query = query.where('user_group', 'in', groups);
  const found = await query.orderBy('group_id').execute();
  const field = fieldName(ctx.param('comments'));
  const rows = found.map((g, i) =>
    row(
      i + 1,
      g.group_id,
      field,
      `<td>${FONT2}${g.group_name ?? ''}</td>\n<td bgcolor="${g.group_color ?? ''}">${FONT2} &nbsp; &nbsp; &nbsp; &nbsp; </td>`,
    ),
  );
  return page('<td colspan=2>Inbound Groups</td>\n<td>Name</td>\n<td>Color</td>\n', rows);
};

/** Every call menu the user may see (call menus have no active flag), by menu_id. */
export const callmenuList: FunctionHandler = async (ctx) => {
  const groups = viewableGroupsLenient(ctx.user.adminViewableGroups);
  let query = ctx.db.selectFrom('vicidial_call_menu').select(['menu_id', 'menu_name']);
  if (groups) query = query.where('user_group', 'in', groups);
  const found = await query.orderBy('menu_id').execute();
  const field = fieldName(ctx.param('comments'));
  const rows = found.map((m, i) => row(i + 1, m.menu_id, field, `<td>${FONT2}${m.menu_name ?? ''}</td>`));
  return page('<td colspan=2>Call Menus</td>\n<td>Name</td>\n', rows);
};
