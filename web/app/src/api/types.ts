/**
 * The API's types, taken from the same zod schemas the handlers validate with. Type-only imports:
 * zod itself never reaches the bundle.
 */
import type { Role } from '../../../../shared/auth/roles';

export type { Permission } from '../../../../shared/auth/permissions';
export type { Role } from '../../../../shared/auth/roles';
export type { Address, Page, Tier } from '../../../../shared/domain/common/fields';
export type {
  Company,
  CompanyCreate,
  CompanyListQuery,
  CompanyPatch,
} from '../../../../shared/domain/customers/company.schema';
export type {
  Contact,
  ContactCreate,
  ContactListQuery,
  ContactPatch,
  LifecycleStage,
} from '../../../../shared/domain/customers/contact.schema';
export type {
  CustomFieldCreate,
  CustomFieldDef,
  CustomFieldEntity,
  CustomFieldPatch,
} from '../../../../shared/domain/customers/custom-field.schema';
export type { AuditAction, FieldChange, TimelineEntry } from '../../../../shared/domain/customers/timeline.schema';
export type { ErrorBody } from '../../../../shared/http/error-body';

/** An entry of GET /api/staff. */
export interface StaffMember {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  /** Only active users can sign in and be given records; invited and disabled ones are listed for names. */
  status?: 'active' | 'invited' | 'disabled';
}

/** GET /api/me. */
export interface Me extends StaffMember {
  permissions: string[];
}

/** The JSON values a custom field can hold. */
export type CustomFieldValue = string | number | boolean | string[] | null;
