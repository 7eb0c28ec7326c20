// The address fields an office has wherever the graph shows one (ExtractedOffice, what a
// worker found; ValidatedOffice, what a reviewer approved): one list, in the domain's order.
import { OFFICE_FIELDS, type OfficeField } from '../../domain/district-office.ts';

/** A Pothos field builder of a parent that has every office field as a nullable string. */
interface ExposesStrings {
  exposeString(name: OfficeField, options: { nullable: true }): unknown;
}

export function officeAddressFields<B extends ExposesStrings>(t: B): Record<OfficeField, ReturnType<B['exposeString']>> {
  return Object.fromEntries(OFFICE_FIELDS.map((name) => [name, t.exposeString(name, { nullable: true })])) as Record<OfficeField, ReturnType<B['exposeString']>>;
}
