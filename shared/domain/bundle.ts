import type {
  Delegation,
  EventRow,
  Municipality,
  Organization,
  Person,
  ProgramItem,
  Registration,
  Section,
} from './types';

/** An event with everything that belongs to it, as the demo (and later imports) produce it. */
export type EventBundle = {
  event: EventRow;
  programItems: ProgramItem[];
  sections: Section[];
  /** Only municipalities that are not built in (other regions). */
  municipalities: Municipality[];
  organizations: Organization[];
  people: Person[];
  registrations: Registration[];
  delegations: Delegation[];
};
