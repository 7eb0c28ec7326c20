// Roles are ordered: each includes the rights of those before it.
import type { Role } from '../config.ts';

export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

export function roleAtLeast(role: Role | undefined | null, needed: Role): boolean {
  if (!role) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
