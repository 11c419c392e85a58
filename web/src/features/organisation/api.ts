/** Agencies (执法主体) and their units (承办机构): endpoints, shapes and tree helpers. */
import { api } from '../../app/api';

export type AgencyLevel = 'province' | 'city' | 'county' | 'township';

export interface Agency {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string;
  level: AgencyLevel;
  domain: string;
  creditCode: string;
  regionCode: string;
  actions?: { edit: boolean };
}

export interface AgencyInput {
  name: string;
  shortName: string;
  domain: string;
  creditCode: string;
  regionCode: string;
}

export interface Unit {
  id: string;
  agencyId: string;
  parentId: string | null;
  name: string;
  actions?: { edit: boolean };
}

export const organisationApi = {
  agencies: () => api.get<{ items: Agency[] }>('/api/agencies'),
  createAgency: (parentId: string, input: AgencyInput) =>
    api.post<Agency>('/api/agencies', { parentId, ...input }),
  updateAgency: (id: string, change: Partial<AgencyInput>) =>
    api.patch<Agency>(`/api/agencies/${id}`, change),
  /** Units of an agency; without one, of the viewer's own agency. */
  units: (agencyId?: string) => api.get<{ items: Unit[] }>('/api/units', { agencyId }),
  createUnit: (agencyId: string, name: string, parentId: string | null) =>
    api.post<Unit>('/api/units', { agencyId, name, parentId }),
  updateUnit: (id: string, change: { name?: string; parentId?: string | null }) =>
    api.patch<Unit>(`/api/units/${id}`, change),
};

export const levelLabels: Record<AgencyLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
};

/** The level a new subordinate agency gets; a township has none below it. */
export const childLevel: Partial<Record<AgencyLevel, AgencyLevel>> = {
  province: 'city',
  city: 'county',
  county: 'township',
};

export type TreeNode<T> = T & { children?: TreeNode<T>[] };

/**
 * Nests items by `parentId`. An item whose parent is not in the list (outside
 * the viewer's scope) is a root. Leaves carry no `children`, so tables show no
 * expand icon for them.
 */
export function buildTree<T extends { id: string; parentId: string | null }>(items: T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>(items.map((item) => [item.id, { ...item }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

/** The ids of an item and everything below it: a unit cannot move under any of them. */
export function subtreeIds<T extends { id: string; parentId: string | null }>(
  items: T[],
  rootId: string,
): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && ids.has(item.parentId) && !ids.has(item.id)) {
        ids.add(item.id);
        grew = true;
      }
    }
  }
  return ids;
}

export interface UnitOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: UnitOption[];
}

/** Units as `TreeSelect` data; `disabled` ids are shown but cannot be chosen. */
export function unitTreeOptions(units: Unit[], disabled: Set<string> = new Set()): UnitOption[] {
  const convert = (node: TreeNode<Unit>): UnitOption => ({
    value: node.id,
    title: node.name,
    ...(disabled.has(node.id) && { disabled: true }),
    ...(node.children && { children: node.children.map(convert) }),
  });
  return buildTree(units).map(convert);
}
