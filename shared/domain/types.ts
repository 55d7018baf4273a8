/**
 * Domain types shared by every layer. Rows are plain JSON-able objects: they travel in exchange files
 * and the change log, so no Dates (ISO strings), no class instances, no undefined-vs-missing tricks.
 */

export type Id = string;
/** ISO 8601 date ("2019-12-18") */
export type IsoDate = string;
/** ISO 8601 date-time with offset or Z */
export type IsoDateTime = string;

export type EventRow = {
  id: Id;
  title: string;
  /** Short name for the switcher. */
  shortTitle?: string;
  startDate: IsoDate;
  endDate: IsoDate;
  city: string;
  venue?: string;
  organizer?: string;
  project?: string;
  goal?: string;
  createdAt: IsoDateTime;
  /**
   * The organizer PIN as a salted hash (shared/security/organizer-pin.ts), never the PIN itself. It is
   * kept on the event row because that row travels in exchange files: a desk or a district office
   * learns the PIN that guards the organizer's areas on it without anyone typing it there.
   */
  organizerPin?: OrganizerPinRecord;
};

/** A salted, stretched hash of the organizer PIN and when and where it was set. */
export type OrganizerPinRecord = {
  /** 'scrypt' since issue 19 (6–8 digits); 'pbkdf2-sha256' records are older and still verified. */
  algo: 'pbkdf2-sha256' | 'scrypt';
  /** PBKDF2: iterations; scrypt: the cost N (r = 8, p = 1). */
  iterations: number;
  /** hex, random per PIN */
  salt: string;
  /** hex */
  hash: string;
  setAt: IsoDateTime;
  /** The organizer device that set it. */
  setBy: Id;
};

export type ProgramItemKind = 'plenary' | 'talk' | 'break' | 'sections' | 'other';
export type ProgramItem = {
  id: Id;
  eventId: Id;
  kind: ProgramItemKind;
  title: string;
  /** Topics of a plenary or a panel, in order. */
  topics?: string[];
  speakers?: string[];
  startsAt?: IsoDateTime;
  endsAt?: IsoDateTime;
  order: number;
};

export type Section = {
  id: Id;
  eventId: Id;
  title: string;
  room?: string;
  capacity: number;
  moderators: string[];
  startsAt?: IsoDateTime;
  endsAt?: IsoDateTime;
  order: number;
};

export type MunicipalityKind = 'district' | 'city' | 'other';
export type Municipality = {
  id: Id;
  name: string;
  kind: MunicipalityKind;
  region: string;
  federalDistrict: string;
  /** true for the reference list shipped in resources/; users add the others. */
  builtin: boolean;
};

export const organizationKinds = ['administration', 'ngo', 'education', 'culture', 'business', 'media', 'other'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];
export type Organization = {
  id: Id;
  name: string;
  kind: OrganizationKind;
  municipalityId?: Id;
};

/** Consent to personal-data processing (152-ФЗ). */
export type Consent = { given: boolean; at?: IsoDateTime; how?: 'paper' | 'form' | 'import' | 'desk' | 'other' };

export type Person = {
  id: Id;
  surname: string;
  /** May be an initial ("А.") when the source only had initials. */
  name: string;
  patronymic: string;
  phone?: string;
  email?: string;
  municipalityId?: Id;
  organizationId?: Id;
  position?: string;
  consent?: Consent;
};

export const roles = ['participant', 'speaker', 'expert', 'moderator', 'organizer', 'juror', 'guest'] as const;
export type Role = (typeof roles)[number];

export const categories = ['administration', 'ngo', 'citizen', 'education', 'youth', 'media', 'other'] as const;
export type Category = (typeof categories)[number];

export const registrationStatuses = ['invited', 'confirmed', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export type RegistrationSource = 'import' | 'walk-in' | 'manual' | 'demo';

export type Registration = {
  id: Id;
  eventId: Id;
  personId: Id;
  role: Role;
  category: Category;
  /** The delegation this person came with (a municipality). */
  municipalityId?: Id;
  status: RegistrationStatus;
  badgeCode: string;
  /** Section ids in order of preference. */
  sectionPrefs: Id[];
  /** The assigned section; absent while unassigned or on a waitlist. */
  sectionId?: Id;
  /** Set by a person (organizer or desk), not by the automatic assignment, which keeps it as is. */
  sectionFixed?: boolean;
  /** Why the automatic assignment left this person without a section (shown on the waitlist). */
  waitlistReason?: 'all-choices-full' | 'no-preferences' | 'over-capacity-fixed' | 'waitlist-cheaper';
  /** Shown prominently at the desk ("VIP", "нужно согласие на обработку ПДн"). */
  note?: string;
  source: RegistrationSource;
  createdAt: IsoDateTime;
  /**
   * A walk-in registered although the desk matched an existing person (same phone, or same name and
   * municipality): the operator's explicit «Это другой человек», kept with whom it was said about.
   */
  notSameAs?: { personIds: Id[]; operator: string; at: IsoDateTime };
};

export type Delegation = {
  /** `${eventId}:${municipalityId}` — one per municipality and event. */
  id: Id;
  eventId: Id;
  municipalityId: Id;
  expected: number;
  contact?: string;
  lastListAt?: IsoDateTime;
};

export type CheckinKind = 'arrive' | 'annul' | 'section-enter' | 'section-leave';
/**
 * Append-only. "Arrived" is derived from these entries, never stored as a flag: two desks writing a
 * flag would overwrite each other, two desks appending entries cannot.
 */
export type CheckinEntry = {
  /** A random nonce: the same entry arriving twice (exchange files) is stored once. */
  id: Id;
  eventId: Id;
  registrationId: Id;
  kind: CheckinKind;
  /** For 'annul': why; for section entries: the section. */
  reason?: string;
  /**
   * For 'annul': the 'arrive' entries it cancels — those in force on its device when the operator
   * pressed «Отменить». An arrival written elsewhere that the annulling desk had not seen stays in
   * force (the person did arrive there). Annuls written before this field existed have none and
   * cancel every arrival stamped before them (arrival.ts).
   */
  cancels?: Id[];
  sectionId?: Id;
  device: Id;
  operator: string;
  /** The device's wall clock when the operator pressed Enter. */
  at: IsoDateTime;
  hlc: string;
};

/** One printed badge (or certificate): the desk warns before printing the same one again. */
export type PrintLogEntry = {
  id: Id;
  eventId: Id;
  registrationId: Id;
  kind: 'badge';
  device: Id;
  operator: string;
  at: IsoDateTime;
};

export const deviceRoles = ['organizer', 'desk', 'district', 'juror'] as const;
export type DeviceRole = (typeof deviceRoles)[number];
export type Device = {
  id: Id;
  name: string;
  role: DeviceRole;
  publicKey?: string;
  createdAt: IsoDateTime;
};

export type Setting = { key: string; value: unknown };
