/**
 * After the contest: the winners' projects and the teams' reports on them (issue 25). The conference is
 * one step of a year-long project («Итоги проекта подведут в ноябре следующего года»); the organizer must
 * report to the grant operator what the funded communities achieved, and district offices want to know
 * what their delegates built.
 *
 * Rows are plain JSON like every synced row. A report states what was reached *so far* (cumulative): the
 * latest accepted report of a project is its current state, earlier rounds are history, never summed.
 */
import type { Id, IsoDate, IsoDateTime } from '../domain/types';

/** Kinds of community a project founds or grows, in the words of such programmes. */
export const communityTypes = ['tos', 'neighbours', 'youth', 'ngo', 'initiative', 'other'] as const;
export type CommunityType = (typeof communityTypes)[number];

/** The numeric indicators every project plans and reports. */
export const indicatorKeys = ['peopleInvolved', 'eventsHeld', 'volunteers', 'moneyRaised'] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];
export type Indicators = Record<IndicatorKey, number>;

/** A community the project set out to found (planned) or founded (reached), with its name when it exists. */
export type CommunityFounded = { founded: boolean; name?: string };

export type Milestone = { id: Id; title: string; due: IsoDate };

/** `closed`: summed up; `abandoned`: the team stopped (with a reason); otherwise the project runs. */
export type ProjectLifecycle = 'running' | 'closed' | 'abandoned';

export type Project = {
  id: Id;
  eventId: Id;
  contestId: Id;
  /** The winning application this project grew from. */
  applicationId: Id;
  title: string;
  municipalityId?: Id;
  communityType: CommunityType;
  /** Registrations (people of the event) in the team; the first is the team lead. */
  teamRegistrationIds: Id[];
  /** Roubles granted, if the contest gave grants. */
  grantAmount?: number;
  planned: Indicators;
  plannedCommunity: CommunityFounded;
  milestones: Milestone[];
  /** When the interim and final reports are due. */
  interimReportDue?: IsoDate;
  finalReportDue: IsoDate;
  lifecycle: ProjectLifecycle;
  abandonedReason?: string;
  createdAt: IsoDateTime;
};

export type MilestoneState = 'done' | 'in-progress' | 'not-started' | 'dropped';
export type MilestoneReport = { milestoneId: Id; state: MilestoneState; doneOn?: IsoDate };

export type ReportKind = 'interim' | 'final';
/** `received`: waiting for the organizer; `returned`: sent back for rework with a reason. */
export type ReportReview = 'received' | 'accepted' | 'returned';

export type ProjectReport = {
  id: Id;
  projectId: Id;
  kind: ReportKind;
  /** 1, 2, … per project: a returned report comes back as the next round. */
  round: number;
  submittedAt: IsoDateTime;
  /** Cumulative values so far; a missing key means «не указано», never zero. */
  reached: Partial<Indicators>;
  community: CommunityFounded;
  text: string;
  milestones: MilestoneReport[];
  /** Photo attachments (bytes kept apart, like application attachments). */
  photoIds: Id[];
  review: ReportReview;
  returnReason?: string;
};
