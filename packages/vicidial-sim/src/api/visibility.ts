/**
 * Which records an API user may see, from its user group's admin_viewable_groups (e.g. ' LIMITED ').
 * A restricted user sees records whose user_group is '---ALL---' or one of the listed groups; a
 * hidden record answers "… DOES NOT EXIST". `null` means no restriction.
 *
 * VICIdial turns the value into an SQL list by dropping every " -" and splitting on spaces, so the
 * list keeps the empty strings around the names (a record with user_group '' is visible too).
 */
function groupsOf(adminViewableGroups: string | null): string[] {
  return ['---ALL---', ...(adminViewableGroups ?? '').replace(/ -/g, '').split(' ')];
}

const seesAll = (adminViewableGroups: string | null) => /--ALL--/i.test(adminViewableGroups ?? '');

/**
 * update_phone, ingroup_list, callmenu_list: a value of 3 characters or fewer — including a missing
 * vicidial_user_groups row — restricts nothing.
 */
export function viewableGroupsLenient(adminViewableGroups: string | null): string[] | null {
  // PHP's strlen counts bytes.
  if (seesAll(adminViewableGroups) || Buffer.byteLength(adminViewableGroups ?? '') <= 3) return null;
  return groupsOf(adminViewableGroups);
}

/**
 * update_did, copy_did: any value without '--ALL--' restricts, even an empty one or a missing group
 * row, which leaves only the '---ALL---' (and '') records visible.
 */
export function viewableGroupsStrict(adminViewableGroups: string | null): string[] | null {
  return seesAll(adminViewableGroups) ? null : groupsOf(adminViewableGroups);
}
